// The case folder end to end in main: export from one vault, check what was written, build a bundle
// from it with the CLI, import it into a second vault; and the refusals a shared folder must meet.
import { EMPTY_COMPLAINANT, EMPTY_RESPONDENT } from '../../../shared/bundle/types';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBundle } from '../../../cli/commands/bundle';
import { copyNames, createPortableHandlers } from '../../../electron/main/portable/handlers';
import { createVaultService } from '../../../electron/main/vault';
import { vaultLayout } from '../../../electron/main/vault/layout';
import type { ImportBatch } from '../../../shared/ipc/contract';
import { caseFileSchema } from '../../../shared/portable/caseFile';
import { portableSchemas } from '../../../shared/portable/contract';
import type { CaseFolderExportRequest, PortableCase } from '../../../shared/portable/contract';
import { QQ_EXPORT, sourceFiles } from '../bundle/support';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const CASE: PortableCase = {
  title: '点卡卡密无效: 星辰/数码',
  target: '12315',
  platform: 'taobao',
  shop: '星辰数码专营店',
  item: 'XX游戏点卡 100元',
  orderNumber: '3456789012345678901',
  amount: '149.90',
  purchasedAt: '2026-11-15T20:31',
  issue: 'invalid-code',
  request: '全额退款 149.90 元',
  statement: '2026年11月15日购买点卡，卡密提示已被使用，请求全额退款。',
  complainant: { ...EMPTY_COMPLAINANT, name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道100号', idType: 'passport', idNumber: 'E12345678', consentPublish: false, consentMediation: true },
  respondent: { ...EMPTY_RESPONDENT, name: '星辰数码专营店', address: '浙江省杭州市余杭区文一西路969号', contact: '王经理', phone: '0571-88888888' },
  complaint: { place: 'https://ka.example.com', requestKinds: ['refund', 'compensation'], requestAmount: '149.90', knewOfHarmAt: '2026-11-15', otherProceeding: 'none' },
  cardShop: { domain: 'ka.example.com', orderNumber: '3456789012345678901', contact: 'buyer@example.com', queryPassword: '●●●●●●（已隐藏）', cardCode: '', paymentTxn: '2026111522001499999999999999', ticketUrl: '' },
  events: [{ at: '2026-11-16T10:30:00', text: '在平台申请退款' }],
};

describe('case folder export → import', () => {
  let root: string;
  let request: CaseFolderExportRequest;
  let originals: Buffer[];
  const queue: (string | null)[] = [];
  const imported: ImportBatch[] = [];
  const handlersFor = (vaultDir: string) =>
    createPortableHandlers(createVaultService({ vaultDir }), vaultDir, { chooseExportParent: async () => queue.shift() ?? null, chooseCaseFolder: async () => queue.shift() ?? null }, (b) => void imported.push(b));

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-portable-'));
    const files = (await sourceFiles()).filter((f) => f.kind !== 'policy' && f.kind !== 'video' && f.kind !== 'defect');
    // Two files with the same name from different folders must not overwrite each other.
    files.push({ ...files[0], name: 'Screenshot_20261115_211500.png', bytes: Buffer.concat([files[0]?.bytes ?? Buffer.alloc(0)]), kind: 'order', title: '同名文件' } as (typeof files)[number]);
    const src = path.join(root, 'src');
    const paths: string[] = [];
    for (const [i, f] of files.entries()) {
      const p = path.join(src, String(i), f.name);
      await mkdir(path.dirname(p), { recursive: true });
      await writeFile(p, f.bytes);
      paths.push(p);
    }
    const batch = await createVaultService({ vaultDir: path.join(root, 'vaultA') }).importPaths('a', paths, 'dialog');
    originals = files.map((f) => f.bytes);
    request = {
      case: CASE,
      evidence: batch.items.map((item, i) => ({ sha256: item.blob.sha256, originalName: item.blob.originalName, format: item.blob.format, capturedAt: item.blob.capturedAt, kind: files[i]?.kind ?? 'other', title: files[i]?.title ?? '', purpose: `目的${i}` })),
    };
  }, 60_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('gives every copy a safe, unique name, never case.json', () => {
    const names = copyNames([
      { originalName: 'a.png', format: 'png', title: 'x' },
      { originalName: 'A.PNG', format: 'png', title: 'x' },
      { originalName: '..\\..\\evil:name?.jpg', format: 'jpeg', title: 'x' },
      { originalName: 'case.json', format: 'json', title: 'x' },
      { originalName: '.png', format: 'png', title: '订单' },
    ]);
    expect(names).toEqual(['a.png', 'A (2).png', '_.._evil_name_.jpg', 'case (2).json', 'png.png']);
  });

  it('exports case.json and byte-identical originals, imports them back the same, and the CLI builds a bundle from the folder', async () => {
    expect(portableSchemas['case:exportFolder'].safeParse(request).success).toBe(true);
    const parent = path.join(root, 'out');
    await mkdir(parent);
    queue.push(parent);
    const out = await handlersFor(path.join(root, 'vaultA'))['case:exportFolder'](request);
    expect(out?.dir).toBe(path.join(parent, '点卡卡密无效_ 星辰_数码'));
    const dir = out?.dir ?? '';
    const json: unknown = JSON.parse(await readFile(path.join(dir, 'case.json'), 'utf8'));
    const file = caseFileSchema.parse(json);
    expect(Object.keys(json as object)).toEqual(['title', 'target', 'platform', 'shop', 'item', 'orderNumber', 'amount', 'purchasedAt', 'issue', 'request', 'statement', 'complainant', 'respondent', 'complaint', 'cardShop', 'evidence', 'events']);
    expect(new Set(file.evidence.map((e) => e.file.toLowerCase())).size).toBe(originals.length);
    for (const [i, e] of file.evidence.entries()) expect(sha(await readFile(path.join(dir, e.file)))).toBe(sha(originals[i] ?? Buffer.alloc(0)));

    // The folder itself, as the app wrote it, is accepted in place of its case.json.
    const cli = await runBundle([dir, '--out', path.join(root, 'cli.pdf'), '--no-ocr', '--max-mb', '0']);
    expect(cli.stderr.split('\n').filter((l) => l.startsWith('bundle:') && !l.startsWith('bundle: note'))).toEqual([]);
    expect(cli.exitCode).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ exhibits: originals.length });

    queue.push(dir);
    const back = await handlersFor(path.join(root, 'vaultB'))['case:importFolder']({ caseId: 'imported-1' });
    expect(back?.case).toEqual(CASE);
    expect(back?.evidence.map((e) => [e.blob.sha256, e.kind, e.title, e.purpose])).toEqual(request.evidence.map((e) => [e.sha256, e.kind, e.title, e.purpose]));
    expect(back?.evidence.map((e) => e.blob.capturedAt)).toEqual(request.evidence.map((e) => e.capturedAt));
    for (const e of back?.evidence ?? []) expect(sha(await readFile(vaultLayout(path.join(root, 'vaultB')).blob(e.blob.sha256)))).toBe(e.blob.sha256);
    expect(imported.at(-1)?.items).toHaveLength(originals.length);
  }, 60_000);

  async function importFolder(name: string, caseJson: unknown, files: Record<string, string | Buffer> = {}): Promise<Promise<unknown>> {
    const dir = path.join(root, 'bad', name);
    await mkdir(dir, { recursive: true });
    for (const [f, bytes] of Object.entries(files)) await writeFile(path.join(dir, f), bytes);
    if (caseJson !== undefined) await writeFile(path.join(dir, 'case.json'), typeof caseJson === 'string' ? caseJson : JSON.stringify(caseJson));
    queue.push(dir);
    return handlersFor(path.join(root, 'vaultC'))['case:importFolder']({ caseId: 'x' });
  }

  const minimal = { title: 'T', evidence: [{ file: 'a.txt', kind: 'chat' }] };

  it.each([
    ['a file outside the folder', { ...minimal, evidence: [{ file: '../a.txt', kind: 'chat' }] }, /evidence\[0\]\.file "\.\.\/a\.txt" is outside the case folder/],
    ['an absolute path', { ...minimal, evidence: [{ file: '/etc/hostname', kind: 'chat' }] }, /is an absolute path/],
    ['a missing file', { ...minimal, evidence: [{ file: 'gone.png', kind: 'chat' }] }, /evidence\[0\]\.file "gone\.png": file not found/],
    ['a missing field', { evidence: minimal.evidence }, /missing field "title"/],
    ['a bad kind', { ...minimal, evidence: [{ file: 'a.txt', kind: 'photo' }] }, /field "evidence\[0\]\.kind"/],
    ['an event time that is not a time', { ...minimal, events: [{ at: '昨天', text: 'x' }] }, /"events\[0\]\.at" is not a date-time/],
    ['broken JSON', '{"title": ', /case\.json is not valid JSON/],
  ])('refuses %s, naming it', async (name, json, message) => {
    await expect(importFolder(name.replace(/\W+/g, '-'), json, { 'a.txt': QQ_EXPORT })).rejects.toThrow(message);
  });

  it('refuses a folder without case.json', async () => {
    await expect(importFolder('none', undefined)).rejects.toThrow(/case file not found: .*case\.json/);
  });

  it('refuses a symlink that points out of the folder', async () => {
    const dir = path.join(root, 'bad', 'link');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(root, 'secret.txt'), 'outside');
    await symlink(path.join(root, 'secret.txt'), path.join(dir, 'a.txt'));
    await expect(importFolder('link', minimal)).rejects.toThrow(/evidence\[0\]\.file "a\.txt" is a link to a file outside the case folder/);
  });

  it('ignores unknown keys and returns null when the dialog is cancelled', async () => {
    const back = await importFolder('unknown', { ...minimal, future: { x: 1 }, evidence: [{ file: 'a.txt', kind: 'chat', extra: true }] }, { 'a.txt': QQ_EXPORT });
    expect(back).toMatchObject({ case: { title: 'T', target: 'platform', events: [] }, evidence: [{ kind: 'chat', title: '', purpose: '' }] });
    expect(await handlersFor(path.join(root, 'vaultC'))['case:importFolder']({ caseId: 'x' })).toBeNull();
  });
});
