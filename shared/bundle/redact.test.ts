import { describe, expect, it } from 'vitest';
import type { OcrWord } from '../extract/types';
import { groupLines, padBox, redactionTargets } from './redact';
import type { RedactionKind } from './redact';

const CHAR = 20;

/** Words laid out left to right on one line, as tesseract reports them (CJK one character a word). */
function line(y: number, tokens: string[], x = 10, gap = 2): OcrWord[] {
  const words: OcrWord[] = [];
  for (const t of tokens) {
    words.push({ text: t, confidence: 90, bbox: { x0: x, y0: y, x1: x + t.length * CHAR, y1: y + 24 } });
    x += t.length * CHAR + gap;
  }
  return words;
}

const cjk = (s: string) => [...s];

describe('redactionTargets', () => {
  const cases: Array<{ name: string; words: OcrWord[]; found: Array<[RedactionKind, string]> }> = [
    { name: 'a mobile number after a label', words: line(100, [...cjk('电话'), '13800138000']), found: [['phone', '13800138000']] },
    { name: 'a mobile number split by spaces', words: line(100, [...cjk('手机'), '138', '0013', '8000']), found: [['phone', '13800138000']] },
    { name: 'a masked mobile number', words: line(100, ['138****8000']), found: [['phone', '138****8000']] },
    { name: 'an ID-card number', words: line(100, [...cjk('身份证'), '11010519491231002X']), found: [['id-card', '11010519491231002X']] },
    { name: 'a masked ID-card number', words: line(100, ['1101**********002X']), found: [['id-card', '1101**********002X']] },
    {
      name: 'a labelled address, label kept readable',
      words: line(100, [...cjk('收货地址：'), ...cjk('上海市浦东新区世纪大道100号')]),
      found: [['address', '上海市浦东新区世纪大道100号']],
    },
    { name: 'an unlabelled address', words: line(100, [...cjk('浙江省杭州市余杭区文一西路969号')]), found: [['address', '浙江省杭州市余杭区文一西路969号']] },
    { name: "the receiver's name", words: line(100, [...cjk('收货人：张三')]), found: [['name', '张三']] },
    { name: 'not a 19-digit order number', words: line(100, [...cjk('订单编号'), '3456789012345678901']), found: [] },
    { name: 'not a customer-service 400 number', words: line(100, [...cjk('客服电话'), '400-123-4567']), found: [] },
    { name: 'not a WeChat transaction id', words: line(100, ['4200001234202611151234567890']), found: [] },
  ];

  it.each(cases)('$name', ({ words, found }) => {
    expect(redactionTargets(words).map((t) => [t.kind, t.text])).toEqual(found);
  });

  it('boxes only the value, not the label beside it', () => {
    const words = line(100, [...cjk('电话'), '13800138000']);
    const [target] = redactionTargets(words);
    const number = words[2];
    expect(target?.box).toEqual(number?.bbox);
  });

  it('narrows a word that holds a label and a value together', () => {
    const words = line(100, ['电话13800138000']);
    const [target] = redactionTargets(words);
    // The word starts at x 10; two label characters take 2/13 of its 260 px width.
    expect(target?.box.x0).toBeCloseTo(10 + (2 * 260) / 13);
    expect(target?.box.x1).toBe(270);
  });

  it('finds targets line by line across a page', () => {
    const words = [...line(300, [...cjk('收货人：李明')]), ...line(100, ['13800138000']), ...line(200, [...cjk('订单号'), '3456789012345678901'])];
    const targets = redactionTargets(words);
    expect(targets.map((t) => [t.kind, t.box.y0])).toEqual([
      ['phone', 100],
      ['name', 300],
    ]);
  });
});

describe('redactionTargets: a wrapped address', () => {
  const label = line(100, [...cjk('收货地址：上海市浦东新区')]);
  const labelValueX1 = label[label.length - 1]?.bbox.x1 ?? 0;
  it.each([
    { name: 'the street line under it goes too', next: line(130, [...cjk('世纪大道100号1201室')]), found: ['上海市浦东新区', '世纪大道100号1201室'] },
    { name: 'a line with its own label stays', next: line(130, [...cjk('配送方式 快递 免邮')]), found: ['上海市浦东新区'] },
    { name: 'a labelled order line stays', next: line(130, [...cjk('订单编号：'), '3456789012345678901']), found: ['上海市浦东新区'] },
    { name: 'a line far below stays', next: line(220, [...cjk('世纪大道100号1201室')]), found: ['上海市浦东新区'] },
    { name: 'a line starting right of the address stays', next: line(130, [...cjk('世纪大道100号')], labelValueX1 + 40), found: ['上海市浦东新区'] },
    { name: 'plain words below stay', next: line(130, [...cjk('请尽快发货谢谢')]), found: ['上海市浦东新区'] },
  ])('$name', ({ next, found }) => {
    const targets = redactionTargets([...label, ...next]);
    expect(targets.map((t) => t.text)).toEqual(found);
    expect(targets.every((t) => t.kind === 'address')).toBe(true);
  });
});

describe('groupLines', () => {
  it('keeps words of slightly different heights on one line, in reading order', () => {
    const words: OcrWord[] = [
      { text: 'b', confidence: 90, bbox: { x0: 50, y0: 102, x1: 60, y1: 122 } },
      { text: 'a', confidence: 90, bbox: { x0: 10, y0: 100, x1: 20, y1: 124 } },
      { text: 'c', confidence: 90, bbox: { x0: 10, y0: 140, x1: 20, y1: 160 } },
    ];
    expect(groupLines(words).map((l) => l.map((w) => w.text).join(''))).toEqual(['ab', 'c']);
  });
});

describe('padBox', () => {
  it.each([
    [{ x0: 10.4, y0: 10.6, x1: 20.2, y1: 20.1 }, 2, { x0: 8, y0: 8, x1: 23, y1: 23 }],
    [{ x0: 0, y0: 0, x1: 100, y1: 5 }, 4, { x0: 0, y0: 0, x1: 50, y1: 9 }],
    [{ x0: 60, y0: 60, x1: 70, y1: 70 }, 0, null],
  ])('%j padded by %d', (box, pad, out) => {
    expect(padBox(box, pad, 50, 50)).toEqual(out);
  });
});
