// Issue 12 in the bundle: the timeline's 依据 column, 约 on approximate rows, the exhibit's capture
// time with source and trust, and nothing dated after the export.
import { describe, expect, it } from 'vitest';
import { caseOf, evidenceOf } from '../../tests/fixtures/bundle';
import { CAPTURE_SOURCES } from '../domain/evidence';
import { bundleTimeline } from './timeline';
import { afterExport, captureTimeText, timeText } from './times';

const EXPORT = '2026-12-04T10:39:00';

describe('afterExport', () => {
  it.each([
    ['2026-12-04T10:39', false],
    ['2026-12-04T10:39:59', false],
    ['2026-12-04T10:40', true],
    ['2026-12-04T18:03', true],
    ['2026-12-04', false],
    ['2026-12-05', true],
    ['2026-12-03T23:59:59', false],
  ])('%s after %s: %s', (at, expected) => {
    expect(afterExport(at, EXPORT)).toBe(expected);
  });
});

describe('bundleTimeline and times', () => {
  const rows = () =>
    bundleTimeline(
      {
        case: caseOf({ purchasedAt: '2026-11-30T20:31' }),
        events: [{ at: '2026-12-04T10:00:00', text: '申请退款' }],
        evidence: [
          evidenceOf({
            title: '客服聊天',
            kind: 'chat',
            captureSource: 'mtime',
            capturedAt: '2026-12-04T10:30:00',
            fields: [
              { type: 'timestamp', value: '2026-11-30T20:31:15', label: '付款时间', basis: 'shown' },
              { type: 'timestamp', value: '2026-12-03T16:33', label: null, basis: 'approx' },
              // Kept by mistake, or from a wrong clock: after the export, so never printed.
              { type: 'timestamp', value: '2026-12-04T18:03', label: null, basis: 'approx' },
            ],
          }),
          evidenceOf({ title: '订单截图', fields: [{ type: 'timestamp', value: '2026-11-29T09:00', label: null, basis: 'inferred' }, { type: 'timestamp', value: '2026-11-28', label: null }] }),
        ],
      },
      EXPORT,
    );

  it('says how each time was obtained, oldest first', () => {
    expect(rows().map((r) => [r.at, r.basis, r.source, r.text])).toEqual([
      ['2026-11-28', 'shown', '证据2', '截图所示时间（订单截图）'],
      ['2026-11-29T09:00', 'inferred', '证据2', '截图中的相对时间（订单截图）'],
      ['2026-11-30T20:31', 'case', '案件信息', '下单购买「XX游戏点卡 100元」，订单号 3456789012345678901'],
      ['2026-11-30T20:31:15', 'shown', '证据1', '付款时间（客服聊天）'],
      ['2026-12-03T16:33', 'approx', '证据1', '截图中的约略时间，经买家保留（客服聊天）'],
      ['2026-12-04T10:00:00', 'event', '案件记录', '申请退款'],
    ]);
  });

  it('never lists a time after the export', () => {
    expect(rows().every((r) => !afterExport(r.at, EXPORT))).toBe(true);
    const future = bundleTimeline({ case: caseOf({ purchasedAt: '2027-01-02T08:00' }), events: [{ at: '2026-12-04T11:00:00', text: '未来' }], evidence: [] }, EXPORT);
    expect(future).toEqual([]);
  });

  it.each([
    ['approx', '约 2026-12-03 16:33'],
    ['inferred', '2026-12-03 16:33'],
    ['shown', '2026-12-03 16:33'],
    [undefined, '2026-12-03 16:33'],
  ] as const)('timeText %s', (basis, text) => {
    expect(timeText('2026-12-03T16:33', basis)).toBe(text);
  });
});

describe('captureTimeText (the exhibit caption)', () => {
  it.each([
    ['exif', '2026-11-17 12:03:04（依据：照片 EXIF，可信）'],
    ['filename', '2026-11-17 12:03:04（依据：文件名，可信）'],
    ['statusbar', '2026-11-17 12:03:04（依据：截图状态栏时钟，可信）'],
    ['user', '2026-11-17 12:03:04（依据：用户核对设定，可信）'],
    ['mtime', '约 2026-11-17 12:03:04（依据：文件修改时间，不可靠：复制或传输文件会改变此时间）'],
    ['clipboard', '约 2026-11-17 12:03:04（依据：粘贴时间，不可靠：粘贴的可能是较早的截图）'],
    ['import', '约 2026-11-17 12:03:04（依据：导入时间，不可靠：导入的时间，并非截图时间）'],
  ] as const)('%s', (captureSource, text) => {
    expect(captureTimeText({ capturedAt: '2026-11-17T12:03:04', captureSource }, EXPORT)).toBe(text);
  });

  it('says where a status-bar time took its date from', () => {
    expect(captureTimeText({ capturedAt: '2026-11-17T12:03:20', captureSource: 'statusbar', captureDateFrom: 'mtime' }, EXPORT)).toBe('2026-11-17 12:03:20（依据：截图状态栏时钟，日期取自文件修改时间，可信）');
  });

  it('covers every source', () => {
    for (const s of CAPTURE_SOURCES) expect(captureTimeText({ capturedAt: '2026-11-17T12:03:04', captureSource: s }, EXPORT)).toMatch(/依据/);
  });

  it('flags a suspect capture time and never prints one after the export', () => {
    expect(captureTimeText({ capturedAt: '2026-12-04T10:30:00', captureSource: 'mtime', captureSuspect: true }, EXPORT)).toContain('截图时间可能有误');
    const future = captureTimeText({ capturedAt: '2027-03-01T08:00:00', captureSource: 'exif' }, EXPORT);
    expect(future).not.toContain('2027');
    expect(future).toContain('晚于导出时间');
  });
});
