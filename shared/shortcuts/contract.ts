// Menu → renderer: a menu item (or its accelerator) names an app command; the renderer runs it the
// same way as the key press. Only an event channel: the renderer never asks main for a command.
import type { AppCommand } from './keymap';

export interface MenuCommand {
  command: AppCommand;
}

export type ShortcutsEvents = {
  'menu:command': MenuCommand;
};

export const SHORTCUTS_API_EVENTS = {
  onMenuCommand: 'menu:command',
} as const satisfies Record<string, keyof ShortcutsEvents>;
