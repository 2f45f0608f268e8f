// The sections of the 设置 screen, in order. A feature adds its section with one line here; each
// section is its own component and reads what it needs from the store.
import type { ComponentType } from 'react';
import { HolidaySettings } from './HolidaySettings';
import { LanguageSettings } from './LanguageSettings';
import { PresetSettings } from '../deadlines/PresetSettings';
import { ReminderSettings } from '../deadlines/ReminderSettings';
import { OcrRereadSettings } from '../ocr-review/OcrRereadSettings';
import { StartupSettings } from './StartupSettings';
import { ThemeSettings } from './ThemeSettings';

export interface SettingsSectionDef {
  /** Anchor id and test id suffix. */
  id: string;
  /** i18n key of the section title (also the side-nav entry). */
  titleKey: string;
  Component: ComponentType;
}

export const SETTINGS_SECTIONS: readonly SettingsSectionDef[] = [
  { id: 'presets', titleKey: 'deadlineSettings.sections.presets', Component: PresetSettings },
  { id: 'reminders', titleKey: 'deadlineSettings.sections.reminders', Component: ReminderSettings },
  { id: 'holidays', titleKey: 'holidays.title', Component: HolidaySettings },
  { id: 'startup', titleKey: 'deadlineSettings.sections.startup', Component: StartupSettings },
  { id: 'language', titleKey: 'deadlineSettings.sections.language', Component: LanguageSettings },
  { id: 'theme', titleKey: 'ux.theme.section', Component: ThemeSettings },
  { id: 'ocr', titleKey: 'deadlineSettings.sections.ocr', Component: OcrRereadSettings },
];
