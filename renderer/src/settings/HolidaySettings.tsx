// 设置 → 节假日数据 (issue 12): which years the working-day calendar knows, where each came from and
// when it was loaded; the buyer loads the official schedule for a new year from a file. Nothing is
// fetched: the file is read here and checked by main.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { officialYears } from '../../../shared/deadlines/calendar';
import { BUNDLED_HOLIDAY_SOURCE } from '../../../shared/holidays/contract';
import { formatLocal, toShanghaiLocal } from '../../../shared/time/shanghai';
import type { HolidayLoadResult } from './holidaysSlice';
import { useApp } from '../app/StoreContext';
import '../evidence/times.css';

export function HolidaySettings() {
  const { t } = useTranslation();
  const state = useApp((s) => s.holidays);
  const loadFile = useApp((s) => s.loadHolidayFile);
  const now = useApp((s) => s.now);
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<HolidayLoadResult | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setError(null), [state]);

  const bundled = officialYears();
  const loaded = state?.loaded ?? [];
  const loadedYears = new Set(loaded.map((y) => y.year));
  const first = bundled[0];
  const last = bundled[bundled.length - 1] ?? 0;
  // This year and next: any of them without data is counted provisionally.
  const thisYear = Number(toShanghaiLocal(now).slice(0, 4));
  const missing = [thisYear, thisYear + 1].filter((y) => y > last && !loadedYears.has(y));

  const onFile = async (file: File) => {
    setBusy(true);
    setError(null);
    setDone(null);
    const res = await loadFile(file.name, await file.text());
    setBusy(false);
    if (res.ok) setDone(res.value);
    else setError(res.error);
    if (input.current) input.current.value = '';
  };

  return (
    <div className="holiday-settings" data-testid="holiday-settings">
      <p className="muted small">{t('holidays.intro')}</p>
      <table className="holiday-years" data-testid="holiday-years">
        <thead>
          <tr>
            <th scope="col">{t('holidays.year')}</th>
            <th scope="col">{t('holidays.source')}</th>
            <th scope="col">{t('holidays.loadedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {first !== undefined && (
            <tr data-testid="holiday-year-bundled">
              <td>{first === last ? first : `${first}–${last}`}</td>
              <td>{t('holidays.bundled', { source: BUNDLED_HOLIDAY_SOURCE })}</td>
              <td className="muted">—</td>
            </tr>
          )}
          {loaded.map((y) => (
            <tr key={y.year} data-testid="holiday-year-loaded" data-year={y.year}>
              <td>{y.year}</td>
              <td>{t('holidays.fromFile', { file: y.source, count: y.days.length })}</td>
              <td>{formatLocal(toShanghaiLocal(new Date(y.loadedAt)))}</td>
            </tr>
          ))}
          {missing.map((y) => (
            <tr key={y} className="provisional" data-testid="holiday-year-missing" data-year={y}>
              <td>{y}</td>
              <td colSpan={2}>{t('holidays.missing')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="setting-line">
        <label className="setting-label" htmlFor="holiday-file">
          {t('holidays.load')}
        </label>
        <div className="setting-control">
          <span className="muted small">{t('holidays.loadHint')}</span>
        </div>
        <input
          ref={input}
          id="holiday-file"
          type="file"
          accept=".json,.ics,application/json,text/calendar"
          disabled={busy}
          data-testid="holiday-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void onFile(file);
          }}
        />
      </div>
      {error && (
        <p className="error" role="alert" data-testid="holiday-error">
          {t('holidays.error', { message: error })}
        </p>
      )}
      {done && (
        <div className="notice" role="status" data-testid="holiday-done">
          <p>{t('holidays.loaded', { years: done.years.join('、') })}</p>
          <p>{done.recomputed.length === 0 ? t('holidays.noneRecomputed') : t('holidays.recomputed', { count: done.recomputed.length })}</p>
          <ul>
            {done.recomputed.map((r) => (
              <li key={r.id} data-testid="holiday-recomputed">
                {t('holidays.change', { label: r.label, before: formatLocal(r.before), after: formatLocal(r.due) })}
                {r.provisional ? ` · ${t('deadlines.provisional')}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
