// 设置 → 节假日数据 in main: a good file is kept in the data folder with its source and load time, a
// later file for the same year replaces it, a bad one is refused by name and line and changes nothing.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { vaultEntryRule } from '../../../shared/backup/archivePath';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HolidayFileError, createHolidayService } from '../../../electron/main/holidays/service';
import { holidaysSchemas } from '../../../shared/holidays/contract';

const NOW = new Date('2026-12-04T02:39:00Z');
let dir: string;

const year = (y: number, extra: object[] = []) =>
  JSON.stringify({ year: y, papers: [], days: [{ name: '元旦', date: `${y}-01-01`, isOffDay: true }, { name: '国庆节', date: `${y}-10-01`, isOffDay: true }, ...extra] }, null, 2);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-holidays-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('holiday service', () => {
  it('keeps a loaded year with its source and load time; a later file for the year replaces it', async () => {
    const service = createHolidayService({ vaultDir: dir, now: () => NOW });
    expect(await service.list()).toEqual({ loaded: [] });
    const first = await service.load('/somewhere/2027.json', year(2027));
    expect(first.years).toEqual([2027]);
    expect(first.state.loaded.map((y) => [y.year, y.source, y.loadedAt, y.days.length])).toEqual([[2027, '2027.json', NOW.toISOString(), 2]]);
    // Read back from disk by a new service (the next start).
    expect(await createHolidayService({ vaultDir: dir, now: () => NOW }).list()).toEqual(first.state);
    const second = await service.load('国务院2027.json', year(2027, [{ name: '春节', date: '2027-02-06', isOffDay: true }]));
    expect(second.state.loaded.map((y) => [y.year, y.source, y.days.length])).toEqual([[2027, '国务院2027.json', 3]]);
  });

  it('refuses a bad file by name and line, and keeps what was loaded', async () => {
    const service = createHolidayService({ vaultDir: dir, now: () => NOW });
    await service.load('2027.json', year(2027));
    const before = await readFile(path.join(dir, 'settings', 'holidays.json'), 'utf8');
    await expect(service.load('2028.json', year(2028, [{ name: '劳动节', date: '2027-05-01', isOffDay: true }]))).rejects.toThrow(HolidayFileError);
    await expect(service.load('2028.json', year(2028, [{ name: '劳动节', date: '2027-05-01', isOffDay: true }]))).rejects.toThrow(/^2028\.json: 第 \d+ 行: 2027-05-01 不属于 2028 年$/);
    expect(await readFile(path.join(dir, 'settings', 'holidays.json'), 'utf8')).toBe(before);
  });

  it('treats a damaged store as nothing loaded', async () => {
    await mkdir(path.join(dir, 'settings'));
    await writeFile(path.join(dir, 'settings', 'holidays.json'), '{"loaded": [{"year": "x"}]}');
    expect(await createHolidayService({ vaultDir: dir, now: () => NOW }).list()).toEqual({ loaded: [] });
  });

  it('is carried by a backup', () => {
    expect(vaultEntryRule('settings/holidays.json')).toBe('keep');
  });

  it('validates requests at the IPC edge', () => {
    expect(holidaysSchemas['holidays:load'].safeParse({ fileName: '2027.json', text: '{}' }).success).toBe(true);
    expect(holidaysSchemas['holidays:load'].safeParse({ fileName: '', text: '{}' }).success).toBe(false);
    expect(holidaysSchemas['holidays:load'].safeParse({ fileName: 'a.json', text: '{}', path: '/etc/passwd' }).success).toBe(false);
  });
});
