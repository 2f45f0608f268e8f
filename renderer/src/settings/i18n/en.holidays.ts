import type { Mirror } from '../../i18n/mirror';
import type { zhHolidays } from './zh.holidays';

export const enHolidays = {
  title: 'Holiday data',
  intro: 'Working-day deadlines follow the State Council’s holiday and make-up day schedule. Years without data are estimated from weekends and fixed holidays, and their deadlines are marked provisional. Once a new year’s schedule is published, load it here to make them exact. Nothing is downloaded.',
  year: 'Year',
  source: 'Source',
  loadedAt: 'Loaded',
  bundled: 'Built-in data ({{source}})',
  fromFile: 'File {{file}} ({{count}} dates)',
  missing: 'No data yet: estimated from weekends and fixed holidays (provisional)',
  load: 'Load a holiday file',
  loadHint: 'A holiday-cn yearly JSON file (e.g. 2027.json) or an .ics holiday calendar; loaded years take precedence over the built-in data',
  error: 'Could not load: {{message}}',
  loaded: 'Loaded the holiday schedule for {{years}}',
  recomputed: '{{count}} provisional deadline(s) recalculated with the new data:',
  noneRecomputed: 'No provisional deadlines needed recalculating.',
  change: '{{label}}: {{before}} → {{after}}',
} satisfies Mirror<typeof zhHolidays>;
