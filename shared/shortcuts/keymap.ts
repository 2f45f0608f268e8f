// Keyboard shortcuts as data: which key does what, for the renderer's key handler, the Electron menu's
// accelerators and the 快捷键 dialog alike, so the three can never disagree.

/** Commands that work anywhere (and arrive from the menu too). */
export const APP_COMMANDS = ['new-case', 'search', 'export', 'settings', 'import', 'help'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export const VIEWER_COMMANDS = ['viewer-prev', 'viewer-next', 'viewer-trash'] as const;
export type ViewerCommand = (typeof VIEWER_COMMANDS)[number];

export type Command = AppCommand | ViewerCommand;

export function isAppCommand(value: string): value is AppCommand {
  return (APP_COMMANDS as readonly string[]).includes(value);
}

/** The modifier+key shortcuts, with Electron's accelerator syntax for the menu. */
export const MOD_SHORTCUTS: readonly { command: Exclude<AppCommand, 'help'>; key: string; accelerator: string }[] = [
  { command: 'new-case', key: 'n', accelerator: 'CmdOrCtrl+N' },
  { command: 'search', key: 'f', accelerator: 'CmdOrCtrl+F' },
  { command: 'export', key: 'e', accelerator: 'CmdOrCtrl+E' },
  { command: 'settings', key: ',', accelerator: 'CmdOrCtrl+,' },
  { command: 'import', key: 'i', accelerator: 'CmdOrCtrl+I' },
];

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface KeyContext {
  /** macOS uses Cmd where the others use Ctrl. */
  mac: boolean;
  /** Focus is in a text field or a select, which keeps its own keys (arrows, Delete, ?). */
  typing: boolean;
  /** The evidence viewer is open and on top. */
  viewerOpen: boolean;
  /** Some other dialog is open: the app-wide shortcuts wait until it closes. */
  dialogOpen: boolean;
}

/** The command a key press means here, or null to leave the key to the page. */
export function commandForKey(e: KeyInput, ctx: KeyContext): Command | null {
  if (e.altKey) return null;
  const mod = ctx.mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod) {
    if (e.shiftKey || ctx.dialogOpen || ctx.viewerOpen) return null;
    return MOD_SHORTCUTS.find((s) => s.key === key)?.command ?? null;
  }
  if (e.ctrlKey || e.metaKey || ctx.typing) return null;
  if (ctx.viewerOpen) {
    if (key === 'ArrowLeft') return 'viewer-prev';
    if (key === 'ArrowRight') return 'viewer-next';
    // The Mac's "delete" key reports Backspace.
    if (key === 'Delete' || (ctx.mac && key === 'Backspace')) return 'viewer-trash';
    return null;
  }
  if (key === '?' && !ctx.dialogOpen) return 'help';
  return null;
}

/** The key label shown in menus' dialog and the help, e.g. "Ctrl+N" or "⌘N". */
export function shortcutLabel(command: AppCommand, mac: boolean): string {
  if (command === 'help') return '?';
  const found = MOD_SHORTCUTS.find((s) => s.command === command);
  if (!found) return '';
  const key = found.key === ',' ? ',' : found.key.toUpperCase();
  return mac ? `⌘${key}` : `Ctrl+${key}`;
}
