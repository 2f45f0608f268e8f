// `scan` on real files: a corpus screenshot through real OCR, chat-log exports in the encodings QQ
// and WeChatMsg use, and files that cannot be read. One call covers them all so only one OCR pool
// is started.
import { copyFile, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusImage } from '../../tests/unit/ocr/support';
import { runScan } from './scan';

const CONTRACT_KEYS = ['file', 'capturedAt', 'capturedAtSource', 'platform', 'kind', 'orderNumbers', 'transactionIds', 'timestamps', 'approxTimestamps', 'amount', 'scam', 'scamSignals', 'text'];

// A QQ export saved in GB18030 by an older Windows QQ: a 卡盟 "customer service" asking for a deposit.
const QQ_GB18030 =
  'z/vPorzHwrwotMvP+8+ivMfCvM6qzsSxvrjxyr0ssrvWp7PW1tjQwrW8yOspCj09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0Kz/vPorfW1+k6ztK1xLrD09EKPT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PQrP+8+ittTP8zrQx7O9v6jDy7/Nt/4KPT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PQoKMjAyNi0xMS0xNSAyMDozNTowMiDQx7O9v6jDy7/Nt/4oMjg1MTIzNDU2NykKx9cszcu/7tDo0qrE+s/IvcnEybGj1qS98DUwMNSqssXE3L3itrMKCjIwMjYtMTEtMTUgMjA6MzY6NDAg0KHN9SgxMDAwMSkKtqm1pbrFMjAyNjExMTUyMDMxMDdBMUIyCg==';

const WECHATMSG_CSV =
  '\uFEFFlocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n' +
  '1,wxid_a,1,0,1,1794746102,2,支付宝交易号 2026111522001456781234567890,2026-11-15 20:35:02,,小王,\n' +
  '2,wxid_a,1,0,0,1794746200,2,已为您提交退款申请，1-3个工作日原路退回,2026-11-15 20:36:40,,客服,\n';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-scan-'));
  await writeFile(path.join(dir, 'qq-export.txt'), Buffer.from(QQ_GB18030, 'base64'));
  await writeFile(path.join(dir, 'messages.csv'), WECHATMSG_CSV);
  const utf16 = '消息记录(此消息记录为文本格式,不支持重新导入)\n================================================================\n消息对象:客服\n================================================================\n\n2026-11-16 9:01:02 客服(2851234567)\n请共享屏幕,我指导您操作退款\n';
  await writeFile(path.join(dir, 'qq-utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]));
  await writeFile(path.join(dir, 'notes.txt'), '随便写的备忘,不是聊天记录\n');
  await writeFile(path.join(dir, 'broken.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  await writeFile(path.join(dir, 'empty.jpg'), Buffer.alloc(0));
  await mkdir(path.join(dir, 'folder.png'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scan <file>...', () => {
  it('prints one contract line per file, in order, with clear errors for unreadable files', async () => {
    const shot = corpusImage(0);
    const files = [
      shot.path,
      path.join(dir, 'qq-export.txt'),
      path.join(dir, 'messages.csv'),
      path.join(dir, 'qq-utf16.txt'),
      path.join(dir, 'missing.png'),
      path.join(dir, 'broken.png'),
      path.join(dir, 'empty.jpg'),
      path.join(dir, 'folder.png'),
      path.join(dir, 'notes.txt'),
    ];
    const result = await runScan(files);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('scan: 5 of 9 files could not be scanned\n');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(files.length);
    // The contract's ", " and ": " separators, and nothing on stdout but JSON lines.
    expect(lines[0]).toMatch(/^\{"file": "/);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((p) => p.file)).toEqual(files);

    const [image, qq, csv, utf16, missing, broken, empty, folder, notes] = parsed;
    // An image line also says which reader read it; PP-OCR is the default.
    expect(Object.keys(image ?? {})).toEqual(['file', 'engine', ...CONTRACT_KEYS.slice(1), 'agree']);
    expect(image).toMatchObject({
      engine: 'paddle',
      capturedAt: shot.truth.capturedAt,
      capturedAtSource: 'filename',
      approxTimestamps: [],
      platform: shot.truth.platform,
      kind: 'order',
      orderNumbers: shot.truth.orderNumbers,
      transactionIds: shot.truth.transactionIds,
      timestamps: shot.truth.timestamps,
      amount: shot.truth.amount,
      scam: false,
      scamSignals: [],
    });
    expect(String(image?.text)).toContain('订单编号');
    // tesseract.js re-read each id from its own crop and saw the same digits.
    expect(image?.agree).toMatchObject({ orderNumbers: shot.truth.orderNumbers.map(() => true) });

    expect(Object.keys(qq ?? {})).toEqual(CONTRACT_KEYS);
    expect(qq).toMatchObject({ platform: 'qq', kind: 'chat', orderNumbers: ['20261115203107A1B2'], scam: true, scamSignals: expect.arrayContaining(['deposit']) });
    expect(qq?.timestamps).toEqual(['2026-11-15T20:35:02', '2026-11-15T20:36:40']);
    expect(String(qq?.text)).toContain('星辰卡盟客服: 亲,退款需要您先缴纳保证金500元才能解冻');
    expect(csv).toMatchObject({ platform: 'wechat', kind: 'chat', transactionIds: ['2026111522001456781234567890'], scam: false });
    expect(utf16).toMatchObject({ platform: 'qq', scam: true, scamSignals: ['screen-share'], timestamps: ['2026-11-16T09:01:02'] });

    expect(missing).toEqual({ file: files[4], error: 'file not found' });
    expect(broken).toEqual({ file: files[5], error: expect.stringMatching(/not a valid image|damaged|truncated|cannot be decoded/) });
    expect(empty).toEqual({ file: files[6], error: 'the file is empty' });
    expect(folder).toEqual({ file: files[7], error: 'this is a folder, not a file' });
    expect(notes).toEqual({ file: files[8], error: expect.stringContaining('not a recognised chat-log export') });
    expect(result.stdout).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('a chat screenshot without a time in its name: relative stamps are only approximate (issue 12)', async () => {
    // The chat of corpus image 35 shows 昨天 上午10:56 and 上午11:01; copied to the PC at 10:39 on
    // 2026-12-04 (Shanghai), so the only capture time is that file time.
    const file = path.join(dir, 'chat.png');
    await copyFile(corpusImage(35).path, file);
    const copied = new Date('2026-12-04T02:39:00Z');
    await utimes(file, copied, copied);
    const result = await runScan([file]);
    const line = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual(['file', 'engine', ...CONTRACT_KEYS.slice(1, 9), 'captureSuspect', ...CONTRACT_KEYS.slice(9), 'agree']);
    expect(line).toMatchObject({
      capturedAt: '2026-12-04T10:39:00',
      capturedAtSource: 'mtime',
      kind: 'chat',
      // Nothing listed as exact: the stamps were only reckoned from the copy time.
      timestamps: [],
      approxTimestamps: ['2026-12-03T10:56', '2026-12-04T11:01'],
      // 11:01 is after 10:39: the capture time is wrong, and the stamp is not moved to another day.
      captureSuspect: true,
    });
  }, 60_000);

  it('exits 0 when every file was read', async () => {
    const result = await runScan([path.join(dir, 'messages.csv')]);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout.endsWith('}\n')).toBe(true);
  });

  it('explains its usage', async () => {
    expect(await runScan([])).toEqual({ stdout: '', stderr: 'scan: no files given; usage: scan <file>...\n', exitCode: 2 });
    expect((await runScan(['--help'])).stdout).toContain('usage: scan <file>...');
    expect((await runScan(['--json', 'a.png'])).exitCode).toBe(2);
  });
});
