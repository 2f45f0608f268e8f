import { persistLanguage, savedLanguage, type Language } from '../i18n';
import { persistThemeChoice, savedThemeChoice, type ThemeChoice } from '../app/theme';
import type { Slice } from './types';

export type Route =
  | { name: 'cases' }
  | { name: 'case'; caseId: string }
  | { name: 'calendar' }
  | { name: 'search' }
  | { name: 'settings' }
  | { name: 'backup' }
  | { name: 'integrity'; tab: 'trash' | 'check' | 'verify' };

export interface UiSlice {
  route: Route;
  /** 'new' for the create form, a case id for the edit form, null when closed. */
  editing: 'new' | string | null;
  viewerId: string | null;
  language: Language;
  /** 跟随系统 / 浅色 / 深色, kept with the language in local storage. */
  themeChoice: ThemeChoice;
  navigate: (route: Route) => Promise<void>;
  setEditing: (editing: 'new' | string | null) => void;
  openViewer: (evidenceId: string | null) => void;
  setLanguage: (lang: Language) => void;
  setThemeChoice: (choice: ThemeChoice) => void;
}

export const uiSlice: Slice<UiSlice> = () => (set, get) => ({
  route: { name: 'cases' },
  editing: null,
  viewerId: null,
  language: savedLanguage(),
  themeChoice: savedThemeChoice(),

  async navigate(route) {
    set({ route, viewerId: null, evidence: [], events: [], caseLoaded: false });
    if (route.name === 'case') await get().refreshCase();
    else await get().loadCases();
  },
  setEditing: (editing) => set({ editing }),
  openViewer: (viewerId) => set({ viewerId }),
  setLanguage(language) {
    persistLanguage(language);
    set({ language });
  },
  setThemeChoice(themeChoice) {
    persistThemeChoice(themeChoice);
    set({ themeChoice });
  },
});
