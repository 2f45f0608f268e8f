// The audit chain verifier against adversarial edits. Lives here, not beside chain.ts, because it hashes
// with node:crypto, which shared/ may not import.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, sealEntry, type AuditEntry, type AuditInput } from '../../../shared/integrity/audit';
import { verifyChain } from '../../../shared/integrity/chain';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

function build(inputs: AuditInput[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  inputs.forEach((input, i) => {
    const entry = sealEntry({ ...input, seq: i + 1, at: `2026-11-20T0${i}:00:00.000Z`, source: 'main', prev }, sha);
    out.push(entry);
    prev = entry.hash;
  });
  return out;
}

const input = (action: AuditInput['action'], detail: string): AuditInput => ({ action, caseId: 'case-1', evidenceId: 'ev-1', sha256: null, detail });
const log = build([input('import', 'a.png'), input('edit', '标题 → 订单截图'), input('move', '→ 案件二'), input('delete', 'a.png')]);
const text = (entries: readonly unknown[]) => entries.map((e) => `${JSON.stringify(e)}\n`).join('');

describe('verifyChain', () => {
  it('accepts an untouched log and reports where the next entry must link', () => {
    const report = verifyChain(text(log), sha);
    expect(report.intact).toBe(true);
    expect(report.issues).toEqual([]);
    expect(report.entries.map((e) => e.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(report.lastHash).toBe(log[3]?.hash);
    expect(report.lastSeq).toBe(4);
  });

  it('accepts an empty log', () => {
    expect(verifyChain('', sha)).toMatchObject({ intact: true, entries: [], lastHash: GENESIS_HASH, lastSeq: 0, tornTail: false });
  });

  it('hashes canonical JSON, so key order in the file does not matter', () => {
    const reordered = log.map((e) => Object.fromEntries(Object.entries(e).reverse()));
    expect(verifyChain(text(reordered), sha).intact).toBe(true);
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  const cases: { name: string; tamper: (entries: AuditEntry[]) => unknown[]; kinds: string[]; statuses?: string[] }[] = [
    {
      name: 'an edited detail',
      tamper: (e) => e.map((x, i) => (i === 1 ? { ...x, detail: '标题 → 伪造' } : x)),
      kinds: ['edited'],
      statuses: ['ok', 'edited', 'ok', 'ok'],
    },
    {
      name: 'an edited entry whose hash was recomputed',
      tamper: (e) => e.map((x, i) => (i === 1 ? sealEntry({ ...x, detail: '伪造' }, sha) : x)),
      kinds: ['broken-link'],
      statuses: ['ok', 'ok', 'broken-link', 'ok'],
    },
    { name: 'a deleted entry', tamper: (e) => e.filter((_, i) => i !== 2), kinds: ['broken-link', 'sequence'] },
    { name: 'the first entry deleted', tamper: (e) => e.slice(1), kinds: ['broken-link', 'sequence'] },
    { name: 'two entries swapped', tamper: (e) => [e[0], e[2], e[1], e[3]], kinds: ['broken-link', 'sequence', 'broken-link', 'sequence', 'broken-link', 'sequence'] },
    { name: 'an entry duplicated', tamper: (e) => [...e.slice(0, 3), e[2], e[3]], kinds: ['broken-link', 'sequence'] },
    { name: 'a garbage line in the middle', tamper: (e) => [e[0], 'not json', e[1], e[2], e[3]], kinds: ['unreadable'] },
    { name: 'an entry with an extra field', tamper: (e) => e.map((x, i) => (i === 0 ? { ...x, extra: 1 } : x)), kinds: ['unreadable', 'broken-link', 'sequence'] },
  ];
  it.each(cases)('detects $name', ({ tamper, kinds, statuses }) => {
    const lines = tamper(log).map((x) => (typeof x === 'string' ? `${x}\n` : `${JSON.stringify(x)}\n`));
    const report = verifyChain(lines.join(''), sha);
    expect(report.intact).toBe(false);
    expect(report.issues.map((i) => i.kind)).toEqual(kinds);
    if (statuses) expect(report.entries.map((e) => e.status)).toEqual(statuses);
  });

  it('reports a torn final line from a crash without failing the rest', () => {
    const full = text(log);
    const torn = full + JSON.stringify(build([...log.map(() => input('edit', '')), input('export', 'x.pdf')])[4]).slice(0, 40);
    const report = verifyChain(torn, sha);
    expect(report.tornTail).toBe(true);
    expect(report.intact).toBe(true);
    expect(report.issues).toEqual([{ line: 5, kind: 'torn-tail', seq: null }]);
    expect(report.entries).toHaveLength(4);
    expect(report.lastHash).toBe(log[3]?.hash);
  });

  it('treats the truncated last line of a log cut mid-entry as torn, not tampered', () => {
    const full = text(log);
    const report = verifyChain(full.slice(0, full.length - 30), sha);
    expect(report.issues).toEqual([{ line: 4, kind: 'torn-tail', seq: null }]);
    expect(report.entries).toHaveLength(3);
    expect(report.intact).toBe(true);
  });

  it('accepts a whole last entry that lost only its newline, and says an appender must start a new line', () => {
    const report = verifyChain(text(log).slice(0, -1), sha);
    expect(report).toMatchObject({ intact: true, tornTail: true, issues: [] });
    expect(report.entries).toHaveLength(4);
  });

  it('counts a tear that the log noted on restart as a crash, and one without the note as unreadable', () => {
    const base = log.slice(0, 2);
    const repaired = sealEntry({ ...input('log-repaired', 'line 3'), seq: 3, at: 'x', source: 'main', prev: base[1]?.hash ?? '' }, sha);
    const withNote = `${text(base)}{"seq":3,"at\n${text([repaired])}`;
    const noted = verifyChain(withNote, sha);
    expect(noted.issues).toEqual([{ line: 3, kind: 'torn-repaired', seq: null }]);
    expect(noted.intact).toBe(true);
    const plain = sealEntry({ ...input('edit', 'x'), seq: 3, at: 'x', source: 'main', prev: base[1]?.hash ?? '' }, sha);
    const unnoted = verifyChain(`${text(base)}{"seq":3,"at\n${text([plain])}`, sha);
    expect(unnoted.issues.map((i) => i.kind)).toEqual(['unreadable']);
    expect(unnoted.intact).toBe(false);
  });

  it('never throws on hostile input', () => {
    for (const junk of ['\u0000\u0001', '[]\n', 'null\n', '{"seq":"1"}\n', '\n\n\n', '{'.repeat(10_000)]) {
      expect(() => verifyChain(junk, sha)).not.toThrow();
    }
  });
});
