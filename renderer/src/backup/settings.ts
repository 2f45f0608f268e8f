// Settings that travel with a backup: the renderer's own local-storage keys and the reminder options.
import type { BackupSettings } from '../../../shared/backup/snapshot';
import type { LiuZhengApi } from '../../../shared/ipc/api';

const PREFIX = 'liuzheng.';
const KEY = /^liuzheng\.[A-Za-z0-9._-]{1,100}$/;

export async function collectSettings(api: LiuZhengApi, storage: Storage = localStorage): Promise<BackupSettings> {
  const local: Record<string, string> = {};
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    const value = key === null ? null : storage.getItem(key);
    if (key !== null && value !== null && KEY.test(key)) local[key] = value;
  }
  const res = await api.reminderSettings({});
  return { local, reminders: res.ok ? { launchAtLogin: res.value.launchAtLogin } : null };
}

/** Written before the restart, so the restored app starts in the backup's language. */
export async function applySettings(api: LiuZhengApi, settings: BackupSettings, storage: Storage = localStorage): Promise<void> {
  for (let i = storage.length - 1; i >= 0; i--) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) storage.removeItem(key);
  }
  for (const [key, value] of Object.entries(settings.local)) storage.setItem(key, value);
  // Launch at login is a machine setting too; where the OS refuses it, the restore goes on without it.
  if (settings.reminders) await api.reminderSettings({ launchAtLogin: settings.reminders.launchAtLogin });
}
