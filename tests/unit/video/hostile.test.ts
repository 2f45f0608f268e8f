// A "video" that is really a playlist must not make the decoder open anything but the file itself:
// nothing leaves the machine, even when ffmpeg recognises the content as HLS.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFfmpegDecoder } from '../../../electron/main/video/ffmpegDecoder';

let dir: string;
let hits = 0;
const server = createServer((_req, res) => {
  hits++;
  res.end();
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-video-hostile-'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the video decoder on hostile input', () => {
  it('never follows a playlist to the network', async () => {
    const { port } = server.address() as AddressInfo;
    const file = path.join(dir, 'Screenrecorder-2026-11-17-12-03-04-123.mp4');
    await writeFile(file, `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:${port}/seg.ts\n#EXT-X-ENDLIST\n`);
    const decoder = createFfmpegDecoder();
    const info = await decoder.probe(file);
    expect(info.video).toBeNull();
    expect(info.unreadable).not.toBeNull();
    await expect(decoder.scan(file, info)).rejects.toThrow();
    expect(hits).toBe(0);
  });

  it('stops a run when cancelled', async () => {
    const file = path.join(dir, 'empty.webm');
    await writeFile(file, Buffer.alloc(0));
    const abort = new AbortController();
    abort.abort();
    await expect(createFfmpegDecoder().probe(file, { signal: abort.signal })).rejects.toThrow(/Cancelled/u);
  });
});
