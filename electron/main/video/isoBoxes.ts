// Tells a cut-off MP4/MOV (its index, written last, never made it) from a file that only starts
// like one: ffmpeg says "moov atom not found" for both. Reads the top-level box headers only.
import { open } from 'node:fs/promises';

const TOP_LEVEL = new Set(['ftyp', 'mdat', 'moov', 'free', 'skip', 'wide', 'uuid', 'pdin', 'moof', 'mfra', 'meta', 'styp', 'sidx', 'pnot', 'junk']);

/** True when the file is a run of well-formed ISO boxes that holds media data (mdat) but ends early. */
export async function isCutIsoMedia(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(16);
    let sawMdat = false;
    for (let pos = 0, steps = 0; pos + 8 <= size && steps < 64; steps++) {
      const { bytesRead } = await fh.read(head, 0, 16, pos);
      if (bytesRead < 8) return false;
      const type = head.toString('latin1', 4, 8);
      if (!TOP_LEVEL.has(type)) return false;
      let boxSize = head.readUInt32BE(0);
      if (boxSize === 1 && bytesRead >= 16) boxSize = Number(head.readBigUInt64BE(8));
      if (type === 'mdat') sawMdat = true;
      if (boxSize === 0 || pos + boxSize > size) return sawMdat;
      if (boxSize < 8) return false;
      pos += boxSize;
    }
    return false;
  } finally {
    await fh.close();
  }
}
