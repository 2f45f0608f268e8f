// Measuring, wrapping and drawing text. Widths are summed per character (the subset font carries no
// kerning or shaping tables), which makes wrapping long transcripts cheap. Every character drawn is
// checked against the subset, so a character the text collection missed triggers a second pass
// instead of an empty box.
import type { Color, PDFFont, PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import type { EmbeddedFonts } from './fonts';

export type Weight = 'regular' | 'bold';

export const INK = rgb(0.12, 0.12, 0.12);
export const GREY = rgb(0.42, 0.42, 0.42);
export const RULE = rgb(0.78, 0.78, 0.78);
export const STAMP = rgb(0.72, 0.08, 0.08);
export const SHADE = rgb(0.94, 0.94, 0.94);

/** Characters that may not start a line (避头) and may not end one (避尾). */
const NO_START = new Set([...'，。、：；？！）》」』”’…·%,.:;?!)]}']);
const NO_END = new Set([...'（《「『“‘([{']);

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
/** One CJK character, a run of anything else but spaces, or a run of spaces. */
const TOKENS = new RegExp(`[${CJK}]|[^\\s${CJK}]+|\\s+`, 'g');

export class Typesetter {
  readonly missing = new Set<string>();
  private readonly widths = new Map<PDFFont, Map<string, number>>();
  private readonly coverage: Set<number>;

  constructor(readonly fonts: EmbeddedFonts) {
    this.coverage = new Set(fonts.regular.getCharacterSet());
  }

  /**
   * What can be drawn: tabs become spaces, other control characters go, and a character the font has
   * no glyph for (an emoji) becomes □ and is recorded, rather than a .notdef box of unknown width.
   */
  clean(text: string): string {
    let out = '';
    for (const c of text.replace(/\t/g, '  ')) {
      if (c < ' ' || c === '\u007f') continue;
      if (this.coverage.has(c.codePointAt(0) ?? 0)) out += c;
      else {
        this.missing.add(c);
        out += '□';
      }
    }
    return out;
  }

  font(weight: Weight): PDFFont {
    return weight === 'bold' ? this.fonts.bold : this.fonts.regular;
  }

  width(text: string, size: number, weight: Weight = 'regular'): number {
    const font = this.font(weight);
    let cache = this.widths.get(font);
    if (!cache) {
      cache = new Map();
      this.widths.set(font, cache);
    }
    let total = 0;
    for (const c of this.clean(text)) {
      let w = cache.get(c);
      if (w === undefined) {
        w = font.widthOfTextAtSize(c, 1000) / 1000;
        cache.set(c, w);
      }
      total += w;
    }
    return total * size;
  }

  /**
   * Lines of at most `width` points. CJK breaks between any two characters (minding 避头尾); Latin
   * runs break at spaces, and a run longer than a line (a URL, a hash) is cut where it must be.
   */
  wrap(text: string, size: number, width: number, weight: Weight = 'regular'): string[] {
    const out: string[] = [];
    const fits = (s: string) => this.width(s, size, weight) <= width;
    for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n').map((p) => this.clean(p))) {
      const start = out.length;
      let line = '';
      const flush = () => {
        out.push(line.trimEnd());
        line = '';
      };
      for (const token of paragraph.match(TOKENS) ?? []) {
        if (fits(line + token)) {
          line += token;
          continue;
        }
        if (/^\s+$/.test(token)) {
          flush();
          continue;
        }
        // 避头: a closing mark hangs at the end of the line rather than starting the next.
        if (NO_START.has(token) && line !== '') {
          line += token;
          flush();
          continue;
        }
        // 避尾: an opening mark moves down with the word it opens.
        const last = [...line].pop() ?? '';
        const carry = line.length > 1 && NO_END.has(last) ? last : '';
        line = line.slice(0, line.length - carry.length);
        if (line !== '') flush();
        line = carry;
        if (fits(line + token)) {
          line += token;
          continue;
        }
        // A run longer than a whole line (a URL, a hash) is cut where it must be.
        for (const c of token) {
          if (line !== '' && !fits(line + c)) flush();
          line += c;
        }
      }
      // An empty paragraph is a blank line; a paragraph that just ended on a hanging mark adds none.
      if (line.trim() !== '' || out.length === start) out.push(line.trimEnd());
    }
    return out;
  }

  draw(page: PDFPage, text: string, x: number, y: number, size: number, opts: { weight?: Weight; color?: Color } = {}): void {
    const clean = this.clean(text);
    if (clean === '') return;
    page.drawText(clean, { x, y, size, font: this.font(opts.weight ?? 'regular'), color: opts.color ?? INK });
  }

  /** Draws `text` so its right edge sits at `right`. */
  drawRight(page: PDFPage, text: string, right: number, y: number, size: number, opts: { weight?: Weight; color?: Color } = {}): void {
    this.draw(page, text, right - this.width(text, size, opts.weight), y, size, opts);
  }

  drawCentre(page: PDFPage, text: string, centre: number, y: number, size: number, opts: { weight?: Weight; color?: Color } = {}): void {
    this.draw(page, text, centre - this.width(text, size, opts.weight) / 2, y, size, opts);
  }

  /** At most `max` lines of `text`, the last ending in … when some were left out. */
  wrapClipped(text: string, size: number, width: number, max: number, weight: Weight = 'regular'): string[] {
    const lines = this.wrap(text, size, width, weight);
    if (lines.length <= max) return lines;
    const kept = lines.slice(0, max);
    kept[max - 1] = this.ellipsis(`${kept[max - 1] ?? ''}…`, size, width, weight);
    return kept;
  }

  /** `text` cut with an ellipsis to fit `width` on one line. */
  ellipsis(text: string, size: number, width: number, weight: Weight = 'regular'): string {
    if (this.width(text, size, weight) <= width) return text;
    const chars = [...text.replace(/…$/, '')];
    while (chars.length > 0 && this.width(`${chars.join('')}…`, size, weight) > width) chars.pop();
    return `${chars.join('')}…`;
  }

  /** Shrinks the size until `text` fits `width` on one line (for the SHA-256 line), down to `min`. */
  fitSize(text: string, size: number, width: number, min: number, weight: Weight = 'regular'): number {
    let s = size;
    while (s > min && this.width(text, s, weight) > width) s -= 0.25;
    return s;
  }
}
