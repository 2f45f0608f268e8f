import { describe, expect, it } from 'vitest';
import { blobShaOf, foldedName, isRebuiltOnlyPath, isSafeArchivePath, isTransientVaultPath, vaultEntryRule } from './archivePath';

const SHA = 'ab'.padEnd(64, '0');

describe('isSafeArchivePath', () => {
  it.each([
    ['format.json', true],
    ['vault/blobs/ab/' + SHA, true],
    ['vault/meta/' + SHA + '.json', true],
    ['vault/trash/' + SHA + '.1763800000000-a1b2c3.json', true],
    ['vault/ocr/queue.json', true],
    ['vault/audit/log-2026.jsonl', true],
    ['', false],
    ['../etc/passwd', false],
    ['vault/../../etc/passwd', false],
    ['vault/./blobs', false],
    ['/etc/passwd', false],
    ['vault//blobs', false],
    ['vault/blobs/', false],
    ['C:/Windows/system32', false],
    ['C:\\Windows', false],
    ['vault\\..\\x', false],
    ['vault/.hidden', false],
    ['vault/a\u0000b', false],
    ['vault/证据.png', false],
    ['a/b/c/d/e/f/g', false],
    ['x'.repeat(401), false],
    ['vault/' + 'y'.repeat(201), false],
  ])('%j → %s', (name, safe) => {
    expect(isSafeArchivePath(name)).toBe(safe);
  });
});

describe('isTransientVaultPath', () => {
  it.each([
    ['tmp', true],
    ['tmp/abc', true],
    ['ocr/queue.json.a1b2c3.tmp', true],
    ['blobs/ab/' + SHA, false],
    ['tmpfile.json', false],
  ])('%j → %s', (rel, transient) => {
    expect(isTransientVaultPath(rel)).toBe(transient);
  });
});

describe('isRebuiltOnlyPath: video frames stay out of backups', () => {
  it.each([
    ['derived/frames', true],
    [`derived/frames/${SHA}/f000.jpg`, true],
    [`derived/thumb/${SHA}.webp`, false],
    ['derived/framesx', false],
  ])('%j → %s', (rel, only) => expect(isRebuiltOnlyPath(rel)).toBe(only));
});

describe('blobShaOf', () => {
  it.each([
    ['vault/blobs/ab/' + SHA, SHA],
    ['vault/blobs/cd/' + SHA, null],
    ['vault/meta/ab/' + SHA, null],
    ['vault/blobs/ab/' + SHA.toUpperCase(), null],
    ['vault/blobs/ab/' + SHA + '.json', null],
  ])('%j → %s', (name, sha) => {
    expect(blobShaOf(name)).toBe(sha);
  });
});

describe('vaultEntryRule: the byte-exact vault layout a restore accepts', () => {
  const Q = `quarantine/${SHA}-2026-11-22T02-00-00-000Z-a1b2c3`;
  it.each([
    ['blobs/ab/' + SHA, 'blob'],
    ['meta/' + SHA + '.json', 'keep'],
    ['ocr/queue.json', 'keep'],
    ['ocr/' + SHA + '.json', 'keep'],
    ['ocr/' + SHA + '.fields.json', 'keep'],
    ['intents/0123456789abcdef01234567.json', 'keep'],
    ['intents/0123456789abcdef01234567.json.tmp', null],
    ['intents/../x.json', null],
    ['ocr/' + SHA + '.fields.JSON', null],
    [`derived/frames/${SHA}/f000.jpg`, 'rebuild'],
    [`derived/frames/${SHA}/f047.webp`, 'rebuild'],
    [`derived/frames/${SHA}/frames.json`, 'rebuild'],
    [`derived/frames/${SHA}/f0000.jpg`, null],
    [`derived/frames/${SHA}/../f000.jpg`, null],
    [`derived/frames/${SHA}/f000.jpg.html`, null],
    [`derived/frames/${SHA}/F000.JPG`, null],
    ['audit/log.jsonl', 'keep'],
    ['trash/0123456789abcdef01234567.entry.json', 'keep'],
    ['trash/0123456789abcdef01234567.blob', 'keep'],
    ['trash/0123456789abcdef01234567.meta.json', 'keep'],
    [Q, 'keep'],
    ['derived/thumb/' + SHA + '.webp', 'rebuild'],
    ['derived/display/' + SHA + '.webp', 'rebuild'],
    ['pages/' + SHA + '/' + SHA, 'blob'],
    ['pages/' + SHA + '/manifest.json', 'keep'],
    ['pages/' + SHA + '/logo.png', null],
    ['pages/' + SHA + '/' + SHA + '.png', null],
    ['pages/' + SHA + '/Manifest.json', null],
    ['pages/' + SHA + '/../' + SHA, null],
    ['pages/' + SHA + '/sub/' + SHA, null],
    ['Pages/' + SHA + '/manifest.json', null],
    // Names that mean something else on Windows or macOS, or that the app never writes.
    ['Blobs/ab/' + SHA, null],
    ['blobs./ab/' + SHA, null],
    ['blobs/ab./' + SHA, null],
    ['blobs/ab/' + SHA + '.', null],
    ['blobs/AB/' + SHA.toUpperCase(), null],
    ['nul', null],
    ['CON.txt', null],
    ['meta/' + SHA + '.JSON', null],
    ['meta/' + SHA + '.json.', null],
    ['audit/log.jsonl ', null],
    ['audit/other.jsonl', null],
    ['ocr/aux.json', null],
    ['derived/thumb/' + SHA + '.png', null],
    ['derived/evil.html', null],
    ['trash/0123456789abcdef01234567.exe', null],
    [Q.replace('T02', 't02'), null],
    ['tmp/abc', null],
    ['README.txt', null],
  ])('%j → %s', (rel, rule) => {
    expect(vaultEntryRule(rel)).toBe(rule);
  });
});

describe('foldedName', () => {
  it('maps case twins and Unicode normal-form twins to one name', () => {
    expect(foldedName('vault/Meta/x.json')).toBe(foldedName('vault/meta/x.json'));
    expect(foldedName('vault/e\u0301.json')).toBe(foldedName('vault/\u00e9.json'));
    expect(foldedName('vault/a.json')).not.toBe(foldedName('vault/b.json'));
  });
});
