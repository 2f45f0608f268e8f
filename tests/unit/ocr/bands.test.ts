// The headline pass's pure geometry: ink runs and large unread bands on synthetic row profiles,
// crops with margins, crop boxes mapped back, and where the read line goes into the text.
import { describe, expect, it } from 'vitest';
import type { OcrWord } from '../../../shared/extract';
import { cropFor, fromCrop, inkRuns, insertLine, largeTextBands, medianHeight } from '../../../electron/main/ocr/bands';
import { amountLine, wantsHeadlinePass } from '../../../electron/main/ocr/headline';

const word = (text: string, x0: number, y0: number, x1: number, y1: number): OcrWord => ({ text, confidence: 90, bbox: { x0, y0, x1, y1 } });

/** A row profile: `rows` inked rows per [y0, y1) run, on a page `height` rows tall. */
function profile(height: number, runs: Array<[number, number]>): Uint32Array {
  const rows = new Uint32Array(height);
  for (const [y0, y1] of runs) rows.fill(50, y0, y1);
  return rows;
}

const everywhere = (): [number, number] => [100, 900];

describe('inkRuns', () => {
  it('splits at blank rows and bridges a one-row gap', () => {
    expect(inkRuns(profile(100, [[10, 20], [21, 30], [40, 45]]))).toEqual([[10, 30], [40, 45]]);
    expect(inkRuns(profile(100, [[10, 20], [22, 30]]))).toEqual([[10, 20], [22, 30]]);
    expect(inkRuns(profile(10, [[5, 10]]))).toEqual([[5, 10]]);
    expect(inkRuns(new Uint32Array(10))).toEqual([]);
  });
});

describe('largeTextBands', () => {
  // Ordinary lines 30 px tall; a 70-px headline at 200–270 that the first pass did not read.
  const lines: Array<[number, number]> = [[40, 70], [120, 150], [200, 270], [400, 430], [480, 510], [560, 590]];
  const words = [word('18:33', 50, 40, 150, 70), word('交易详情', 400, 120, 600, 150), word('交易状态:支付成功', 50, 400, 500, 430), word('支付时间:2026-10-05', 50, 480, 500, 510), word('订单编号:368926173099', 50, 560, 600, 590)];

  it('finds a tall band no first-pass word explains, with its inked columns', () => {
    expect(medianHeight(words)).toBe(30);
    expect(largeTextBands(profile(2000, lines), 2000, words, () => [300, 700])).toEqual([{ y0: 200, y1: 270, x0: 300, x1: 700 }]);
  });

  it('skips a band the first pass read, one too tall to be text, and one low on the page', () => {
    const read = [...words, word('-¥369.00', 300, 202, 700, 268)];
    expect(largeTextBands(profile(2000, lines), 2000, read, everywhere)).toEqual([]);
    const photo: Array<[number, number]> = [[40, 70], [120, 150], [200, 400], [480, 510], [560, 590]];
    expect(largeTextBands(profile(2000, photo), 2000, words, everywhere)).toEqual([]);
    const low: Array<[number, number]> = [[40, 70], [120, 150], [1200, 1270], [480, 510], [560, 590]];
    expect(largeTextBands(profile(2000, low), 2000, words, everywhere)).toEqual([]);
  });

  it('keeps at most two bands, the tallest, and none without words to measure against', () => {
    const many: Array<[number, number]> = [[40, 70], [100, 150], [200, 290], [320, 380], [480, 510], [560, 590]];
    const bands = largeTextBands(profile(2000, many), 2000, words, everywhere);
    expect(bands.map((b) => [b.y0, b.y1])).toEqual([[200, 290], [320, 380]]);
    expect(largeTextBands(profile(2000, many), 2000, [], everywhere)).toEqual([]);
  });
});

describe('crops', () => {
  it('adds half the band height around it, clamped to the image, and scales to the target height', () => {
    expect(cropFor({ y0: 200, y1: 280, x0: 300, x1: 700 }, 1000, 2000, 40)).toEqual({ left: 260, top: 160, width: 480, height: 160, scale: 0.5 });
    expect(cropFor({ y0: 10, y1: 90, x0: 5, x1: 990 }, 1000, 2000, 40)).toMatchObject({ left: 0, top: 0, width: 1000, height: 130 });
  });

  it('maps boxes read on the scaled crop back to the prepared image', () => {
    const crop = { left: 260, top: 160, width: 480, height: 160, scale: 0.5 };
    expect(fromCrop([word('-¥369.00', 20, 20, 220, 60)], crop)[0]?.bbox).toEqual({ x0: 300, y0: 200, x1: 700, y1: 280 });
  });
});

describe('insertLine', () => {
  const text = '18:33 4G\n交易详情\n京东支付\n交易状态:支付成功\n';
  const words = [word('18:33', 0, 40, 100, 70), word('4G', 800, 40, 850, 70), word('交易详情', 0, 120, 200, 150), word('京东支付', 0, 160, 200, 190), word('交易状态:支付成功', 0, 400, 500, 430)];

  it('puts the line before the first line below it', () => {
    expect(insertLine(text, words, '-¥369.00', 200)).toBe('18:33 4G\n交易详情\n京东支付\n-¥369.00\n交易状态:支付成功\n');
    expect(insertLine(text, words, '-¥1.00', 10)).toBe('-¥1.00\n18:33 4G\n交易详情\n京东支付\n交易状态:支付成功\n');
  });

  it('appends it when nothing is below', () => {
    expect(insertLine(text, words, '-¥369.00', 1000)).toBe(`${text}-¥369.00\n`);
  });
});

describe('headline reads', () => {
  it('keeps only a line that is an amount, with its own words', () => {
    const headline = [word('-¥369.00', 10, 50, 300, 100)];
    expect(amountLine({ text: '-¥369.00\n', words: headline })).toEqual({ line: '-¥369.00', words: headline });
    const split = [word('-', 0, 0, 1, 1), word('¥', 2, 0, 3, 1), word('1,299.00', 4, 0, 9, 1)];
    expect(amountLine({ text: '- ¥ 1,299.00', words: split })?.line).toBe('-¥1,299.00');
    // A label run into the band: the amount line is found below it, without the label's words.
    const label = word('京东支付', 100, 0, 200, 20);
    expect(amountLine({ text: '京东支付\n-¥369.00\n', words: [label, ...headline] })).toEqual({ line: '-¥369.00', words: headline });
    expect(amountLine({ text: '京东支付', words: [label] })).toBeNull();
    expect(amountLine({ text: '2026-10-05', words: [word('2026-10-05', 0, 0, 1, 1)] })).toBeNull();
    expect(amountLine({ text: '', words: [] })).toBeNull();
  });

  it('runs on bills and amount-less pages, never on chats', () => {
    expect(wantsHeadlinePass('账单详情\n抖音支付\n交易状态:支付成功\n支付时间:2026/10/07 12:37:27')).toBe(true);
    expect(wantsHeadlinePass('订单详情\n实付款 ¥149.90\n订单编号 123456789012')).toBe(false);
    expect(wantsHeadlinePass('快递理赔中心\n星期三 下午4:36\n买的卡密用不了\n昨天 凌晨0:22\n售后QQ群 232272439\n凌晨0:34\n好')).toBe(false);
  });
});
