// Issue 12 in a real PDF: the timeline's 依据 column, 约 on a kept approximate row, the exhibit's
// capture time with its source and trust, and no time after the moment of export anywhere.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundleService } from '../../../electron/main/bundle';
import { makeFixture, sourceFiles } from './support';
import type { BundleFixture } from './support';
import { text } from './pdf';

const EXPORTED_AT = '2026-12-04T10:39:00';
let fx: BundleFixture;
let pdf: string;

beforeAll(async () => {
  const files = (await sourceFiles()).slice(0, 2);
  // The chat screenshot, as if copied to the PC with no time in its name: only the file time.
  const chat = files[1];
  if (!chat) throw new Error('fixture missing');
  files[1] = { ...chat, name: 'chat.png' };
  fx = await makeFixture(files);
  const [order, shot] = fx.input.evidence;
  if (!order || !shot) throw new Error('fixture missing');
  fx.input.evidence = [
    { ...order, fields: [...order.fields, { type: 'timestamp', value: '2026-11-14T09:00', label: null, basis: 'inferred' }] },
    {
      ...shot,
      capturedAt: '2026-12-04T10:30:00',
      captureSource: 'mtime',
      captureSuspect: true,
      fields: [
        { type: 'timestamp', value: '2026-12-03T16:33', label: null, basis: 'approx' },
        // A resolved time after the export (kept by mistake) must never reach the PDF.
        { type: 'timestamp', value: '2026-12-04T18:03', label: null, basis: 'approx' },
      ],
    },
  ];
  fx.input.exportedAt = EXPORTED_AT;
  fx.input.events = [{ at: '2026-12-05T08:00:00', text: '未来的记录' }];
  const service = createBundleService({ vaultDir: fx.vaultDir });
  pdf = path.join(fx.root, 'out', '证据包.pdf');
  await service.exportBundle(fx.input, { outFile: pdf, maxBytes: null, redact: false });
}, 60_000);

afterAll(() => fx.cleanup());

/** Every date-time printed in the PDF, as "YYYY-MM-DD HH:mm". */
function printedTimes(all: string): string[] {
  return [...all.matchAll(/(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/g)].map((m) => `${m[1]} ${m[2]}`);
}

describe('times in the exported bundle', () => {
  it('prints no time after the moment of export', async () => {
    const all = (await text(pdf)).replace(/\s+(?=\d{2}:\d{2})/g, ' ');
    const times = printedTimes(all);
    expect(times.length).toBeGreaterThan(4);
    expect(times.filter((t) => t > '2026-12-04 10:39')).toEqual([]);
    expect(all).not.toContain('未来的记录');
  });

  it('says in the timeline how each time was obtained', async () => {
    const timeline = (await text(pdf, 4)).replace(/[ \t]+/g, ' ');
    expect(timeline).toContain('依据');
    expect(timeline).toMatch(/2026-11-15 20:31:40 付款时间（订单详情截图） 截图所示/);
    expect(timeline).toMatch(/2026-11-14 09:00 截图中的相对时间（订单详情截图） 按截图时间推算/);
    expect(timeline).toMatch(/约 2026-12-03 16:33 截图中的约略时间，经买家保留（客服聊天截图） 约 证据2/);
    expect(timeline).toMatch(/买家填写/);
  });

  it('shows each exhibit’s capture time with its source and trust', async () => {
    const first = (await text(pdf, 5)).replace(/\s+/g, '');
    expect(first).toContain('2026-11-1520:32:00（依据：文件名，可信）');
    const second = (await text(pdf, 6)).replace(/\s+/g, '');
    expect(second).toContain('约2026-12-0410:30:00（依据：文件修改时间，不可靠：复制或传输文件会改变此时间）');
    expect(second).toContain('截图时间可能有误');
  });
});
