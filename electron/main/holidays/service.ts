// The holiday years the buyer loaded (设置 → 节假日数据), kept in <vault>/settings/holidays.json (so a
// backup carries them) and rewritten atomically. A later file for the same year replaces it.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { HolidayLoadReply, HolidayState } from '../../../shared/holidays/contract';
import { holidayStateSchema } from '../../../shared/holidays/contract';
import { parseHolidayFile } from '../../../shared/holidays/parse';
import { writeFileAtomic } from '../fs/atomic';
import { readJson } from '../ocr/store';
import { vaultLayout } from '../vault/layout';

/** A holiday file that cannot be used; the message names the file and line, for the buyer. */
export class HolidayFileError extends Error {}

export interface HolidayService {
  list(): Promise<HolidayState>;
  load(fileName: string, text: string): Promise<HolidayLoadReply>;
}

export function createHolidayService(opts: { vaultDir: string; now: () => Date }): HolidayService {
  const file = vaultLayout(opts.vaultDir).holidays;

  const list = async (): Promise<HolidayState> => {
    // A torn or hand-edited file counts as none loaded: the bundled data and the provisional rule stand.
    const parsed = holidayStateSchema.safeParse(await readJson(file));
    return parsed.success ? parsed.data : { loaded: [] };
  };

  return {
    list,
    async load(fileName, text) {
      const name = path.basename(fileName);
      const parsed = parseHolidayFile(name, text);
      if (!parsed.ok) throw new HolidayFileError(parsed.error);
      const loadedAt = opts.now().toISOString();
      const years = parsed.years.map((y) => y.year);
      const kept = (await list()).loaded.filter((y) => !years.includes(y.year));
      const state: HolidayState = { loaded: [...kept, ...parsed.years.map((y) => ({ ...y, source: name, loadedAt }))].sort((a, b) => a.year - b.year) };
      await mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, `${JSON.stringify(state)}\n`);
      return { state, years };
    },
  };
}
