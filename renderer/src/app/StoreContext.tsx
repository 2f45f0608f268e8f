import { createContext, useContext } from 'react';
import type { AppState, AppStore } from '../store';

export const StoreContext = createContext<AppStore | null>(null);

export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside StoreContext');
  return store(selector);
}
