// IPC contract for offline reminders. Deadlines live in the renderer's database; main keeps a mirror
// of the open ones so it can remind while the window is closed. The renderer pushes the whole list
// (reminders:sync) whenever it changes, and main pushes back what happened while it was alone.
import { z } from 'zod';
import type { DueReminder } from '../deadlines/reminders';

/** The snooze that a notification's "稍后提醒" button applies. */
export const NOTIFICATION_SNOOZE_MIN = 60;
/** A snooze longer than a week is a reschedule, not a snooze. */
export const MAX_SNOOZE_MIN = 7 * 24 * 60;
export const MAX_SYNCED_DEADLINES = 10_000;
export const MAX_OFFSETS = 8;
/** A year of minutes either side of the deadline; past that an offset is a typo. */
export const MAX_OFFSET_MIN = 366 * 24 * 60;

/** One open deadline as the renderer stores it, plus the case title that notifications show. */
export interface ReminderDeadlineInput {
  id: string;
  caseId: string;
  caseTitle: string;
  label: string;
  /** Epoch ms. */
  dueAt: number;
  /** Minutes before dueAt; negative means after it. */
  offsetsMin: number[];
  done: boolean;
  snoozedUntil?: number | null;
  /** Epoch ms; offsets already past at creation are never shown. */
  createdAt?: number;
}

export interface SyncRequest {
  deadlines: ReminderDeadlineInput[];
}

export interface SnoozeRequest {
  id: string;
  minutes: number;
}

export interface DeadlineRef {
  id: string;
}

export interface ExportIcsRequest {
  /** Omitted: every open deadline of every case. */
  caseId?: string;
}

export type ExportIcsResult =
  | { saved: true; path: string; count: number }
  /** 'empty': nothing to export, so no dialog was shown. */
  | { saved: false; reason: 'cancelled' | 'empty' };

export interface ReminderSettings {
  launchAtLogin: boolean;
  /** False where the OS or an unpackaged build cannot register a login item (Linux, dev). */
  launchAtLoginSupported: boolean;
}

export interface SettingsRequest {
  /** Omitted: just read the settings. */
  launchAtLogin?: boolean;
}

/** A reminder that main showed, with what the renderer needs to display it too. */
export interface FiredReminder extends Omit<DueReminder, 'coveredKeys'> {
  caseId: string;
  caseTitle: string;
  label: string;
  /** Epoch ms when main showed it. */
  shownAt: number;
}

/**
 * A snooze or done that main applied (from a notification button or a reminders:snooze/done call).
 * It stays in effect, and in ReminderState.pendingActions, until a sync shows the renderer has it.
 */
export type ReminderAction =
  | { action: 'snooze'; id: string; dueAt: number; at: number; snoozedUntil: number }
  | { action: 'done'; id: string; dueAt: number; at: number };

export interface ReminderState {
  /** Deadlines main mirrors that are not done. */
  openCount: number;
  /** Epoch ms of the next reminder, or null when nothing is pending. */
  nextWakeAt: number | null;
  /** When the one timer goes off: nextWakeAt, capped a day ahead. */
  timerAt: number | null;
  shownKeys: string[];
  /** Epoch ms of the last start or wake from sleep. */
  lastResumeAt: number | null;
  /** Reminders that were due while the app was closed or asleep, shown by that last resume. */
  missed: FiredReminder[];
  pendingActions: ReminderAction[];
  settings: ReminderSettings;
}

export type RemindersApi = {
  'reminders:sync': (req: SyncRequest) => Promise<ReminderState>;
  'reminders:snooze': (req: SnoozeRequest) => Promise<ReminderAction>;
  'reminders:done': (req: DeadlineRef) => Promise<ReminderAction>;
  'reminders:state': (req: Record<string, never>) => Promise<ReminderState>;
  'reminders:exportIcs': (req: ExportIcsRequest) => Promise<ExportIcsResult>;
  'reminders:settings': (req: SettingsRequest) => Promise<ReminderSettings>;
};

export interface RemindersFired {
  reminders: FiredReminder[];
}

/** Main → renderer pushes. */
export type RemindersEvents = {
  'reminders:fired': RemindersFired;
  /** The user clicked snooze or done on a notification: the renderer writes it to its database. */
  'reminders:action': ReminderAction;
};

/** Renderer method names, for spreading into API_METHODS / API_EVENTS. */
export const REMINDERS_API_METHODS = {
  syncReminders: 'reminders:sync',
  snoozeDeadline: 'reminders:snooze',
  markDeadlineDone: 'reminders:done',
  reminderState: 'reminders:state',
  exportIcs: 'reminders:exportIcs',
  reminderSettings: 'reminders:settings',
} as const satisfies Record<string, keyof RemindersApi>;

export const REMINDERS_API_EVENTS = {
  onRemindersFired: 'reminders:fired',
  onReminderAction: 'reminders:action',
} as const satisfies Record<string, keyof RemindersEvents>;

// Same token rule as the vault's ids: crypto.randomUUID() fits, a path or a '|' (the key separator) does not.
const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'ids are url-safe tokens');
/** Up to the end of 2199, the deadline domain's last supported year. */
const epochMs = z.number().int().min(0).max(Date.UTC(2200, 0, 1));
const text = z.string().max(500);

export const reminderDeadlineSchema = z
  .object({
    id,
    caseId: id,
    caseTitle: text,
    label: text.min(1),
    dueAt: epochMs,
    offsetsMin: z.array(z.number().int().min(-MAX_OFFSET_MIN).max(MAX_OFFSET_MIN)).max(MAX_OFFSETS),
    done: z.boolean(),
    snoozedUntil: epochMs.nullable().optional(),
    createdAt: epochMs.optional(),
  })
  .strict();

export const reminderActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('snooze'), id, dueAt: epochMs, at: epochMs, snoozedUntil: epochMs }).strict(),
  z.object({ action: z.literal('done'), id, dueAt: epochMs, at: epochMs }).strict(),
]);

export const remindersSchemas = {
  'reminders:sync': z
    .object({ deadlines: z.array(reminderDeadlineSchema).max(MAX_SYNCED_DEADLINES) })
    .strict()
    .refine((req) => new Set(req.deadlines.map((d) => d.id)).size === req.deadlines.length, 'deadline ids must be unique'),
  'reminders:snooze': z.object({ id, minutes: z.number().int().min(1).max(MAX_SNOOZE_MIN) }).strict(),
  'reminders:done': z.object({ id }).strict(),
  'reminders:state': z.object({}).strict(),
  'reminders:exportIcs': z.object({ caseId: id.optional() }).strict(),
  'reminders:settings': z.object({ launchAtLogin: z.boolean().optional() }).strict(),
} satisfies { [C in keyof RemindersApi]: z.ZodType<Parameters<RemindersApi[C]>[0]> };
