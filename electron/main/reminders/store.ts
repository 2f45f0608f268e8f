// The reminder schedule on disk: one small JSON file, replaced atomically (temp → fsync → rename) so
// a crash or power cut leaves either the old schedule or the new one, never half of each.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { reminderActionSchema, reminderDeadlineSchema } from '../../../shared/ipc/remindersContract';

export const REMINDERS_FILE = 'reminders.json';

export const remindersFileSchema = z
  .object({
    version: z.literal(1),
    deadlines: z.array(reminderDeadlineSchema),
    shown: z.array(z.string().max(200)),
    actions: z.array(reminderActionSchema),
    settings: z.object({ launchAtLogin: z.boolean() }).strict(),
  })
  .strict();

export type RemindersFile = z.infer<typeof remindersFileSchema>;

export const emptyRemindersFile = (): RemindersFile => ({
  version: 1,
  deadlines: [],
  shown: [],
  actions: [],
  settings: { launchAtLogin: false },
});

export interface LoadedFile {
  data: RemindersFile;
  /** Where an unreadable file was moved, so a support request can still recover it. */
  quarantined: string | null;
}

function errorCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null || !('code' in err)) return null;
  return typeof err.code === 'string' ? err.code : null;
}

const isTempName = (name: string) => name.startsWith(`${REMINDERS_FILE}.`) && name.endsWith('.tmp');

export async function loadRemindersFile(dataDir: string, now: number): Promise<LoadedFile> {
  const file = path.join(dataDir, REMINDERS_FILE);
  await mkdir(dataDir, { recursive: true });
  // A temp file left behind means a write was cut short; the rename never happened, so it is garbage.
  for (const name of await readdir(dataDir)) {
    if (isTempName(name)) await rm(path.join(dataDir, name), { force: true });
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return { data: emptyRemindersFile(), quarantined: null };
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = remindersFileSchema.safeParse(parsed);
  if (result.success) return { data: result.data, quarantined: null };
  // Starting empty beats refusing to start: the renderer re-sends every deadline on its next sync.
  // At worst each deadline shows one "missed" reminder again, because the shown keys went with the file.
  const aside = `${file}.corrupt-${now}`;
  await rename(file, aside);
  return { data: emptyRemindersFile(), quarantined: aside };
}

/** Makes a rename durable. Windows cannot open a directory for fsync, which is fine there. */
async function fsyncDir(dir: string): Promise<void> {
  let fh: FileHandle;
  try {
    fh = await open(dir, 'r');
  } catch (err) {
    if (['EISDIR', 'EPERM', 'EACCES'].includes(errorCode(err) ?? '')) return;
    throw err;
  }
  try {
    await fh.sync();
  } catch (err) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF', 'ENOTSUP'].includes(errorCode(err) ?? '')) throw err;
  } finally {
    await fh.close();
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Windows briefly locks a file that an antivirus or indexer is reading; a rename then fails with EPERM. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (err) {
      if (attempt >= 4 || !['EPERM', 'EACCES', 'EBUSY'].includes(errorCode(err) ?? '')) throw err;
      await sleep(20 * 2 ** attempt);
    }
  }
}

/** Replaces `file` with `text` atomically. Also used for the user's exported .ics. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await renameWithRetry(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(dir);
}

export function saveRemindersFile(dataDir: string, data: RemindersFile): Promise<void> {
  return writeFileAtomic(path.join(dataDir, REMINDERS_FILE), `${JSON.stringify(data, null, 1)}\n`);
}
