// Public API of the deadline domain: calendar, presets, due dates, workflow, reminders, ICS.
export {
  DeadlineInputError,
  MAX_YEAR,
  MIN_YEAR,
  SHANGHAI_OFFSET_MS,
  addDays,
  epochMsToLocal,
  formatEpochAsLocal,
  formatLocalDateTime,
  localToEpochMs,
  parseLocalDateTime,
  parseYmd,
  weekdayOf,
  type LocalDateTime,
  type ParseResult,
  type Ymd,
} from './localtime';
export { dayInfo, hasOfficialData, installHolidayYears, isWorkingDay, officialYears, type DayInfo } from './calendar';
export {
  DEADLINE_PRESETS,
  DEADLINE_UNITS,
  PRESET_IDS,
  checkRule,
  findPreset,
  getPreset,
  isPresetId,
  maxLengthOf,
  resolvePreset,
  type DeadlinePreset,
  type DeadlineRule,
  type DeadlineUnit,
  type PresetBasis,
  type PresetId,
  type PresetOverrides,
} from './presets';
export { computeCustomDue, computeDue, type CustomDeadline, type DueResult } from './due';
export {
  CASE_EVENTS,
  allowedTransitions,
  canTransition,
  planTransition,
  proposeDeadlines,
  proposedPresets,
  sevenDayReturnWarning,
  type CaseEvent,
  type ComputedProposal,
  type DeadlineProposal,
  type DeadlineTrigger,
  type SevenDayReturnWarning,
  type TransitionPlan,
} from './workflow';
export {
  DEFAULT_OFFSETS_MIN,
  MISSED_AFTER_MS,
  planReminders,
  pruneShownKeys,
  reminderKey,
  snoozeKey,
  type DueReminder,
  type ReminderDeadline,
  type ReminderPlan,
} from './reminders';
export { buildIcs, escapeText, foldLine, formatTrigger, formatUtc, type IcsEvent, type IcsOptions } from './ics';
