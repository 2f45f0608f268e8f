// Hand-made EXIF blocks, so tests can write values no camera library would (year 9999, orientation 9,
// 60 KB strings, IFDs that point outside the block or at themselves) and splice them into a JPEG.

export type ExifEntry = { tag: number; short: number } | { tag: number; ascii: string };

export const TAG = { orientation: 0x0112, make: 0x010f, exifPointer: 0x8769, dateTimeOriginal: 0x9003, offsetTimeOriginal: 0x9011 } as const;

/** One IFD at `start` (little-endian), values longer than 4 bytes placed right after it. */
function encodeIfd(entries: readonly ExifEntry[], start: number, next = 0): Buffer {
  const head = Buffer.alloc(2 + entries.length * 12 + 4);
  const data: Buffer[] = [];
  let dataAt = start + head.length;
  head.writeUInt16LE(entries.length, 0);
  entries.forEach((e, i) => {
    const at = 2 + i * 12;
    head.writeUInt16LE(e.tag, at);
    if ('short' in e) {
      head.writeUInt16LE(e.tag === TAG.exifPointer ? 4 : 3, at + 2);
      head.writeUInt32LE(1, at + 4);
      if (e.tag === TAG.exifPointer) head.writeUInt32LE(e.short, at + 8);
      else head.writeUInt16LE(e.short, at + 8);
      return;
    }
    const bytes = Buffer.from(`${e.ascii}\0`, 'latin1');
    head.writeUInt16LE(2, at + 2);
    head.writeUInt32LE(bytes.length, at + 4);
    if (bytes.length <= 4) bytes.copy(head, at + 8);
    else {
      head.writeUInt32LE(dataAt, at + 8);
      data.push(bytes);
      dataAt += bytes.length;
    }
  });
  head.writeUInt32LE(next, head.length - 4);
  return Buffer.concat([head, ...data]);
}

/** "Exif\0\0" + a TIFF block: IFD0 (with a pointer to the Exif IFD when `exif` is given). */
export function exifBlock(ifd0: readonly ExifEntry[], exif: readonly ExifEntry[] = []): Buffer {
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]);
  const withPointer = exif.length > 0 ? [...ifd0, { tag: TAG.exifPointer, short: 0 }] : [...ifd0];
  const sized = encodeIfd(withPointer, 8);
  const pointerValue = 8 + sized.length;
  const final = exif.length > 0 ? [...ifd0, { tag: TAG.exifPointer, short: pointerValue }] : [...ifd0];
  const parts = [header, encodeIfd(final, 8)];
  if (exif.length > 0) parts.push(encodeIfd(exif, pointerValue));
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), ...parts]);
}

/** A photo-time EXIF block, the usual shape. */
export const dateExif = (dateTimeOriginal: string, offset?: string): Buffer =>
  exifBlock([], [{ tag: TAG.dateTimeOriginal, ascii: dateTimeOriginal }, ...(offset === undefined ? [] : [{ tag: TAG.offsetTimeOriginal, ascii: offset }])]);

/** Inserts `exif` as an APP1 segment right after the JPEG's SOI marker. */
export function withApp1(jpeg: Buffer, exif: Buffer): Buffer {
  if (exif.length + 2 > 0xffff) throw new Error('APP1 payload too large');
  const marker = Buffer.from([0xff, 0xe1, 0, 0]);
  marker.writeUInt16BE(exif.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, exif, jpeg.subarray(2)]);
}
