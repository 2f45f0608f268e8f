// Maps each reminders:* channel to the service. The save dialog and the OS login item come in as
// ports, so these exact handlers run in tests and in the e2e bridge without Electron.
import { buildIcs } from '../../../shared/deadlines/ics';
import type { RemindersApi } from '../../../shared/reminders/contract';
import type { ReminderService } from './service';
import { writeFileAtomic } from '../fs/atomic';
import { icsEvents, icsFileName } from './text';

export interface ReminderPorts {
  /** A save dialog offering `defaultName`; resolves to the chosen path, or null when cancelled. */
  chooseIcsPath(defaultName: string): Promise<string | null>;
  /** Registers or removes the OS login item. Only called when the service reports it supported. */
  applyLaunchAtLogin(enabled: boolean): void;
  now(): number;
}

export function createReminderHandlers(service: ReminderService, ports: ReminderPorts): RemindersApi {
  return {
    'reminders:sync': ({ deadlines }) => service.sync(deadlines),
    'reminders:snooze': ({ id, minutes }) => service.snooze(id, minutes),
    'reminders:done': ({ id }) => service.done(id),
    'reminders:state': () => service.state(),
    'reminders:exportIcs': async ({ caseId }) => {
      const deadlines = await service.openDeadlines(caseId);
      if (deadlines.length === 0) return { saved: false, reason: 'empty' };
      const now = ports.now();
      const caseTitle = caseId === undefined ? null : (deadlines[0]?.caseTitle ?? null);
      const path = await ports.chooseIcsPath(icsFileName(caseTitle, now));
      if (path === null) return { saved: false, reason: 'cancelled' };
      const calendarName = caseTitle === null ? '留证 期限' : `留证 期限：${caseTitle}`;
      await writeFileAtomic(path, buildIcs(icsEvents(deadlines), { stampAt: now, calendarName }));
      return { saved: true, path, count: deadlines.length };
    },
    'reminders:settings': async ({ launchAtLogin }) => {
      const current = await service.settings();
      if (launchAtLogin === undefined) return current;
      // Where the OS cannot do it, the toggle stays off instead of storing a promise nobody keeps.
      if (!current.launchAtLoginSupported) return current;
      // Applied even when unchanged: the user may have removed the login item in the OS's own settings.
      // OS first, so that if registering throws the stored setting still tells the truth.
      ports.applyLaunchAtLogin(launchAtLogin);
      return service.setLaunchAtLogin(launchAtLogin);
    },
  };
}
