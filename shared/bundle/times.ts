// How the bundle states a time (issue 12): every time says how it was obtained, approximate ones say
// 约, and nothing is dated after the moment of export. Pure, so the PDF writer and tests share it.
import { captureTrust } from '../domain/evidence';
import type { CaptureSource } from '../domain/evidence';
import type { TimeBasis } from '../extract/types';
import { CAPTURE_SOURCE_LABELS, localText } from './labels';

/** The timeline's 依据 column and the exhibit caption's words for each basis. */
export const BASIS_LABELS: Record<TimeBasis, string> = {
  shown: '截图所示',
  inferred: '按截图时间推算',
  approx: '约',
};

/** What a weak capture time is: said next to it, so a reader knows why it is only approximate. */
const WEAK_REASONS: Partial<Record<CaptureSource, string>> = {
  mtime: '复制或传输文件会改变此时间',
  clipboard: '粘贴的可能是较早的截图',
  import: '导入的时间，并非截图时间',
};

/**
 * Whether a local "YYYY-MM-DD[THH:mm[:ss]]" lies after the export, to the minute. A date-only value
 * is after only on a later day. The guard every dated line of the PDF passes.
 */
export function afterExport(at: string, exportedAt: string): boolean {
  return at.length <= 10 ? at > exportedAt.slice(0, 10) : at.slice(0, 16) > exportedAt.slice(0, 16);
}

/** "约 2026-12-03 16:33" for an approximate time, the plain local text otherwise. */
export function timeText(at: string, basis: TimeBasis | undefined, seconds = true): string {
  const text = localText(at, seconds);
  return basis === 'approx' ? `约 ${text}` : text;
}

export interface CaptureFacts {
  capturedAt: string;
  captureSource: CaptureSource;
  /** A time on screen is later than the capture time. */
  captureSuspect?: boolean;
  /** With a status-bar time: where the date came from. */
  captureDateFrom?: CaptureSource;
}

/** The exhibit caption's 拍摄时间: the time, its source and its trust; never a time after the export. */
export function captureTimeText(e: CaptureFacts, exportedAt: string): string {
  const source = CAPTURE_SOURCE_LABELS[e.captureSource];
  const weak = captureTrust(e.captureSource) === 'weak';
  const suspect = e.captureSuspect ? '；截图时间可能有误：截图中有晚于此时间的时刻' : '';
  if (afterExport(e.capturedAt, exportedAt)) return `不详（${source}晚于导出时间，设备时钟可能有误）${suspect}`;
  const dateFrom = e.captureSource === 'statusbar' && e.captureDateFrom ? `，日期取自${CAPTURE_SOURCE_LABELS[e.captureDateFrom]}` : '';
  if (!weak) return `${localText(e.capturedAt, true)}（依据：${source}${dateFrom}，可信）${suspect}`;
  const why = WEAK_REASONS[e.captureSource];
  return `约 ${localText(e.capturedAt, true)}（依据：${source}，不可靠${why ? `：${why}` : ''}）${suspect}`;
}
