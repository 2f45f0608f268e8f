// Redaction targets from OCR words: the buyer's phone numbers, ID-card numbers, addresses and the
// receiver's name, as rectangles in the image's pixels. The export burns them into the pixels; the
// buyer sees and edits them first, so over-covering a label next to a number is acceptable.
import type { BBox, OcrWord } from '../extract/types';

export type RedactionKind = 'phone' | 'id-card' | 'address' | 'name';

export interface RedactionTarget {
  kind: RedactionKind;
  text: string;
  box: BBox;
}

interface Line {
  words: OcrWord[];
  y0: number;
  y1: number;
}

const centre = (b: BBox) => (b.y0 + b.y1) / 2;

/** Words whose vertical centre falls inside a line's band belong to it; lines read left to right. */
export function groupLines(words: readonly OcrWord[]): OcrWord[][] {
  const lines: Line[] = [];
  for (const w of [...words].filter((w) => w.text.trim() !== '').sort((a, b) => centre(a.bbox) - centre(b.bbox))) {
    const c = centre(w.bbox);
    const line = lines.find((l) => c >= l.y0 && c <= l.y1);
    if (line) {
      line.words.push(w);
      line.y0 = Math.min(line.y0, w.bbox.y0);
      line.y1 = Math.max(line.y1, w.bbox.y1);
    } else {
      lines.push({ words: [w], y0: w.bbox.y0, y1: w.bbox.y1 });
    }
  }
  return lines.map((l) => l.words.sort((a, b) => a.bbox.x0 - b.bbox.x0));
}

interface Joined {
  text: string;
  /** For each character of text: its word index and its offset inside the word, or -1 for a joining space. */
  owner: Array<[word: number, offset: number]>;
}

function join(line: readonly OcrWord[]): Joined {
  let text = '';
  const owner: Array<[number, number]> = [];
  line.forEach((w, i) => {
    const prev = line[i - 1];
    const height = w.bbox.y1 - w.bbox.y0;
    // tesseract splits CJK into single characters; only a wide gap is a real space.
    if (prev && w.bbox.x0 - prev.bbox.x1 > height * 0.8) {
      text += ' ';
      owner.push([-1, 0]);
    }
    const t = w.text.trim();
    for (let k = 0; k < t.length; k++) owner.push([i, k]);
    text += t;
  });
  return { text, owner };
}

/** The box of characters [start, end) of the line, narrowing the first and last word in proportion. */
function boxOf(line: readonly OcrWord[], joined: Joined, start: number, end: number): BBox | null {
  let box: BBox | null = null;
  for (let c = start; c < end; c++) {
    const [wi, offset] = joined.owner[c] ?? [-1, 0];
    const w = line[wi];
    if (!w) continue;
    const len = Math.max(1, w.text.trim().length);
    const step = (w.bbox.x1 - w.bbox.x0) / len;
    const part: BBox = { x0: w.bbox.x0 + step * offset, x1: w.bbox.x0 + step * (offset + 1), y0: w.bbox.y0, y1: w.bbox.y1 };
    box = box === null ? part : { x0: Math.min(box.x0, part.x0), y0: Math.min(box.y0, part.y0), x1: Math.max(box.x1, part.x1), y1: Math.max(box.y1, part.y1) };
  }
  return box;
}

const RULES: ReadonlyArray<readonly [RedactionKind, RegExp]> = [
  ['id-card', /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g],
  ['id-card', /(?<![0-9A-Za-z])[1-9]\d{3,5}[*＊]{6,12}\d{2,3}[\dXx](?![0-9A-Za-z])/g],
  ['phone', /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?[\d*＊]){8}(?!\d)/g],
  ['phone', /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g],
  ['address', /(?:收货|收件|联系|详细|家庭|居住|通讯)?地址\s*[:：]?\s*(\S.*)$/g],
  ['address', /[\u4e00-\u9fa5]{2,}(?:省|自治区|市)[\u4e00-\u9fa5]{0,12}?(?:市|区|县|州|旗)[\u4e00-\u9fa5\dA-Za-z\-#]*?(?:路|街|道|巷|弄|号|村|镇|乡|小区|栋|幢|室|单元|楼)[\u4e00-\u9fa5\dA-Za-z\-#]*/g],
  ['name', /(?:收货人|收件人|联系人|姓名)\s*[:：]?\s*([\u4e00-\u9fa5]{2,4}|[\u4e00-\u9fa5][*＊]{1,3})/g],
];

/** What the second line of a wrapped address looks like: street, number, building or room words. */
const ADDRESS_TAIL = /(?:路|街|道|巷|弄|号|村|镇|乡|小区|栋|幢|室|单元|楼|座|苑|园|大厦|广场|\d{2,})/;
/** A line that starts with a label of its own (配送方式, 订单编号：…) is not an address continuation. */
const OWN_LABEL = /^[\u4e00-\u9fa5]{2,6}\s*[:：]|^(?:配送|订单|支付|付款|下单|创建|成交|商品|运费|实付|合计|备注|发票)/;

/**
 * A long address wraps onto the next line under its first half (世纪大道100号1201室): that line goes
 * too when it sits right below, starts within the address's span and reads like the rest of one.
 */
function addressTail(prev: readonly OcrWord[], next: readonly OcrWord[] | undefined, box: BBox): RedactionTarget | null {
  const first = next?.[0];
  const last = next?.[next.length - 1];
  const lead = prev[0];
  if (!next || !first || !last || !lead) return null;
  const height = box.y1 - box.y0;
  const text = join(next).text;
  if (first.bbox.y0 - box.y1 > height * 1.5) return null;
  if (first.bbox.x0 < lead.bbox.x0 - height * 2 || first.bbox.x0 > box.x1) return null;
  if (!ADDRESS_TAIL.test(text) || OWN_LABEL.test(text)) return null;
  const y0 = Math.min(...next.map((w) => w.bbox.y0));
  const y1 = Math.max(...next.map((w) => w.bbox.y1));
  return { kind: 'address', text, box: { x0: first.bbox.x0, y0, x1: last.bbox.x1, y1 } };
}

export function redactionTargets(words: readonly OcrWord[]): RedactionTarget[] {
  const out: RedactionTarget[] = [];
  const lines = groupLines(words);
  let tailOf = -1;
  for (const [index, line] of lines.entries()) {
    if (index === tailOf) continue;
    const joined = join(line);
    const covered: Array<[number, number]> = [];
    for (const [kind, rule] of RULES) {
      for (const m of joined.text.matchAll(rule)) {
        // A captured group is the value after its label; the label itself stays readable.
        const value = m[1] ?? m[0];
        const start = m.index + m[0].lastIndexOf(value);
        const end = start + value.length;
        if (covered.some(([s, e]) => start < e && end > s)) continue;
        const box = boxOf(line, joined, start, end);
        if (box === null) continue;
        covered.push([start, end]);
        out.push({ kind, text: value, box });
        const tail = kind === 'address' ? addressTail(line, lines[index + 1], box) : null;
        if (tail) {
          out.push(tail);
          tailOf = index + 1;
        }
      }
    }
  }
  return out;
}

/** Grows a box by `pad` pixels and clamps it to the image, in whole pixels, for compositing. */
export function padBox(box: BBox, pad: number, width: number, height: number): BBox | null {
  const x0 = Math.max(0, Math.floor(box.x0 - pad));
  const y0 = Math.max(0, Math.floor(box.y0 - pad));
  const x1 = Math.min(width, Math.ceil(box.x1 + pad));
  const y1 = Math.min(height, Math.ceil(box.y1 + pad));
  return x1 > x0 && y1 > y0 ? { x0, y0, x1, y1 } : null;
}
