import { useEffect, useRef } from 'react';
import { commandForKey, type Command } from '../../../shared/shortcuts/keymap';
import { isMac } from '../common/format';
import type { AppStore } from '../store';

/** A menu command this soon after the same key was handled is that key's echo (macOS key equivalents). */
const ECHO_MS = 400;

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/** Runs one command; a command that does not fit the screen (export with no case open) does nothing. */
export function runCommand(store: AppStore, command: Command): void {
  const s = store.getState();
  const caseId = s.route.name === 'case' ? s.route.caseId : null;
  const ids = s.evidence.map((e) => e.id);
  const at = s.viewerId ? ids.indexOf(s.viewerId) : -1;
  switch (command) {
    case 'new-case':
      s.setEditing('new');
      return;
    case 'search':
      if (s.route.name === 'search') document.querySelector<HTMLInputElement>('[data-testid="search-input"]')?.focus();
      else void s.navigate({ name: 'search' });
      return;
    case 'settings':
      void s.navigate({ name: 'settings' });
      return;
    case 'export':
      if (caseId) s.setExportOpen(true);
      return;
    case 'import':
      if (caseId && !s.importing) void s.importInto(caseId, { via: 'files' });
      return;
    case 'help':
      s.setShortcutsOpen(true);
      return;
    case 'viewer-prev':
      if (at > 0) s.openViewer(ids[at - 1] ?? null);
      return;
    case 'viewer-next':
      if (at >= 0 && at < ids.length - 1) s.openViewer(ids[at + 1] ?? null);
      return;
    case 'viewer-trash':
      if (s.viewerId) void s.trashWithUndo(s.viewerId);
      return;
  }
}

/** The app's keyboard shortcuts and the menu's commands, one dispatcher for both. */
export function useShortcuts(store: AppStore): void {
  const last = useRef<{ command: Command; at: number } | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const s = store.getState();
      const dialogs = document.querySelectorAll('[aria-modal="true"]').length;
      const viewerOpen = s.viewerId !== null && dialogs === 1;
      const command = commandForKey(e, { mac: isMac, typing: isTyping(e.target), viewerOpen, dialogOpen: dialogs > 0 && !viewerOpen });
      if (!command) return;
      e.preventDefault();
      last.current = { command, at: performance.now() };
      runCommand(store, command);
    };
    const offMenu = window.liuzheng.onMenuCommand(({ command }) => {
      const prev = last.current;
      if (prev && prev.command === command && performance.now() - prev.at < ECHO_MS) return;
      // A menu click while a dialog is open waits, like the key would.
      if (document.querySelector('[aria-modal="true"]') && command !== 'help') return;
      runCommand(store, command);
    });
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      offMenu();
    };
  }, [store]);
}
