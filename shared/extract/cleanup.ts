// Repairs the systematic mistakes tesseract makes on Chinese phone screenshots, so the extractors can
// use plain patterns. Every step is idempotent: cleaning cleaned text changes nothing.

import { isValidDate } from './dates';

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
// CJK symbols, fullwidth punctuation (not fullwidth digits or letters: those become ASCII first),
// curly quotes, ellipsis, em dash and middle dot.
const CJK_PUNCT = '\\u3001-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2018\\u2019\\u201c\\u201d\\u2026\\u2014\\u00b7';

const CJK_SPACE = new RegExp(`([${CJK}${CJK_PUNCT}])[ \\t]+(?=[${CJK}${CJK_PUNCT}])`, 'g');
const CJK_BEFORE_COLON = new RegExp(`([${CJK}])[ \\t]+:`, 'g');

// Labels after which a currency sign is certain, so even an integer amount gets its ¥ back.
const AMOUNT_LABELS = '价税合计|实付款|实付金额|实付|合计|总计|应付总额|应付金额|支付金额|付款金额|订单金额|商品总额|需付款|捐赠金额|小写[)）]';
// Receipts and invoices printed in a dot-matrix or small font: ¥ is read as #, 羊, Y, x or *.
const LABELLED_CURRENCY = new RegExp(`(${AMOUNT_LABELS})(:?[ \\t]*)[#羊YxX*][ \\t]?(?=\\d)`, 'g');
// 实 is often read as 宝 (same frame and dots); 支付宝付款 is a real phrase, so not after 支付.
const PAID_LABEL_MISREAD = /(?<!支付)宝付(款|金额)/g;

/**
 * A Pinduoduo number "YYMMDD-15 digits" with its dash read as a dot, underscore, long dash or gap.
 * Nothing else has a valid YYMMDD, one separator and exactly 15 digits (an amount has ≤ 2 decimals).
 */
const PDD_SEPARATOR = /(?<![\d.])(\d{2})(\d{2})(\d{2})[ \t]?[._·—–\-~ ][ \t]?(\d{15})(?![\d.])/g;

function repairPddSeparator(text: string): string {
  return text.replace(PDD_SEPARATOR, (whole, yy: string, mm: string, dd: string, tail: string) =>
    isValidDate(2000 + Number(yy), Number(mm), Number(dd)) ? `${yy}${mm}${dd}-${tail}` : whole,
  );
}

function toAsciiForms(text: string): string {
  return text
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

const isLatinLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

/**
 * O/o→0 and l/I→1 only inside a run that already holds a real digit and is not part of a Latin word
 * ("iOS", "Hello" stay); `|` only between digit-like characters, since on its own it is a UI separator.
 */
function repairDigitRuns(text: string): string {
  return text.replace(/[0-9OoIl|]+/g, (run, offset: number) => {
    if (!/\d/.test(run) || !/[OoIl|]/.test(run)) return run;
    if (isLatinLetter(text[offset - 1]) || isLatinLetter(text[offset + run.length])) return run;
    const chars = [...run];
    return chars
      .map((c, i) => {
        if (c === 'O' || c === 'o') return '0';
        if (c === 'l' || c === 'I') return '1';
        if (c === '|') return i > 0 && i < chars.length - 1 ? '1' : '|';
        return c;
      })
      .join('');
  });
}

function repairCurrency(text: string): string {
  return text
    .replace(LABELLED_CURRENCY, '$1$2¥')
    // A quantity "x1" or "*2" never has decimals, so x/X/* before a price with cents is a misread ¥.
    .replace(/(^|[^A-Za-z0-9*])[#羊YxX*][ \t]?(?=\d[\d,]*\.\d{1,2}(?!\d))/gm, '$1¥')
    .replace(/([¥￥])[ \t]+(?=\d)/g, '$1');
}

/** "2025-11-2820:43:28" → "2025-11-28 20:43:28"; the day is 2 digits when that leaves a valid hour. */
function repairDroppedDateSpace(text: string): string {
  return text.replace(/(?<!\d)(\d{4}[-/.]\d{1,2}[-/.])(\d{3,4})(?=:\d{2})/g, (whole, date: string, glued: string) => {
    const split = (dayLen: number): string | null => {
      const day = Number(glued.slice(0, dayLen));
      const hour = glued.slice(dayLen);
      return day >= 1 && day <= 31 && hour.length <= 2 && Number(hour) <= 23 ? `${date}${glued.slice(0, dayLen)} ${hour}` : null;
    };
    return split(2) ?? split(1) ?? whole;
  });
}

export function cleanOcrText(raw: string): string {
  let text = toAsciiForms(raw.replace(/\r\n?/g, '\n'));
  text = text.replace(CJK_SPACE, '$1');
  text = text.replace(/：/g, ':').replace(CJK_BEFORE_COLON, '$1:');
  // tesseract reads the colon of small clock times as a semicolon ("15;31", "22:49;55").
  text = text.replace(/(?<!\d)(\d{1,2})[;；](?=\d{2}(?!\d))/g, '$1:');
  text = repairDigitRuns(text);
  // And the other way round: PP-OCR reads the 一 of 星期一 as a dash ("星期—15:31").
  text = text.replace(/星期[—–－−-](?=[ \t]*(?:\d|$))/gm, '星期一');
  // chi_sim reads a hyphen or minus between digits as the character 一 or a dash.
  text = text.replace(/(\d)[一—–－−](?=\d)/g, '$1-');
  text = text.replace(/(\d)[ \t]*:[ \t]*(?=\d)/g, '$1:');
  text = text.replace(/(\d)．(?=\d)/g, '$1.');
  text = text.replace(PAID_LABEL_MISREAD, '实付$1');
  text = repairCurrency(text);
  text = repairDroppedDateSpace(text);
  text = repairPddSeparator(text);
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n');
}

/**
 * A lossy key for finding a value inside OCR word boxes: both sides are keyed the same way, so
 * confusions cleanOcrText repaired in the page text still line up with the raw words.
 */
export function matchKey(text: string): string {
  return toAsciiForms(text)
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[o]/g, '0')
    .replace(/[il|]/g, '1')
    .replace(/[￥#羊y*]/g, '¥')
    .replace(/：/g, ':')
    .replace(/[一—–－−]/g, '-')
    .replace(/．/g, '.');
}
