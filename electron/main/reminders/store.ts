// The reminder schedule on disk: one small JSON file, replaced atomically (temp → fsync → rename) so
// a crash or power cut leaves either the old schedule or the new one, never half of each.
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { reminderActionSchema, reminderDeadlineSchema } from '../../../shared/reminders/contract';
import { writeFileAtomic } from '../fs/atomic';
import { errorCode } from '../fs/errors';

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

export function saveRemindersFile(dataDir: string, data: RemindersFile): Promise<void> {
  return writeFileAtomic(path.join(dataDir, REMINDERS_FILE), `${JSON.stringify(data, null, 1)}\n`);
}
