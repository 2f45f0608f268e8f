// The bundle plan: which sections each part holds, the 证据目录 rows, and the split of exhibits into
// parts under an upload limit. Exhibits are never dropped or reordered; one that cannot fit a part
// even alone is reported, so the export can stop before writing anything.
import type { BundleEvidence, BundleTarget } from './types';
import { APP_LABELS, DEFAULT_PURPOSES, KIND_LABELS, exhibitLabel } from './labels';

export const SECTION_KEYS = ['cover', 'letter', 'index', 'timeline', 'exhibits', 'manifest'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export function sectionTitle(key: SectionKey, target: BundleTarget): string {
  switch (key) {
    case 'cover':
      return '封面';
    case 'letter':
      return target === '12315' ? '投诉书' : '申请说明';
    case 'index':
      return '证据目录';
    case 'timeline':
      return '时间线';
    case 'exhibits':
      return '证据材料';
    case 'manifest':
      return '文件清单（SHA-256）';
  }
}

/**
 * Part 1 carries the whole story; later parts repeat the cover (with their own 第 k 部分 line) and the
 * full index so each file can be read alone, and every part ends with the manifest of all files.
 */
export function partSections(part: number): SectionKey[] {
  return part === 1 ? [...SECTION_KEYS] : ['cover', 'index', 'exhibits', 'manifest'];
}

export const partLine = (part: number, count: number): string => `第 ${part} 部分 / 共 ${count} 部分`;
export const pageLine = (page: number, count: number): string => `第 ${page} 页 / 共 ${count} 页`;

export interface IndexRow {
  no: number;
  label: string;
  name: string;
  source: string;
  purpose: string;
}

type SourceEvidence = Pick<BundleEvidence, 'kind' | 'mediaType' | 'messages' | 'platform' | 'source' | 'format'>;

/** The 来源 column: the buyer's own words, else what the file is and which app it came from. */
export function evidenceSource(e: SourceEvidence): string {
  if (e.source !== undefined && e.source.trim() !== '') return e.source.trim();
  const app = e.platform ? APP_LABELS[e.platform] : '';
  if (e.messages !== null) return `${app === '' ? '' : `${app} `}聊天记录导出（${e.format.toUpperCase()}）`;
  switch (e.mediaType) {
    case 'video':
      return '视频录像（原文件另行提交）';
    case 'audio':
      return '录音（原文件另行提交）';
    case 'document':
      return `${e.format.toUpperCase()} 文件`;
    case 'text':
      return '文本文件';
    case 'page':
      return `保存的网页（${e.format.toUpperCase()}）`;
    case 'image':
      if (e.kind === 'defect') return '自行拍摄的照片';
      return `${app === '' ? '' : `${app} `}${KIND_LABELS[e.kind]}截图`;
  }
}

export const evidencePurpose = (e: Pick<BundleEvidence, 'purpose' | 'kind'>): string => (e.purpose.trim() !== '' ? e.purpose.trim() : DEFAULT_PURPOSES[e.kind]);

export function indexRows(evidence: readonly (SourceEvidence & Pick<BundleEvidence, 'title' | 'purpose'>)[]): IndexRow[] {
  return evidence.map((e, i) => ({
    no: i + 1,
    label: exhibitLabel(i + 1),
    name: e.title.trim() === '' ? KIND_LABELS[e.kind] : e.title.trim(),
    source: evidenceSource(e),
    purpose: evidencePurpose(e),
  }));
}

export interface SplitOptions {
  /** Bytes per part; null puts everything in one part. */
  limit: number | null;
  /** Bytes of part 1 without exhibits (cover, letter, index, timeline, manifest, fonts). */
  overheadFirst: number;
  /** Bytes of a later part without exhibits. */
  overheadOther: number;
}

export interface SplitResult {
  /** Exhibit indices (0-based) per part, in order and contiguous. */
  parts: number[][];
  /** Exhibits too large for any part even alone. */
  oversize: number[];
}

/**
 * Greedy and order-preserving: a part takes exhibits until the next would push it over the limit.
 * Part 1 may end up with no exhibits when its front matter leaves no room for the first one.
 */
export function splitIntoParts(sizes: readonly number[], opts: SplitOptions): SplitResult {
  if (opts.limit === null) return { parts: [sizes.map((_, i) => i)], oversize: [] };
  const limit = opts.limit;
  const oversize = sizes.flatMap((s, i) => (s + opts.overheadOther > limit ? [i] : []));
  const parts: number[][] = [[]];
  let used = opts.overheadFirst;
  sizes.forEach((size, i) => {
    const current = parts[parts.length - 1] ?? [];
    const room = limit - used;
    if (size <= room) {
      current.push(i);
      used += size;
      return;
    }
    // An oversize exhibit still gets a part of its own, so the plan shows where it would go.
    parts.push([i]);
    used = opts.overheadOther + size;
  });
  return { parts, oversize };
}

/** "out/证据包.pdf" → ["out/证据包-1.pdf", …]; one part keeps the name as given. */
export function partFileNames(file: string, count: number): string[] {
  if (count <= 1) return [file];
  const stem = file.replace(/\.pdf$/i, '');
  return Array.from({ length: count }, (_, i) => `${stem}-${i + 1}.pdf`);
}
