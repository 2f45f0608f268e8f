// A very long scrolling screenshot made at test time (issue 19: 300×894,000 px, a 1 MB PNG that
// decodes to 268 M pixels): a line of text every `every` px, with distinct marker lines at the top,
// the middle and the bottom so a reader's output can be checked for text and position. Built as a
// vertical join of small tiles (equal ones drawn once), so making it holds little in memory.
import sharp from 'sharp';

export interface TallMarker {
  text: string;
  /** Top of the line's text box, in the image's pixels (approximate: the glyphs' ink starts a little lower). */
  y: number;
}

export interface TallImage {
  png: Buffer;
  width: number;
  height: number;
  markers: { top: TallMarker; middle: TallMarker; bottom: TallMarker };
  /** Lines of text drawn, markers included. */
  lines: number;
}

export interface TallOptions {
  width?: number;
  height?: number;
  /** Distance between lines of text. */
  every?: number;
}

const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";
const SIZE = 26;

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Tile height: lines are drawn per tile and equal tiles are drawn once. */
const TILE = 3000;

/** One tile with text lines at the given offsets. */
async function tile(width: number, lines: ReadonlyArray<readonly [number, string]>): Promise<Buffer> {
  const rows = lines.map(([y, text]) => `<text x="12" y="${y + SIZE}" font-family="${FONT}" font-size="${SIZE}" fill="#222">${escape(text)}</text>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${TILE}"><rect width="100%" height="100%" fill="#fff"/>${rows.join('')}</svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).toColourspace('b-w').png({ compressionLevel: 1 }).toBuffer();
}

export async function makeTallImage(opts: TallOptions = {}): Promise<TallImage> {
  const width = opts.width ?? 300;
  const height = opts.height ?? 894_000;
  const every = opts.every ?? 300;
  const filler = (i: number): string => (i % 2 === 0 ? '聊天记录 消息内容' : '好的 收到 谢谢');
  // Line tops; a line that would cross a tile seam starts just below it instead.
  const tops: number[] = [];
  for (let y = Math.round(every / 2); y + 2 * SIZE < height; y += every) {
    const inTile = y % TILE;
    tops.push(inTile + 2 * SIZE > TILE ? y - inTile + TILE + 8 : y);
  }
  const mid = Math.floor(tops.length / 2);
  const last = tops.length - 1;
  const texts = tops.map((_, i) => (i === 0 ? '顶部 TOP 20261201' : i === mid ? '中间 MID 20261202' : i === last ? '末尾 END 20261203' : filler(i)));
  const markers = {
    top: { text: texts[0] ?? '', y: tops[0] ?? 0 },
    middle: { text: texts[mid] ?? '', y: tops[mid] ?? 0 },
    bottom: { text: texts[last] ?? '', y: tops[last] ?? 0 },
  };
  const count = Math.ceil(height / TILE);
  const perTile: Array<Array<readonly [number, string]>> = Array.from({ length: count }, () => []);
  tops.forEach((y, i) => perTile[Math.floor(y / TILE)]?.push([y % TILE, texts[i] ?? '']));
  const drawn = new Map<string, Promise<Buffer>>();
  const tiles = await Promise.all(
    perTile.map((lines) => {
      const key = JSON.stringify(lines);
      let t = drawn.get(key);
      if (!t) drawn.set(key, (t = tile(width, lines)));
      return t;
    }),
  );
  const png = await sharp(tiles, { join: { across: 1 }, limitInputPixels: false })
    .extract({ left: 0, top: 0, width, height })
    .removeAlpha()
    .toColourspace('b-w')
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png, width, height, markers, lines: tops.length };
}
