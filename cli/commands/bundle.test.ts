import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceFiles } from '../../tests/unit/bundle/support';
import { text } from '../../tests/unit/bundle/pdf';
import { runBundle } from './bundle';

let root: string;
let caseDir: string;

const baseCase = (evidence: Array<Record<string, string>>) => ({
  title: 'XX游戏点卡卡密无效',
  target: 'platform',
  platform: 'taobao',
  shop: '星辰数码专营店',
  item: 'XX游戏点卡 100元',
  amount: 149.9,
  issue: '卡密无效',
  request: '全额退款149.90元',
  complainant: { name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道100号1201室' },
  respondent: { name: '星辰数码专营店' },
  evidence,
  events: [{ at: '2026-11-16T10:30', text: '在平台申请退款' }],
  unknownKey: { ignored: true },
});

async function writeCase(name: string, json: unknown): Promise<string> {
  const file = path.join(caseDir, name);
  await writeFile(file, JSON.stringify(json));
  return file;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-cli-bundle-'));
  caseDir = path.join(root, 'case');
  await mkdir(path.join(caseDir, 'files'), { recursive: true });
  for (const f of await sourceFiles()) if (f.kind !== 'policy' && f.kind !== 'defect') await writeFile(path.join(caseDir, 'files', f.name), f.bytes);
  await writeFile(path.join(root, 'secret.txt'), 'outside the case folder');
  await symlink(path.join(root, 'secret.txt'), path.join(caseDir, 'files', 'link.txt'));
}, 30_000);

afterAll(() => rm(root, { recursive: true, force: true }));

const EVIDENCE: Array<Record<string, string>> = [
  { file: 'files/Screenshot_20261115_203200.png', kind: 'order', title: '订单详情截图' },
  { file: 'files/Screenshot_20261115_211500.png', kind: 'chat', title: '客服聊天截图' },
  { file: 'files/QQ聊天记录.txt', kind: 'chat', title: '与客服的QQ聊天记录' },
  { file: 'files/录屏_20261116.mp4', kind: 'video', title: '兑换过程录屏', purpose: '证明兑换时提示已被使用' },
];

describe('bundle <case.json>', () => {
  it('OCRs the screenshots, writes the PDF and prints one JSON line', async () => {
    const caseFile = await writeCase('case.json', { ...baseCase(EVIDENCE), orderNumber: '' });
    const out = path.join(root, 'out', '证据包.pdf');
    const r = await runBundle([caseFile, '--out', out]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^\{"files": \["[^"]+"\], "pages": \d+, "exhibits": 4\}\n$/);
    const line = JSON.parse(r.stdout);
    expect(Object.keys(line)).toEqual(['files', 'pages', 'exhibits']);
    expect(line.files).toEqual([out]);
    const all = await text(out);
    // The order number came from OCR of the screenshot: the case file left it empty.
    expect(all).toMatch(/订单号\s+3456789012345678901/);
    expect(all).toContain('订单编号 3456789012345678901');
    expect(all).toContain('截图已发，请尽快处理退款。');
    expect(all.split('\f').filter((p) => p.trim() !== '')).toHaveLength(line.pages);
  }, 90_000);

  it('also exports the folder, which the CLI can build from again', async () => {
    const caseFile = await writeCase('quick.json', baseCase(EVIDENCE));
    const folder = path.join(root, 'folder');
    const r = await runBundle([caseFile, '--out', path.join(root, 'quick.pdf'), '--no-ocr', '--max-mb', '0', '--folder', folder]);
    expect(r.exitCode).toBe(0);
    expect(await readdir(folder)).toContain('证据1-订单详情截图.png');
    const again = await runBundle([path.join(folder, 'case.json'), '--out', path.join(root, 'again.pdf'), '--no-ocr']);
    expect(again.stderr).not.toContain('error');
    expect(JSON.parse(again.stdout).exhibits).toBe(4);
  }, 60_000);

  it.each([
    { name: 'missing --out', args: (c: string) => [c], message: /missing --out/ },
    { name: 'a bad --max-mb', args: (c: string) => [c, '--out', 'x.pdf', '--max-mb', 'lots'], message: /--max-mb must be a number/ },
    { name: 'a bad --target', args: (c: string) => [c, '--out', 'x.pdf', '--target', 'court'], message: /--target must be one of platform, 12315/ },
    { name: 'a missing case file', args: () => [path.join(root, 'nope.json'), '--out', 'x.pdf'], message: /case file not found: .*nope\.json/ },
  ])('exits 2 for $name', async ({ args, message }) => {
    const caseFile = await writeCase('args.json', baseCase(EVIDENCE));
    const r = await runBundle(args(caseFile));
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it.each([
    { name: 'a missing evidence file', evidence: [{ file: 'files/nope.png', kind: 'order' }], message: 'evidence[0].file "files/nope.png": file not found' },
    { name: 'a path climbing out', evidence: [{ file: '../../etc/passwd', kind: 'other' }], message: 'evidence[0].file "../../etc/passwd" is outside the case folder' },
    { name: 'an absolute path', evidence: [{ file: '/etc/passwd', kind: 'other' }], message: 'evidence[0].file "/etc/passwd" is an absolute path' },
    { name: 'a symlink pointing outside', evidence: [{ file: 'files/link.txt', kind: 'chat' }], message: 'evidence[0].file "files/link.txt" is a link to a file outside the case folder' },
    { name: 'a missing kind', evidence: [{ file: 'files/QQ聊天记录.txt' }], message: 'missing field "evidence[0].kind"' },
    { name: 'an unknown kind', evidence: [{ file: 'files/QQ聊天记录.txt', kind: 'receipt' }], message: 'field "evidence[0].kind"' },
  ])('refuses $name with exit 2', async ({ evidence, message }) => {
    const caseFile = await writeCase('bad.json', baseCase(evidence));
    const r = await runBundle([caseFile, '--out', path.join(root, 'bad.pdf'), '--no-ocr']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a missing top-level field and an order number given as a number', async () => {
    const { title: _title, ...untitled } = baseCase(EVIDENCE);
    const r1 = await runBundle([await writeCase('untitled.json', untitled), '--out', path.join(root, 'u.pdf')]);
    expect(r1.exitCode).toBe(2);
    expect(r1.stderr).toContain('missing field "title"');
    const r2 = await runBundle([await writeCase('number.json', { ...baseCase(EVIDENCE), orderNumber: 3456789012345678901 }), '--out', path.join(root, 'n.pdf')]);
    expect(r2.exitCode).toBe(2);
    expect(r2.stderr).toContain('field "orderNumber" must be a string');
  });

  it('for --target 12315, names every missing required field and writes nothing', async () => {
    const caseFile = await writeCase('complaint.json', baseCase(EVIDENCE.slice(2)));
    const out = path.join(root, 'complaint', 'c.pdf');
    const r = await runBundle([caseFile, '--out', out, '--target', '12315', '--no-ocr']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('respondent.address (被投诉人地址)');
    expect(r.stderr).toContain('statement (事实与理由)');
    expect(r.stderr).not.toContain('complainant.name');
    await expect(readFile(out)).rejects.toThrow();
  });
});
