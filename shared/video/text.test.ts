import { describe, expect, it } from 'vitest';
import { extractFields } from '../extract';
import { frameAtLine, frameHeader, hasKeyText, keyLines, mergeFrameReadings } from './text';

const page = (text: string) => extractFields({ text }, { capturedAt: '2026-11-17T12:03:04', anchorTrusted: true });

describe('frameHeader / frameAtLine', () => {
  it('names the frame, its offset and its clock time', () => {
    expect(frameHeader(3, 12.34, '2026-11-17T12:03:16.3')).toBe('【画面3 · 00:12.3 · 12:03:16】');
    expect(frameHeader(1, 0, null)).toBe('【画面1 · 00:00.0】');
  });
  it('finds the frame of any line of merged text', () => {
    const text = ['【画面1 · 00:00.0】', 'a', '【画面2 · 00:06.0 · 12:03:10】', 'b', 'c'].join('\n');
    expect(frameAtLine(text, 2)).toEqual({ no: 1, offset: '00:00.0' });
    expect(frameAtLine(text, 5)).toEqual({ no: 2, offset: '00:06.0' });
    expect(frameAtLine('x\ny', 2)).toBeNull();
  });
});

describe('keyLines', () => {
  it('puts the error message before the page furniture', () => {
    const e = page('12:03:12\n卡密兑换中心\n商品:游戏点卡100元\n订单号:202611171203045678\n请输入卡密\n兑换失败\n卡密已被使用\n请联系客服处理\n确定');
    const lines = keyLines(e);
    expect(lines.slice(0, 2)).toEqual(['兑换失败', '卡密已被使用']);
    expect(lines).toContain('订单号:202611171203045678');
    expect(hasKeyText(e)).toBe(true);
  });
  it('shows the first lines of a frame with nothing notable', () => {
    const e = page('首页\n推荐\n我的');
    expect(keyLines(e)).toEqual(['首页', '推荐']);
    expect(hasKeyText(e)).toBe(false);
  });
});

describe('mergeFrameReadings', () => {
  it('moves each field to its frame, and the earliest frame keeps a repeated value', () => {
    const a = page('订单号:202611171203045678\n请输入卡密');
    const b = page('订单号:202611171203045678\n卡密已被使用\n请先支付保证金解冻账户');
    const merged = mergeFrameReadings([
      { no: 1, offsetSec: 0, wallClock: null, extraction: a },
      { no: 4, offsetSec: 6, wallClock: null, extraction: b },
    ]);
    expect(merged.orderNumbers).toHaveLength(1);
    expect(frameAtLine(merged.text, merged.orderNumbers[0]?.line ?? 0)?.no).toBe(1);
    const signal = merged.scamSignals[0];
    expect(merged.scam).toBe(b.scam);
    if (signal?.line !== undefined) expect(frameAtLine(merged.text, signal.line)?.offset).toBe('00:06.0');
    expect(merged.text.split('\n')[(merged.orderNumbers[0]?.line ?? 0) - 1]).toContain('202611171203045678');
  });
});

describe('fieldFrames', () => {
  it('names the frame and offset of each field by its review key', async () => {
    const { fieldFrames } = await import('./text');
    const merged = mergeFrameReadings([{ no: 2, offsetSec: 6.4, wallClock: null, extraction: page('订单号:202611171203045678') }]);
    expect(fieldFrames(merged)).toEqual({ 'orderNumber:202611171203045678': { no: 2, offset: '00:06.4' } });
  });
});
