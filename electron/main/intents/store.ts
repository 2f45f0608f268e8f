// Intents: main's half of an action that also changes the renderer's records (move, delete, restore).
// begin() puts <vault>/intents/<id>.json on disk (atomically) before any step runs; finish() removes it
// once the renderer's Dexie transaction has committed. An intent found at start-up means a crash came
// in between: pending() settles the vault side (finishing a trash move or restore that had begun) and
// tells the renderer whether it happened, so the renderer can make its records agree.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { actionIntentSchema, type ActionIntent, type IntentApi, type PendingIntent, type StoredIntent } from '../../../shared/integrity/intents';
import { fsyncDir, writeFileAtomic } from '../fs/atomic';
import { hasErrorCode } from '../fs/errors';
import type { AuditLog } from '../integrity/audit';
import type { TrashStore } from '../integrity/trash';
import { assertId24, type VaultLayout } from '../vault/layout';

const storedSchema = z.intersection(actionIntentSchema, z.object({ id: z.string().regex(/^[0-9a-f]{24}$/), at: z.string().max(40) }));

export interface IntentOptions {
  layout: VaultLayout;
  audit: Pick<AuditLog, 'recordAll'>;
  trash: Pick<TrashStore, 'settleDelete' | 'settleRestore'>;
  now: () => Date;
  /** The vault's lock: settling moves originals, which must not race an import or a trash move. */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
}

export interface IntentStore {
  begin(intent: ActionIntent): Promise<{ id: string }>;
  finish(id: string): Promise<void>;
  pending(): Promise<PendingIntent[]>;
}

export function createIntentStore(opts: IntentOptions): IntentStore {
  const { layout } = opts;

  const read = async (id: string): Promise<StoredIntent | null> => {
    try {
      return storedSchema.parse(JSON.parse(await readFile(layout.intent(id), 'utf8')));
    } catch (err) {
      if (hasErrorCode(err, 'ENOENT')) return null;
      throw err;
    }
  };

  const remove = async (id: string): Promise<void> => {
    await rm(layout.intent(id), { force: true });
    await fsyncDir(layout.intentsDir);
  };

  const listIds = async (): Promise<string[]> => {
    try {
      const names = await readdir(layout.intentsDir);
      // Leftover temp files of a begin() cut short are not intents: nothing had started yet.
      for (const name of names.filter((n) => n.endsWith('.tmp'))) await rm(path.join(layout.intentsDir, name), { force: true });
      return names.filter((n) => /^[0-9a-f]{24}\.json$/.test(n)).map((n) => n.slice(0, 24)).sort();
    } catch (err) {
      if (hasErrorCode(err, 'ENOENT')) return [];
      throw err;
    }
  };

  const settle = async (intent: StoredIntent): Promise<boolean> => {
    switch (intent.kind) {
      case 'move':
      case 'import-case':
        // Nothing to settle in the vault: a move's records are redone whole; an import's originals are in.
        return true;
      case 'delete':
        return opts.trash.settleDelete(intent.evidenceId, intent.sha256);
      case 'restore':
        return opts.trash.settleRestore(intent.trashId);
    }
  };

  return {
    async begin(intent) {
      const id = randomBytes(12).toString('hex');
      const stored: StoredIntent = { ...intent, id, at: opts.now().toISOString() };
      await writeFileAtomic(layout.intent(id), `${JSON.stringify(stored)}\n`);
      return { id };
    },

    async finish(id) {
      const intent = await read(assertId24(id));
      if (intent === null) return;
      // Logged here, not by the renderer, so a crash between the records and the log cannot lose them.
      if (intent.kind === 'move') await opts.audit.recordAll(intent.audit, 'renderer');
      await remove(id);
    },

    pending: () =>
      opts.exclusive(async () => {
        const out: PendingIntent[] = [];
        for (const id of await listIds()) {
          const intent = await read(id).catch(() => null);
          // A damaged intent file cannot be acted on; it is removed so it does not come back each start.
          if (intent === null) {
            await remove(id);
            continue;
          }
          out.push({ intent, vaultDone: await settle(intent) });
        }
        return out;
      }),
  };
}

export function createIntentHandlers(store: IntentStore): IntentApi {
  return {
    'intent:begin': (req) => store.begin(req),
    'intent:finish': ({ id }) => store.finish(id),
    'intent:pending': () => store.pending(),
  };
}
