// The renderer is the least trusted part: the integrity channels refuse what they were not built for.
import { describe, expect, it } from 'vitest';
import { requestSchemas } from '../../../shared/ipc/schemas';

const ok = { action: 'edit', caseId: 'case-1', evidenceId: 'ev-1', sha256: null, detail: '标题：a → b' };

describe('integrity request schemas', () => {
  it.each([
    ['audit:record', ok, true],
    // Only main may log deletes, purges, exports and restores.
    ['audit:record', { ...ok, action: 'delete' }, false],
    ['audit:record', { ...ok, action: 'log-repaired' }, false],
    ['audit:record', { ...ok, detail: 'x'.repeat(501) }, false],
    ['audit:record', { ...ok, caseId: '../../etc' }, false],
    ['audit:record', { ...ok, extra: 1 }, false],
    ['audit:record', { ...ok, sha256: 'ABC' }, false],
    ['audit:history', { caseId: 'case-1' }, true],
    ['trash:restore', { id: 'a/b' }, false],
    ['trash:purge', { id: 'abc' }, false],
    ['trash:purge', { id: 'abc', liveSha256: ['z'] }, false],
    ['vaultCheck:run', { records: [{ sha256: 'a'.repeat(64), evidenceId: 'e', caseId: 'c', title: 't' }] }, true],
    ['vaultCheck:run', { records: [{ sha256: 'a'.repeat(64), evidenceId: 'e', caseId: 'c' }] }, false],
    ['vaultCheck:quarantine', { sha256: '../'.repeat(20) }, false],
    ['verify:bundle', { kind: 'folder' }, true],
    ['verify:bundle', { kind: 'folder', path: '/etc' }, false],
  ] as const)('%s %o → %s', (channel, req, valid) => {
    expect(requestSchemas[channel].safeParse(req).success).toBe(valid);
  });

  it('refuses a trash move whose record is not an evidence record', () => {
    const record = { id: 'ev-1', caseId: 'case-1', sha256: 'a'.repeat(64), title: 'x' };
    expect(requestSchemas['trash:move'].safeParse({ record, caseTitle: 'c' }).success).toBe(false);
  });
});
