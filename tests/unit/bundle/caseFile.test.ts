// case.json is input from anyone: a shared case folder, a download. Every way out of the case folder
// and every wrong type gets a sentence naming the field and the file; nothing outside is ever read.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_FILE_MAX_BYTES, CaseFileError, loadCaseFile } from '../../../electron/main/bundle/caseFile';

let root: string;
let caseDir: string;
let outsideFile: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-casefile-'));
  caseDir = path.join(root, 'case');
  await mkdir(path.join(caseDir, 'files'), { recursive: true });
  await writeFile(path.join(caseDir, 'files', 'a.png'), 'png bytes');
  // Names that merely start with two dots are ordinary files, not a way up.
  await writeFile(path.join(caseDir, '..foo.png'), 'png bytes');
  await writeFile(path.join(caseDir, 'files', '...png'), 'png bytes');
  outsideFile = path.join(root, 'secret.txt');
  await writeFile(outsideFile, 'not for the case');
  await mkdir(path.join(root, 'elsewhere'));
  await writeFile(path.join(root, 'elsewhere', 'x.png'), 'outside');
  await symlink(outsideFile, path.join(caseDir, 'files', 'link.txt'));
  await symlink(path.join(root, 'elsewhere'), path.join(caseDir, 'linkdir'));
  await symlink(path.join(caseDir, 'files', 'a.png'), path.join(caseDir, 'inside-link.png'));
  execFileSync('mkfifo', [path.join(caseDir, 'files', 'pipe.txt')]);
});
afterAll(async () => rm(root, { recursive: true, force: true }));

const base = { title: '卡密无效', evidence: [{ file: 'files/a.png', kind: 'order' }] };

async function load(json: unknown, name = 'case.json'): Promise<unknown> {
  const file = path.join(caseDir, name);
  await writeFile(file, typeof json === 'string' ? json : JSON.stringify(json));
  return loadCaseFile(file);
}

async function refusal(json: unknown): Promise<string> {
  const err: unknown = await load(json).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CaseFileError);
  return err instanceof Error ? err.message : '';
}

describe('evidence paths', () => {
  it('accepts names that only start with dots (..foo.png, files/...png)', async () => {
    const loaded = await load({ ...base, evidence: [{ file: '..foo.png', kind: 'order' }, { file: 'files/...png', kind: 'chat' }] });
    expect(loaded).toMatchObject({ evidence: [{ path: path.join(caseDir, '..foo.png') }, { path: path.join(caseDir, 'files', '...png') }] });
  });

  it('accepts a file inside, also through a link that stays inside', async () => {
    const loaded = await load({ ...base, evidence: [...base.evidence, { file: 'inside-link.png', kind: 'chat' }] });
    expect(loaded).toMatchObject({ evidence: [{ path: path.join(caseDir, 'files', 'a.png') }, { path: path.join(caseDir, 'files', 'a.png') }] });
  });

  it.each([
    ['../../etc/passwd', 'is outside the case folder'],
    ['files/../../secret.txt', 'is outside the case folder'],
    ['..\\..\\Windows\\win.ini', 'is outside the case folder'],
    ['files/..', 'is outside the case folder'],
    ['.', 'is outside the case folder'],
    ['/etc/passwd', 'is an absolute path'],
    ['C:\\Windows\\win.ini', 'is an absolute path'],
    ['C:secret.txt', 'is an absolute path'],
    ['\\\\server\\share\\x.png', 'is an absolute path'],
    ['files/link.txt', 'is a link to a file outside the case folder'],
    ['linkdir/x.png', 'is a link to a file outside the case folder'],
    ['files/nope.png', 'file not found'],
    ['files', 'is not a regular file'],
    ['files/pipe.txt', 'is not a regular file'],
    ['files/a.png\u0000.txt', 'contains a control character'],
    ['files/a\n.png', 'contains a control character'],
  ])('%j → %s', async (file, message) => {
    const text = await refusal({ ...base, evidence: [{ file, kind: 'other' }] });
    expect(text).toContain('evidence[0].file');
    expect(text).toContain(message);
  });
});

describe('wrong types and shapes', () => {
  it.each([
    ['a JSON array', [base], 'the top level must be a JSON object'],
    ['null', null, 'the top level must be a JSON object'],
    ['a JSON string', '"x"', 'the top level must be a JSON object'],
    ['a numeric title', { ...base, title: 123 }, 'field "title"'],
    ['an empty title', { ...base, title: '   ' }, 'field "title" is empty'],
    ['evidence as a string', { ...base, evidence: 'files/a.png' }, 'field "evidence"'],
    ['an evidence entry as a number', { ...base, evidence: [1] }, 'field "evidence[0]"'],
    ['a numeric file', { ...base, evidence: [{ file: 5, kind: 'order' }] }, 'field "evidence[0].file"'],
    ['no evidence', { ...base, evidence: [] }, 'field "evidence" lists no files'],
    ['a complainant as a string', { ...base, complainant: '李明' }, 'field "complainant"'],
    ['events as an object', { ...base, events: { at: 'x' } }, 'field "events"'],
    ['an order number as a number', { ...base, orderNumber: 3456789012345678901 }, 'field "orderNumber" must be a string'],
    ['a negative amount', { ...base, amount: -5 }, 'field "amount"'],
    ['a 30000-character statement', { ...base, statement: '长'.repeat(30_000) }, 'field "statement" is too long'],
    ['3000 evidence files', { ...base, evidence: Array.from({ length: 3000 }, () => base.evidence[0]) }, 'lists more than 2000 files'],
    ['a missing title', { evidence: base.evidence }, 'missing field "title"'],
  ])('%s', async (_label, json, message) => {
    const text = await refusal(json);
    expect(text).toContain('case.json: ');
    expect(text).toContain(message);
  });

  it('refuses text that is not JSON, naming the file', async () => {
    expect(await refusal('{"title": "x",')).toMatch(/case\.json is not valid JSON/);
  });

  it('ignores __proto__ keys without polluting anything', async () => {
    const loaded = await load(`{"title":"x","__proto__":{"polluted":true},"evidence":[{"file":"files/a.png","kind":"order","__proto__":{"x":1}}]}`);
    expect(loaded).toMatchObject({ data: { title: 'x' } });
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });

  it('refuses a case file larger than the limit before reading it', async () => {
    const big = path.join(caseDir, 'big.json');
    await writeFile(big, Buffer.alloc(CASE_FILE_MAX_BYTES + 1, 0x20));
    await expect(loadCaseFile(big)).rejects.toThrow(/is too large for a case file/);
  });

  it('refuses a folder or a pipe given as the case file', async () => {
    await expect(loadCaseFile(caseDir)).rejects.toThrow(/is not a regular file/);
    await expect(loadCaseFile(path.join(caseDir, 'files', 'pipe.txt'))).rejects.toThrow(/is not a regular file/);
  });
});
