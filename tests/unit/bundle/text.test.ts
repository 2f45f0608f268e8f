import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFontSource, embedFonts, resolveFontFiles } from '../../../electron/main/bundle/fonts';
import { Typesetter } from '../../../electron/main/bundle/text';

let ts: Typesetter;

beforeAll(async () => {
  const subset = await createFontSource(resolveFontFiles()).subset('订单详情截图聊天记录导出卡密提示已被使用请尽快处理退款，。（）“”');
  const doc = await PDFDocument.create();
  ts = new Typesetter(await embedFonts(doc, subset));
}, 30_000);

describe('Typesetter.wrap', () => {
  it('keeps lines within the width and loses no character', () => {
    const text = '卡密提示“已被使用”，请尽快处理退款。订单详情截图（聊天记录导出）';
    for (const width of [40, 60, 97, 150]) {
      const lines = ts.wrap(text, 9, width);
      expect(lines.join('')).toBe(text);
      // A closing mark may hang one character past the edge rather than start a line.
      for (const line of lines) expect(ts.width(line.replace(/[，。）”]$/, ''), 9)).toBeLessThanOrEqual(width + 0.01);
      for (const line of lines.slice(1)) expect(line[0]).not.toMatch(/[，。）”]/);
    }
  });

  it('adds no blank line after a line that ends on a hanging mark', () => {
    const width = ts.width('QQ 聊天记录导出（TXT', 9) + 0.5;
    expect(ts.wrap('QQ 聊天记录导出（TXT）', 9, width)).toEqual(['QQ 聊天记录导出（TXT）']);
    expect(ts.wrap('订\n\n单', 9, 100)).toEqual(['订', '', '单']);
  });

  it('keeps a hash whole on its own line when it does not fit after its label', () => {
    const hash = 'a'.repeat(40) + '0123456789abcdef0123456789ab';
    const lines = ts.wrap(`SHA-256：${hash}`, 9, ts.width(hash, 9) + 2);
    expect(lines).toEqual(['SHA-256：', hash]);
  });

  it('cuts a run longer than a whole line', () => {
    const lines = ts.wrap('x'.repeat(200), 9, 100);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('x'.repeat(200));
  });

  it('draws characters the font lacks as □ and remembers them', () => {
    expect(ts.clean('好😀\tok\u0007')).toBe('□□  ok');
    expect(ts.missing).toEqual(new Set(['好', '😀']));
  });
});
