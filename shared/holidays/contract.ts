// IPC contract for 设置 → 节假日数据 (issue 12). The renderer sends the text of a file the buyer chose
// (an <input type="file">: no path crosses IPC); main validates it, keeps the years it holds in the
// data folder, and lists them. Nothing is fetched.
import { z } from 'zod';
import type { HolidayYear } from './parse';
import { MAX_HOLIDAY_FILE_CHARS } from './parse';

/** The bundled dataset and its version, shown beside the years it covers. */
export const BUNDLED_HOLIDAY_SOURCE = 'chinese-days 1.5.7';

export interface LoadedHolidayYear extends HolidayYear {
  /** The file's name as the buyer chose it. */
  source: string;
  /** ISO instant it was loaded. */
  loadedAt: string;
}

export interface HolidayState {
  loaded: LoadedHolidayYear[];
}

export interface HolidayLoadRequest {
  fileName: string;
  text: string;
}

export interface HolidayLoadReply {
  state: HolidayState;
  /** The years this file added or replaced. */
  years: number[];
}

export type HolidaysApi = {
  'holidays:list': (req: Record<string, never>) => Promise<HolidayState>;
  /** Validates and keeps a holiday file; a bad one is refused with a message naming its line. */
  'holidays:load': (req: HolidayLoadRequest) => Promise<HolidayLoadReply>;
};

export const HOLIDAYS_API_METHODS = {
  listHolidays: 'holidays:list',
  loadHolidays: 'holidays:load',
} as const satisfies Record<string, keyof HolidaysApi>;

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const holidayStateSchema = z
  .object({
    loaded: z
      .array(
        z
          .object({
            year: z.number().int().min(2000).max(2099),
            days: z.array(z.object({ date: ymd, name: z.string().max(40), off: z.boolean() }).strict()).max(2000),
            source: z.string().max(1024),
            loadedAt: z.string().max(64),
          })
          .strict(),
      )
      .max(100),
  })
  .strict() satisfies z.ZodType<HolidayState>;

export const holidaysSchemas = {
  'holidays:list': z.object({}).strict(),
  'holidays:load': z.object({ fileName: z.string().min(1).max(1024), text: z.string().max(MAX_HOLIDAY_FILE_CHARS + 1) }).strict(),
} satisfies { [C in keyof HolidaysApi]: z.ZodType<Parameters<HolidaysApi[C]>[0]> };
