// The native menu's template: the developer tools item exists only in development builds.
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: { buildFromTemplate: (t: unknown) => t } }));
const { appMenuTemplate } = await import('../../../electron/main/menu');

const roles = (devTools: boolean, platform: NodeJS.Platform): string[] =>
  appMenuTemplate({ devTools, platform }).flatMap((item) => [item.role ?? '', ...(Array.isArray(item.submenu) ? item.submenu.map((s) => s.role ?? '') : [])]);

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
});
