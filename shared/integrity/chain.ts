// Verifies the audit log's hash chain. Pure and tolerant: any text in, a report out, never a throw,
// because the log is read after crashes and may have been tampered with.
import { auditEntrySchema, GENESIS_HASH, hashedText, type AuditEntry, type ChainHead, type HashHex } from './audit';

export type EntryStatus = 'ok' | 'edited' | 'broken-link';

export type ChainIssueKind =
  /** The entry's content no longer matches its own hash. */
  | 'edited'
  /** `prev` does not name the entry before: one was deleted, inserted or moved. */
  | 'broken-link'
  /** The sequence number jumps or goes back. */
  | 'sequence'
  /** A line that is not an entry, in the middle of the log. */
  | 'unreadable'
  /** The last line was cut short: the app stopped mid-write. Nothing after it is lost. */
  | 'torn-tail'
  /** A line cut short by a crash that the log noted and moved past on the next start. */
  | 'torn-repaired'
  /** The entry's MAC is wrong: it was written or rewritten without the vault's audit key. */
  | 'bad-mac'
  /** An entry without a MAC after keyed entries began: written by someone without the key. */
  | 'unkeyed'
  /** 记录被截断: the log ends before a head the app has seen. */
  | 'truncated'
  /** The entry at a seen head's position is not the one seen: the log was rewritten from there. */
  | 'rewritten';

export interface ChainIssue {
  /** 1-based line in the file. */
  line: number;
  kind: ChainIssueKind;
  seq: number | null;
}

export interface VerifiedEntry extends AuditEntry {
  status: EntryStatus;
}

export interface ChainReport {
  /** True when nothing suggests tampering; a torn tail or a repaired tear is a crash, not tampering. */
  intact: boolean;
  entries: VerifiedEntry[];
  issues: ChainIssue[];
  /** The hash the next entry must name as `prev`. */
  lastHash: string;
  lastSeq: number;
  /** The file ends in a partial line; an appender must start a new line first. */
  tornTail: boolean;
}

const CRASH_KINDS: ReadonlySet<ChainIssueKind> = new Set(['torn-tail', 'torn-repaired']);

function parseLine(line: string): AuditEntry | null {
  try {
    const parsed = auditEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface ChainOptions {
  /** HMAC under the vault's audit key; without it MACs are not checked (and `keyed` says so). */
  mac?: HashHex;
  /** Entries after this sequence number were written with the key: one without a MAC was not. */
  macRequiredAfter?: number;
  /** Heads seen before (IndexedDB, a backup, a bundle): the log must still reach each, unchanged. */
  anchors?: readonly ChainHead[];
}

/**
 * A torn line is what a crash leaves of one entry being written: the start of its JSON. A line that
 * is not (garbage), or that names another sequence number than the repair after it, hides something.
 */
function looksTorn(line: string, seq: number): boolean {
  if (!line.startsWith('{"')) return false;
  const named = /"seq":(\d+)/.exec(line);
  return named === null || Number(named[1]) === seq;
}

export function verifyChain(text: string, hashHex: HashHex, opts: ChainOptions = {}): ChainReport {
  const endsClean = text === '' || text.endsWith('\n');
  const lines = text.split('\n');
  if (endsClean) lines.pop();
  const entries: VerifiedEntry[] = [];
  const issues: ChainIssue[] = [];
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let pendingTear: ChainIssue | null = null;
  let pendingLine = '';
  let tornTail = false;
  let keyedSeen = false;

  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (line.trim() === '') return;
    const isLast = i === lines.length - 1;
    const entry = parseLine(line);
    if (entry === null) {
      if (isLast && !endsClean) {
        tornTail = true;
        issues.push({ line: lineNo, kind: 'torn-tail', seq: null });
      } else {
        pendingTear = { line: lineNo, kind: 'unreadable', seq: null };
        pendingLine = line;
        issues.push(pendingTear);
      }
      return;
    }
    // A complete entry that only lacks its newline was written whole; the next append starts a new line.
    if (isLast && !endsClean) tornTail = true;
    let status: EntryStatus = 'ok';
    if (hashHex(hashedText(entry)) !== entry.hash) {
      status = 'edited';
      issues.push({ line: lineNo, kind: 'edited', seq: entry.seq });
    }
    if (entry.prev !== prevHash) {
      if (status === 'ok') status = 'broken-link';
      issues.push({ line: lineNo, kind: 'broken-link', seq: entry.seq });
    }
    if (entry.seq !== lastSeq + 1) issues.push({ line: lineNo, kind: 'sequence', seq: entry.seq });
    let macOk = true;
    if (opts.mac) {
      if (entry.mac !== undefined) {
        keyedSeen = true;
        if (opts.mac(entry.hash) !== entry.mac) {
          macOk = false;
          issues.push({ line: lineNo, kind: 'bad-mac', seq: entry.seq });
        }
      } else if (keyedSeen || entry.seq > (opts.macRequiredAfter ?? Number.MAX_SAFE_INTEGER)) {
        macOk = false;
        issues.push({ line: lineNo, kind: 'unkeyed', seq: entry.seq });
      }
    }
    // A tear the log itself noted, chained straight on from the entry before it, with the key, was a crash.
    const tear: ChainIssue | null = pendingTear;
    if (tear !== null && entry.action === 'log-repaired' && status === 'ok' && macOk && entry.seq === lastSeq + 1 && looksTorn(pendingLine, entry.seq)) tear.kind = 'torn-repaired';
    pendingTear = null;
    entries.push({ ...entry, status });
    prevHash = entry.hash;
    lastSeq = entry.seq;
  });

  for (const anchor of opts.anchors ?? []) {
    const at = entries.find((e) => e.seq === anchor.seq);
    if (anchor.seq > lastSeq) issues.push({ line: lines.length + 1, kind: 'truncated', seq: anchor.seq });
    else if (at && at.hash !== anchor.hash) issues.push({ line: entries.indexOf(at) + 1, kind: 'rewritten', seq: anchor.seq });
  }

  return {
    intact: issues.every((issue) => CRASH_KINDS.has(issue.kind)),
    entries,
    issues,
    lastHash: prevHash,
    lastSeq,
    tornTail,
  };
}
