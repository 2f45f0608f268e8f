// A very long scrolling screenshot made at test time (issue 19: 300×894,000 px, a 1 MB PNG that
// decodes to 268 M pixels): a line of text every `every` px, with distinct marker lines at the top,
// the middle and the bottom so a reader's output can be checked for text and position. Built as a
// vertical join of small tiles, so making it holds no more than a tile in memory.
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

/** One tile: `lines` lines of text, the first `first` when given. */
async function tile(width: number, height: number, every: number, filler: (i: number) => string, first?: string): Promise<Buffer> {
  const rows: string[] = [];
  for (let i = 0, y = Math.round(every / 2); y + SIZE < height; i++, y += every) {
    const text = i === 0 && first !== undefined ? first : filler(i);
    rows.push(`<text x="12" y="${y + SIZE}" font-family="${FONT}" font-size="${SIZE}" fill="#222">${escape(text)}</text>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${rows.join('')}</svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).toColourspace('b-w').png({ compressionLevel: 1 }).toBuffer();
}

export async function makeTallImage(opts: TallOptions = {}): Promise<TallImage> {
  const width = opts.width ?? 300;
  const height = opts.height ?? 894_000;
  const every = opts.every ?? 300;
  // Tiles are a whole number of lines tall, so the rhythm carries across tile seams.
  const tileH = every * 10;
  const count = Math.ceil(height / tileH);
  const filler = (i: number): string => (i % 2 === 0 ? '聊天记录 消息内容' : '好的 收到 谢谢');
  const plain = await tile(width, tileH, every, filler);
  const midIndex = Math.floor(count / 2);
  const lastIndex = count - 1;
  const markers = {
    top: { text: '顶部 TOP 20261201', y: Math.round(every / 2) },
    middle: { text: '中间 MID 20261202', y: midIndex * tileH + Math.round(every / 2) },
    bottom: { text: '末尾 END 20261203', y: lastIndex * tileH + Math.round(every / 2) },
  };
  const special = new Map<number, Buffer>([
    [0, await tile(width, tileH, every, filler, markers.top.text)],
    [midIndex, await tile(width, tileH, every, filler, markers.middle.text)],
    [lastIndex, await tile(width, tileH, every, filler, markers.bottom.text)],
  ]);
  const tiles = Array.from({ length: count }, (_, i) => special.get(i) ?? plain);
  const png = await sharp(tiles, { join: { across: 1 }, limitInputPixels: false })
    .extract({ left: 0, top: 0, width, height })
    .removeAlpha()
    .toColourspace('b-w')
    .png({ compressionLevel: 6 })
    .toBuffer();
  return { png, width, height, markers };
}
