import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { BackupState, BackupStore } from './store';

export const BackupContext = createContext<BackupStore | null>(null);

export function useBackup<T>(selector: (state: BackupState) => T): T {
  const store = useContext(BackupContext);
  if (!store) throw new Error('useBackup outside BackupContext');
  return useStore(store, selector);
}
