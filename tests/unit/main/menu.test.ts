// The native menu's template: the developer tools item exists only in development builds.
import { describe, expect, it, vi } from 'vitest';

import type { MenuItemConstructorOptions } from 'electron';
import { MOD_SHORTCUTS, type AppCommand } from '../../../shared/shortcuts/keymap';

vi.mock('electron', () => ({ Menu: { buildFromTemplate: (t: unknown) => t } }));
const { appMenuTemplate } = await import('../../../electron/main/menu');

const command = () => undefined;
const roles = (devTools: boolean, platform: NodeJS.Platform): string[] =>
  appMenuTemplate({ devTools, platform, command }).flatMap((item) => [item.role ?? '', ...(Array.isArray(item.submenu) ? item.submenu.map((s) => s.role ?? '') : [])]);

describe('appMenuTemplate', () => {
  it.each(['win32', 'darwin', 'linux'] as const)('%s: toggleDevTools only when devTools is on', (platform) => {
    expect(roles(true, platform)).toContain('toggleDevTools');
    expect(roles(false, platform)).not.toContain('toggleDevTools');
    // Cmd+V needs the Edit roles on every build.
    expect(roles(false, platform)).toEqual(expect.arrayContaining(['undo', 'copy', 'paste', 'selectAll']));
  });

  it('gives macOS its app menu', () => {
    expect(roles(false, 'darwin')[0]).toBe('appMenu');
    expect(roles(false, 'win32')).not.toContain('appMenu');
  });

  const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? item.submenu : [])]);

  it.each(['win32', 'darwin', 'linux'] as const)('%s: every shortcut is a menu item with its accelerator, and a click sends its command', (platform) => {
    const sent: AppCommand[] = [];
    const all = items(appMenuTemplate({ devTools: false, platform, command: (c) => sent.push(c) }));
    for (const s of MOD_SHORTCUTS) {
      const found = all.find((i) => i.accelerator === s.accelerator);
      expect(found, s.accelerator).toBeDefined();
      // Only macOS lets the menu take the key; elsewhere the page's handler does.
      expect(found?.registerAccelerator).toBe(platform === 'darwin');
      const click = found?.click as unknown as () => void;
      click();
      expect(sent[sent.length - 1]).toBe(s.command);
    }
    const help = all.find((i) => i.label?.includes('快捷键'));
    (help?.click as unknown as () => void)();
    expect(sent[sent.length - 1]).toBe('help');
  });
});
