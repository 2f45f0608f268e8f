import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, commandForKey, MOD_SHORTCUTS, shortcutLabel, type KeyContext, type KeyInput } from './keymap';

const key = (k: string, mods: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
const pc: KeyContext = { mac: false, typing: false, viewerOpen: false, dialogOpen: false };
const mac: KeyContext = { ...pc, mac: true };

describe('commandForKey', () => {
  it.each<[string, KeyInput, KeyContext, string | null]>([
    ['Ctrl+N on Windows/Linux', key('n', { ctrlKey: true }), pc, 'new-case'],
    ['Ctrl+F', key('f', { ctrlKey: true }), pc, 'search'],
    ['Ctrl+E', key('e', { ctrlKey: true }), pc, 'export'],
    ['Ctrl+,', key(',', { ctrlKey: true }), pc, 'settings'],
    ['Ctrl+I', key('i', { ctrlKey: true }), pc, 'import'],
    ['Ctrl+N with caps lock (upper-case key)', key('N', { ctrlKey: true }), pc, 'new-case'],
    ['Cmd+N on macOS', key('n', { metaKey: true }), mac, 'new-case'],
    ['Cmd+, on macOS', key(',', { metaKey: true }), mac, 'settings'],
    ['Ctrl+N on macOS is not Cmd+N', key('n', { ctrlKey: true }), mac, null],
    ['Meta+N on Windows is not Ctrl+N', key('n', { metaKey: true }), pc, null],
    ['Ctrl+V stays the paste', key('v', { ctrlKey: true }), pc, null],
    ['Ctrl+Shift+N is not a shortcut', key('N', { ctrlKey: true, shiftKey: true }), pc, null],
    ['Ctrl+Alt+N is not a shortcut', key('n', { ctrlKey: true, altKey: true }), pc, null],
    ['Ctrl+F while typing still searches', key('f', { ctrlKey: true }), { ...pc, typing: true }, 'search'],
    ['Ctrl+N waits while a dialog is open', key('n', { ctrlKey: true }), { ...pc, dialogOpen: true }, null],
    ['Ctrl+E waits while the viewer is open', key('e', { ctrlKey: true }), { ...pc, viewerOpen: true }, null],
    ['? opens the shortcuts', key('?', { shiftKey: true }), pc, 'help'],
    ['? while typing is a question mark', key('?', { shiftKey: true }), { ...pc, typing: true }, null],
    ['? inside a dialog does nothing', key('?', { shiftKey: true }), { ...pc, dialogOpen: true }, null],
    ['← in the viewer', key('ArrowLeft'), { ...pc, viewerOpen: true }, 'viewer-prev'],
    ['→ in the viewer', key('ArrowRight'), { ...pc, viewerOpen: true }, 'viewer-next'],
    ['Delete in the viewer', key('Delete'), { ...pc, viewerOpen: true }, 'viewer-trash'],
    ['Backspace in the viewer on macOS', key('Backspace'), { ...mac, viewerOpen: true }, 'viewer-trash'],
    ['Backspace in the viewer elsewhere does nothing', key('Backspace'), { ...pc, viewerOpen: true }, null],
    ['Delete while editing the note deletes text', key('Delete'), { ...pc, viewerOpen: true, typing: true }, null],
    ['→ in the viewer while in a field moves the caret', key('ArrowRight'), { ...pc, viewerOpen: true, typing: true }, null],
    ['arrows without the viewer do nothing', key('ArrowLeft'), pc, null],
    ['Delete without the viewer does nothing', key('Delete'), pc, null],
    ['a plain letter does nothing', key('n'), pc, null],
  ])('%s', (_name, input, ctx, expected) => {
    expect(commandForKey(input, ctx)).toBe(expected);
  });

  it('gives every app command but help a modifier shortcut and a menu accelerator', () => {
    const withKeys = MOD_SHORTCUTS.map((s) => s.command);
    expect(APP_COMMANDS.filter((c) => c !== 'help').every((c) => withKeys.includes(c))).toBe(true);
    for (const s of MOD_SHORTCUTS) {
      expect(s.accelerator).toBe(`CmdOrCtrl+${s.key.toUpperCase()}`);
      expect(commandForKey(key(s.key, { ctrlKey: true }), pc)).toBe(s.command);
    }
  });

  it('labels keys per platform', () => {
    expect(shortcutLabel('new-case', false)).toBe('Ctrl+N');
    expect(shortcutLabel('new-case', true)).toBe('⌘N');
    expect(shortcutLabel('settings', false)).toBe('Ctrl+,');
    expect(shortcutLabel('help', true)).toBe('?');
  });
});
