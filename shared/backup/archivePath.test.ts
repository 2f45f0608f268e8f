import { describe, expect, it } from 'vitest';
import { blobShaOf, isSafeArchivePath, isTransientVaultPath } from './archivePath';

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
