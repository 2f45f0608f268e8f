// The folder export (originals + manifest.json + case.json + PDF), the 12315 field check that blocks
// an export, and the font text list kept in step with the layout code.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleError, createBundleService } from '../../../electron/main/bundle';
import type { FolderResult } from '../../../electron/main/bundle';
import { caseFileSchema } from '../../../electron/main/bundle/caseFile';
import type { FolderManifest } from '../../../electron/main/bundle/folder';
import { safeName } from '../../../electron/main/bundle/folder';
import { STATIC_TEXT } from '../../../electron/main/bundle/static-text';
import { QQ_EXPORT, makeFixture, sourceFiles } from './support';
import type { BundleFixture, SourceFile } from './support';
import { text, tool } from './pdf';
import { EMPTY_COMPLAINANT, EMPTY_RESPONDENT } from '../../../shared/bundle/types';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('folder export', () => {
  let fx: BundleFixture;
  let files: SourceFile[];
  let result: FolderResult;

  beforeAll(async () => {
    files = (await sourceFiles()).filter((f) => f.kind !== 'policy');
    fx = await makeFixture(files);
    const outDir = path.join(fx.root, 'export');
    result = await createBundleService({ vaultDir: fx.vaultDir }).exportFolder(fx.input, { outDir, maxBytes: null, redact: true });
  }, 60_000);
  afterAll(() => fx.cleanup());

  it('holds byte-identical originals named 证据N-<title>.<ext>', async () => {
    expect(result.originals.map((f) => path.basename(f))).toEqual([
      '证据1-订单详情截图.png',
      '证据2-客服聊天截图.png',
      '证据3-兑换页面报错照片.jpg',
      '证据4-与客服的QQ聊天记录.txt',
      '证据5-兑换过程录屏.mp4',
    ]);
    for (const [i, f] of result.originals.entries()) expect((await readFile(f)).equals(files[i]?.bytes ?? Buffer.alloc(0))).toBe(true);
  });

  it('writes manifest.json with sizes and hashes, noting the redacted derivative', async () => {
    const manifest: FolderManifest = JSON.parse(await readFile(result.manifest, 'utf8'));
    expect(manifest.app).toBe('留证');
    expect(manifest.pdf).toEqual(['XX游戏点卡卡密无效-证据材料.pdf']);
    expect(manifest.exhibits.map((e) => [e.file, e.size, e.sha256])).toEqual(files.map((f, i) => [path.basename(result.originals[i] ?? ''), f.bytes.length, sha(f.bytes)]));
    const redacted = manifest.exhibits[1]?.redacted;
    expect(redacted?.file).toBe('证据2-客服聊天截图-已遮挡.jpg');
    const derivative = await readFile(path.join(result.dir, redacted?.file ?? ''));
    expect(sha(derivative)).toBe(redacted?.sha256);
    expect(manifest.exhibits.filter((e) => e.redacted !== null)).toHaveLength(1);
    expect(manifest.note).toContain('不代表公证');
  });

  it('writes the PDF beside them and a case.json that reads back', async () => {
    expect(result.files).toEqual([path.join(result.dir, 'XX游戏点卡卡密无效-证据材料.pdf')]);
    expect(await text(result.files[0] ?? '')).toContain('证据目录');
    const back = caseFileSchema.parse(JSON.parse(await readFile(result.caseJson, 'utf8')));
    expect(back.evidence.map((e) => e.file)).toEqual(result.originals.map((f) => path.basename(f)));
    expect(back.orderNumber).toBe('3456789012345678901');
    expect((await readdir(result.dir)).sort()).toEqual(
      [...result.originals.map((f) => path.basename(f)), '证据2-客服聊天截图-已遮挡.jpg', 'manifest.json', 'case.json', 'XX游戏点卡卡密无效-证据材料.pdf'].sort(),
    );
  });

  it('refuses a folder that is not empty', async () => {
    const dir = path.join(fx.root, 'busy');
    await mkdir(dir);
    await writeFile(path.join(dir, 'other.txt'), 'x');
    const error = await createBundleService({ vaultDir: fx.vaultDir }).exportFolder(fx.input, { outDir: dir, maxBytes: null }).catch((e: unknown) => e);
    expect(error instanceof BundleError && error.code).toBe('output-exists');
  });
});

describe('a 12315 complaint', () => {
  it('is blocked, naming each missing field, before anything is written', async () => {
    const [order] = await sourceFiles();
    const fx = await makeFixture([order as SourceFile]);
    try {
      const input = { ...fx.input, target: '12315' as const, complainant: { ...EMPTY_COMPLAINANT, name: '李明' }, respondent: EMPTY_RESPONDENT };
      const out = path.join(fx.root, 'out', 'complaint.pdf');
      const error = await createBundleService({ vaultDir: fx.vaultDir }).exportBundle(input, { outFile: out, maxBytes: null }).catch((e: unknown) => e);
      expect(error instanceof BundleError && error.code).toBe('missing-fields');
      expect(error instanceof BundleError && error.details.fields?.map((f) => f.field)).toEqual([
        'complainant.phone',
        'complainant.idType',
        'complainant.idNumber',
        'complainant.address',
        'complainant.consentPublish',
        'complainant.consentMediation',
        'respondent.name',
        'respondent.address',
        'statement',
      ]);
      await expect(readdir(path.dirname(out))).rejects.toThrow();

      const complete = { ...input, complainant: fx.input.complainant, respondent: { ...fx.input.respondent, creditCode: '91350100M000100Y43' }, case: { ...input.case, statement: '2026年11月15日购买XX游戏点卡，卡密提示已被使用，订单号3456789012345678901，要求全额退款149.90元。' } };
      const ok = await createBundleService({ vaultDir: fx.vaultDir }).exportBundle(complete, { outFile: out, maxBytes: null });
      const letter = await text(ok.files[0] ?? '', 2);
      await mkdir(path.resolve('test-results/bundle'), { recursive: true });
      await tool('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', ok.files[0] ?? '', path.resolve('test-results/bundle/complaint')]);
      for (const words of ['投诉书', '投诉人', '被投诉人', '投诉请求', '事实与理由', '13800138000', '浙江省杭州市余杭区文一西路969号', '统一社会信用代码', '91350100M000100Y43', '证件类型', '居民身份证', '11010519491231002X', '同意公开', '不同意', '同意委托调解', '消费地点', '退还货款/服务费，金额 149.90 元', '知道受损日期', '2026-11-15', '其他途径']) expect(letter).toContain(words);
    } finally {
      await fx.cleanup();
    }
  }, 60_000);
});

describe('characters the font lacks', () => {
  it('draws an emoji as □, keeps a tab as spaces and says so, without failing the export', async () => {
    const log = QQ_EXPORT.replace('截图已发，请尽快处理退款。', '截图已发😀\t请尽快处理退款。');
    const fx = await makeFixture([{ name: 'QQ聊天记录.txt', bytes: Buffer.from(log, 'utf8'), kind: 'chat', title: '聊天记录' }]);
    try {
      const result = await createBundleService({ vaultDir: fx.vaultDir }).exportBundle(fx.input, { outFile: path.join(fx.root, 'e.pdf'), maxBytes: 2_000_000 });
      expect(result.warnings).toContain('字体中没有这些字符，PDF 中显示为 □：😀');
      expect(await text(result.files[0] ?? '')).toMatch(/截图已发□\s+请尽快处理退款。/);
    } finally {
      await fx.cleanup();
    }
  }, 60_000);
});

describe('STATIC_TEXT', () => {
  it('covers every non-ASCII character the layout code and shared labels print', async () => {
    const dirs = ['electron/main/bundle', 'shared/bundle'];
    const shared = new Set(['labels.ts', 'plan.ts', 'timeline.ts']);
    const missing = new Set<string>();
    for (const dir of dirs) {
      for (const name of await readdir(dir)) {
        if (!name.endsWith('.ts') || name.endsWith('.test.ts') || name === 'static-text.ts') continue;
        if (dir === 'shared/bundle' && !shared.has(name)) continue;
        const src = (await readFile(path.join(dir, name), 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
        for (const c of src) if (c > '\u007f' && !STATIC_TEXT.includes(c)) missing.add(c);
      }
    }
    expect([...missing].join('')).toBe('');
  });
});

describe('safeName', () => {
  it.each([
    ['订单详情截图', '订单详情截图'],
    ['a/b\\c:d*e?"f<g>h|i', 'a_b_c_d_e__f_g_h_i'],
    ['..', '未命名'],
    ['  x  ', 'x'],
  ])('%s → %s', (name, safe) => {
    expect(safeName(name)).toBe(safe);
  });
});
