// The colour theme: the buyer's choice (跟随系统 / 浅色 / 深色), kept with the other UI preferences in
// localStorage (so a backup carries it and the first paint already has it), resolved against the OS's
// prefers-color-scheme and written to <html data-theme>, which every CSS variable follows.
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'liuzheng.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function parseThemeChoice(value: string | null | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

export function savedThemeChoice(): ThemeChoice {
  return parseThemeChoice(globalThis.localStorage?.getItem(STORAGE_KEY));
}

function systemPrefersDark(): boolean {
  return globalThis.matchMedia?.(DARK_QUERY).matches ?? false;
}

export function applyTheme(choice: ThemeChoice): Theme {
  const theme = resolveTheme(choice, systemPrefersDark());
  document.documentElement.dataset['theme'] = theme;
  return theme;
}

export function persistThemeChoice(choice: ThemeChoice): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, choice);
  applyTheme(choice);
}

/** Applies the saved choice now and again whenever the OS switches, while the choice is 跟随系统. */
export function initTheme(): () => void {
  applyTheme(savedThemeChoice());
  const media = globalThis.matchMedia?.(DARK_QUERY);
  if (!media) return () => undefined;
  const onChange = () => applyTheme(savedThemeChoice());
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}
