// 设置 → 节假日数据 (issue 12): the holiday years the buyer loaded from files, installed into the
// shared calendar at start and after each load; provisional deadlines are then counted again.
import { installHolidayYears } from '../../../shared/deadlines/calendar';
import { recomputeProvisional, type Recomputed } from '../../../shared/deadlines/recompute';
import { holidayStateSchema, type HolidayState } from '../../../shared/holidays/contract';
import type { Slice } from '../store/types';

export interface HolidayLoadResult {
  years: number[];
  recomputed: Recomputed[];
}

export interface HolidaysSlice {
  holidays: HolidayState | null;
  loadHolidays: () => Promise<void>;
  /** Loads a holiday file's text; resolves to what changed, or an error naming the file and line. */
  loadHolidayFile: (fileName: string, text: string) => Promise<{ ok: true; value: HolidayLoadResult } | { ok: false; error: string }>;
}

export const holidaysSlice: Slice<HolidaysSlice> = (deps) => (set, get) => {
  const install = (state: HolidayState) => {
    installHolidayYears(state.loaded);
    set({ holidays: state });
  };

  /** Counts provisional deadlines again with the calendar as it now is, and stores the new dates. */
  const recompute = async (): Promise<Recomputed[]> => {
    const { presetOverrides } = await get().ensureDeadlineSettings();
    const changed = recomputeProvisional(await deps.deadlines.listAll(), presetOverrides);
    for (const r of changed) await deps.deadlines.update(r.id, { due: r.due, dueAt: r.dueAt, provisional: r.provisional });
    if (changed.length > 0) await get().loadDeadlines();
    return changed;
  };

  return {
    holidays: null,

    async loadHolidays() {
      const res = await deps.api.listHolidays({});
      const parsed = res.ok ? holidayStateSchema.safeParse(res.value) : null;
      if (!parsed?.success) return;
      install(parsed.data);
      // Deadlines counted before a file was loaded on this machine (or restored) catch up.
      if (parsed.data.loaded.length > 0) await recompute();
    },

    async loadHolidayFile(fileName, text) {
      const res = await deps.api.loadHolidays({ fileName, text });
      if (!res.ok) return { ok: false, error: res.error.message };
      const parsed = holidayStateSchema.safeParse(res.value.state);
      if (!parsed.success) return { ok: false, error: fileName };
      install(parsed.data);
      return { ok: true, value: { years: res.value.years, recomputed: await recompute() } };
    },
  };
};
