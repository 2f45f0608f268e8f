// Chat exports as they arrive in the wild: GBK/GB18030 from older QQ on Windows, UTF-16 with a BOM,
// binary garbage with a .txt name, and a 100 MB whole-account export (generated here, never committed)
// that must be read in bounded memory with a clear notice, through the real chat:read handler.
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHAT_READ_LIMITS } from '../../../electron/main/chatRead';
import { decodeChatText } from '../../../electron/main/ocr/scan';
import type { OcrService } from '../../../electron/main/ocr/queue';
import { createOcrHandlers } from '../../../electron/main/ocrHandlers';
import { parseChatLog } from '../../../shared/extract';
import { QQ_EXPORT } from '../bundle/support';
import type { TestVault } from './fixtures';
import { makeTestVault } from './fixtures';

let v: TestVault;
beforeEach(async () => {
  v = await makeTestVault();
  await mkdir(v.srcDir, { recursive: true });
});
afterEach(async () => v.cleanup());

/** The OCR service is not involved in chat:read; any call to it is a test failure. */
const noOcr = new Proxy({} satisfies Partial<OcrService>, {
  get: () => () => Promise.reject(new Error('OCR must not be used for chat exports')),
}) as OcrService;

const encode = (text: string, encoding: string): Buffer => execFileSync('iconv', ['-f', 'UTF-8', '-t', encoding], { input: text });

async function importAndRead(name: string, bytes: Uint8Array) {
  const file = path.join(v.srcDir, name);
  await writeFile(file, bytes);
  const batch = await v.service.importPaths('case-1', [file], 'dialog');
  expect(batch.failures).toEqual([]);
  const sha256 = batch.items[0]?.blob.sha256 ?? '';
  return createOcrHandlers(noOcr, v.vaultDir)['chat:read']({ sha256 });
}

describe('encodings', () => {
  const expected = parseChatLog(QQ_EXPORT, 'QQ.txt');

  it.each([
    ['GBK (QQ on Windows)', () => encode(QQ_EXPORT, 'GBK')],
    ['GB18030', () => encode(`${QQ_EXPORT}\r\n2026-11-16 09:05:00 李明(10001)\r\n生僻字𠮷与欧元€\r\n`, 'GB18030')],
    ['UTF-16LE with BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(QQ_EXPORT, 'utf16le')])],
    ['UTF-16BE with BOM', () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(QQ_EXPORT, 'utf16le').swap16()])],
    ['UTF-8 with BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(QQ_EXPORT, 'utf8')])],
  ])('%s is decoded and parsed like the UTF-8 original', async (_label, make) => {
    const bytes = make();
    // GBK bytes are not valid UTF-8, so this proves the fallback decoder ran.
    const log = await importAndRead('QQ聊天记录.txt', bytes);
    expect(log.format).toBe('qq-txt');
    expect(log.messages.slice(0, 3).map((m) => [m.sender, m.at, m.text])).toEqual(expected?.messages.map((m) => [m.sender, m.at, m.text]));
    expect(decodeChatText(bytes)).toContain('星辰数码客服');
  });

  it('GB18030 four-byte characters survive', async () => {
    const log = await importAndRead('QQ.txt', encode(`${QQ_EXPORT}\r\n2026-11-16 09:05:00 李明(10001)\r\n生僻字𠮷与欧元€\r\n`, 'GB18030'));
    expect(log.messages.at(-1)?.text).toBe('生僻字𠮷与欧元€');
  });
});

describe('binary garbage', () => {
  it('with NUL bytes and a .txt name: refused at import, by name', async () => {
    const file = path.join(v.srcDir, 'chat.txt');
    await writeFile(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) & 0xff)));
    const batch = await v.service.importPaths('case-1', [file], 'dialog');
    expect(batch.failures).toEqual([expect.objectContaining({ file: 'chat.txt', code: 'corrupt-file' })]);
  });

  it('without NUL bytes: stored as text, and reading it as a chat names the file', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 131) % 0x7f)));
    await expect(importAndRead('乱码.txt', garbage)).rejects.toThrow('乱码.txt is not a QQ or WeChatMsg chat export.');
  });
});

describe('a 100 MB export', () => {
  it('is stored whole but read bounded: the first messages, a notice, and nothing over the contract limits', async () => {
    const file = path.join(v.srcDir, 'QQ全部消息记录.txt');
    const out = createWriteStream(file);
    const header = QQ_EXPORT.split('\r\n').slice(0, 8).join('\r\n');
    out.write(`${header}\r\n`);
    // About 200 bytes per message; one absurd 1 MB message early on, as a crafted export might have.
    const block = Array.from({ length: 500 }, (_, i) => `2026-11-15 21:${String(i % 60).padStart(2, '0')}:03 李明(10001)\r\n第${i}条：你好，我买的XX游戏点卡卡密提示已被使用，订单号3456789012345678901，请尽快处理退款。\r\n\r\n`).join('');
    out.write(`2026-11-15 21:00:00 李明(10001)\r\n${'长'.repeat(1 << 20)}\r\n\r\n`);
    let written = 0;
    while (written < 100 * 1024 * 1024) {
      if (!out.write(block)) await once(out, 'drain');
      written += Buffer.byteLength(block);
    }
    out.end();
    await once(out, 'close');
    const totalBytes = (await stat(file)).size;
    expect(totalBytes).toBeGreaterThan(100 * 1024 * 1024);

    const batch = await v.service.importPaths('case-1', [file], 'dialog');
    expect(batch.items[0]?.blob).toMatchObject({ mediaType: 'text', size: totalBytes });
    const before = process.memoryUsage().heapUsed;
    const log = await createOcrHandlers(noOcr, v.vaultDir)['chat:read']({ sha256: batch.items[0]?.blob.sha256 ?? '' });
    const grew = process.memoryUsage().heapUsed - before;

    expect(log.messages.length).toBeLessThanOrEqual(CHAT_READ_LIMITS.messages + 1);
    expect(log.messages[0]?.text.length).toBe(CHAT_READ_LIMITS.textChars);
    const last = log.messages.at(-1);
    expect(last).toMatchObject({ sender: '', at: null, malformed: true });
    expect(last?.text).toContain('聊天记录过长');
    expect(last?.text).toContain('原文件已完整保存');
    expect('truncated' in log && log.truncated).toMatchObject({ totalBytes, messages: log.messages.length - 1 });
    // What crosses IPC stays small whatever the file's size.
    expect(JSON.stringify(log).length).toBeLessThan(12 * 1024 * 1024);
    expect(grew).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);
});
