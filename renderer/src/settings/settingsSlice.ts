// Settings the buyer edits on the 设置 screen. Deadline settings live in the renderer's database,
// next to the deadlines they shape; the login item lives in main, which owns the OS side of it.
import { withOffset, withoutOffset } from '../../../shared/deadlines/offsets';
import type { PresetId } from '../../../shared/deadlines/presets';
import { DEFAULT_DEADLINE_SETTINGS, withPresetLength, withoutPresetLength, type DeadlineSettings } from '../../../shared/deadlines/settings';
import type { ReminderSettings } from '../../../shared/reminders/contract';
import type { Slice } from '../store/types';

export interface SettingsSlice {
  deadlineSettings: DeadlineSettings;
  deadlineSettingsLoaded: boolean;
  /** null until main has answered. */
  loginSettings: ReminderSettings | null;
  /** The last failed save, shown on the settings screen. */
  settingsError: string | null;
  /** Loads once; every deadline computation awaits it so none uses defaults by accident. */
  ensureDeadlineSettings: () => Promise<DeadlineSettings>;
  setPresetLength: (id: PresetId, length: number) => Promise<void>;
  resetPresetLength: (id: PresetId) => Promise<void>;
  addDefaultOffset: (offsetMin: number) => Promise<void>;
  removeDefaultOffset: (offsetMin: number) => Promise<void>;
  resetDefaultOffsets: () => Promise<void>;
  loadLoginSettings: () => Promise<void>;
  setLaunchAtLogin: (enabled: boolean) => Promise<void>;
}

export const settingsSlice: Slice<SettingsSlice> = (deps) => (set, get) => {
  let loading: Promise<DeadlineSettings> | null = null;

  async function save(change: (s: DeadlineSettings) => DeadlineSettings): Promise<void> {
    const next = change(await get().ensureDeadlineSettings());
    try {
      await deps.settings.putDeadlineSettings(next);
      set({ deadlineSettings: next, settingsError: null });
    } catch (err) {
      set({ settingsError: err instanceof Error ? err.message : String(err) });
    }
  }

  return {
    deadlineSettings: DEFAULT_DEADLINE_SETTINGS,
    deadlineSettingsLoaded: false,
    loginSettings: null,
    settingsError: null,

    ensureDeadlineSettings() {
      if (get().deadlineSettingsLoaded) return Promise.resolve(get().deadlineSettings);
      loading ??= deps.settings.getDeadlineSettings().then((deadlineSettings) => {
        set({ deadlineSettings, deadlineSettingsLoaded: true });
        return deadlineSettings;
      });
      return loading;
    },

    setPresetLength: (id, length) => save((s) => ({ ...s, presetOverrides: withPresetLength(s.presetOverrides, id, length) })),
    resetPresetLength: (id) => save((s) => ({ ...s, presetOverrides: withoutPresetLength(s.presetOverrides, id) })),
    addDefaultOffset: (offsetMin) => save((s) => ({ ...s, defaultOffsetsMin: withOffset(s.defaultOffsetsMin, offsetMin) })),
    removeDefaultOffset: (offsetMin) => save((s) => ({ ...s, defaultOffsetsMin: withoutOffset(s.defaultOffsetsMin, offsetMin) })),
    resetDefaultOffsets: () => save((s) => ({ ...s, defaultOffsetsMin: [...DEFAULT_DEADLINE_SETTINGS.defaultOffsetsMin] })),

    async loadLoginSettings() {
      const res = await deps.api.reminderSettings({});
      if (res.ok) set({ loginSettings: res.value });
      else set({ settingsError: res.error.message });
    },

    async setLaunchAtLogin(enabled) {
      const res = await deps.api.reminderSettings({ launchAtLogin: enabled });
      // Main answers with what it stored, which stays off where the OS cannot honour it.
      if (res.ok) set({ loginSettings: res.value, settingsError: null });
      else set({ settingsError: res.error.message });
    },
  };
};
