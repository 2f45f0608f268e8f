// The append-only audit log: <vault>/audit/log.jsonl, one hash-chained entry a line. Appends are
// serialised and fsynced before they resolve, so an entry the caller saw recorded survives a crash.
// A line torn by a crash is never rewritten: the next start ends it and notes the repair in the chain.
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import { clampDetail, sealEntry, type AuditEntry, type AuditInput, type ChainHead } from '../../../shared/integrity/audit';
import { verifyChain, type ChainReport } from '../../../shared/integrity/chain';
import { KeyUnavailableError, type AuditKey } from '../signing/keys';
import { fsyncDir } from '../fs/atomic';
import { hasErrorCode } from '../fs/errors';
import { sha256Hex } from '../fs/hash';
import { createSerial } from '../../../shared/async/serial';
import { vaultLayout } from '../vault/layout';


/**
 * What other services (the importer, the exporter, backup's restore) need: record one event.
 * Resolves once the entry is on disk.
 */
export interface AuditRecorder {
  record(entry: AuditInput): Promise<AuditEntry>;
}

export interface AuditLog extends AuditRecorder {
  recordAll(entries: AuditInput[], source?: AuditEntry['source']): Promise<AuditEntry[]>;
  /** The whole log, verified. */
  read(): Promise<ChainReport>;
  /** The case an earlier entry last tied any of these originals to (for exports, which know no case id). */
  caseOf(sha256s: readonly string[]): Promise<string | null>;
  /** Forgets the cached chain head: a restore swapped the log file underneath us. */
  reopen(): Promise<void>;
  /** The head on disk now: what IndexedDB, backups and bundle manifests keep. */
  head(): Promise<ChainHead>;
  /**
   * A head seen before (the renderer's copy in IndexedDB, a backup's): from now on the log must reach
   * it unchanged, or it reads as cut short (记录被截断) or rewritten.
   */
  anchor(seen: ChainHead): void;
  file: string;
}

export function auditLogPath(vaultDir: string): string {
  return vaultLayout(vaultDir).auditLog;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if (hasErrorCode(err, 'ENOENT')) return '';
    throw err;
  }
}

export function createAuditLog(opts: { vaultDir: string; now?: () => Date; key?: (head: () => Promise<number>) => Promise<AuditKey> }): AuditLog {
  const file = auditLogPath(opts.vaultDir);
  const now = opts.now ?? (() => new Date());
  let head: { hash: string; seq: number } | null = null;
  const serial = createSerial();
  const anchors = new Map<number, ChainHead>();
  let macOf: ((hash: string) => string) | undefined;
  let keyedAfter = 0;
  /** The HMAC under the vault's audit key, made on first use (keying every entry after the log's end then); none without a key source. */
  const mac = async (text: string) => {
    if (macOf || !opts.key) return macOf;
    let got: AuditKey;
    try {
      got = await opts.key(async () => verifyChain(text, sha256Hex).lastSeq);
    } catch (err) {
      // A key this OS account cannot open (a backup restored elsewhere): the log still works, unkeyed.
      if (err instanceof KeyUnavailableError) return undefined;
      throw err;
    }
    const { key, since } = got;
    keyedAfter = since;
    macOf = (hash) => createHmac('sha256', key).update(hash).digest('hex');
    return macOf;
  };
  const verify = async (text: string) => verifyChain(text, sha256Hex, { mac: await mac(text), macRequiredAfter: keyedAfter, anchors: [...anchors.values()] });

  const append = async (lines: string): Promise<void> => {
    const fh = await open(file, 'a', 0o644);
    try {
      await fh.write(lines);
      await fh.sync();
    } finally {
      await fh.close();
    }
  };

  const seal = (input: AuditInput, source: AuditEntry['source']): AuditEntry => {
    if (head === null) throw new Error('audit log not opened');
    const entry = sealEntry({ ...input, detail: clampDetail(input.detail), seq: head.seq + 1, at: now().toISOString(), source, prev: head.hash }, sha256Hex, macOf);
    head = { hash: entry.hash, seq: entry.seq };
    return entry;
  };

  /** Reads the chain's head once; ends a torn last line so the next entry starts on its own line. */
  const openLog = async (): Promise<void> => {
    if (head !== null) return;
    await mkdir(path.dirname(file), { recursive: true });
    const report = await verify(await readText(file));
    head = { hash: report.lastHash, seq: report.lastSeq };
    if (!report.tornTail) return;
    const torn = report.issues.find((i) => i.kind === 'torn-tail');
    let text = '\n';
    if (torn) {
      const note = seal({ action: 'log-repaired', caseId: null, evidenceId: null, sha256: null, detail: `第 ${torn.line} 行在上次退出时未写完，已跳过` }, 'main');
      text += `${JSON.stringify(note)}\n`;
    }
    await append(text);
    await fsyncDir(path.dirname(file));
  };

  const recordAll = (inputs: AuditInput[], source: AuditEntry['source'] = 'main'): Promise<AuditEntry[]> =>
    serial(async () => {
      await openLog();
      if (inputs.length === 0) return [];
      const entries = inputs.map((input) => seal(input, source));
      try {
        await append(entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
      } catch (err) {
        // Not written: the next entry must chain to what is really on disk. Re-read it to be sure.
        head = null;
        throw err;
      }
      return entries;
    });

  const read = () => serial(async () => verify(await readText(file)));

  return {
    file,
    recordAll,
    record: async (input) => {
      const [entry] = await recordAll([input]);
      if (!entry) throw new Error('audit entry not written');
      return entry;
    },
    read,
    reopen: () =>
      serial(async () => {
        head = null;
        macOf = undefined;
        keyedAfter = 0;
        // Heads seen belong to the log that was replaced; the restored one brings its own.
        anchors.clear();
      }),
    head: () =>
      serial(async () => {
        await openLog();
        return head ?? { seq: 0, hash: '0'.repeat(64) };
      }),
    anchor(seen) {
      const known = anchors.get(seen.seq);
      // Two different hashes for one position are both kept: one of them was rewritten.
      if (!known || known.hash === seen.hash) anchors.set(seen.seq, seen);
      else anchors.set(-seen.seq - 1, seen);
    },
    async caseOf(shas) {
      const wanted = new Set(shas);
      const { entries } = await read();
      for (let i = entries.length - 1; i >= 0; i--) {
        const e = entries[i];
        if (e && e.sha256 !== null && e.caseId !== null && wanted.has(e.sha256)) return e.caseId;
      }
      return null;
    },
  };
}
