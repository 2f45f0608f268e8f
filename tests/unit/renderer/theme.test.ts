import { describe, expect, it } from 'vitest';
import { parseThemeChoice, resolveTheme, type ThemeChoice } from '../../../renderer/src/app/theme';

describe('theme', () => {
  it.each<[ThemeChoice, boolean, 'light' | 'dark']>([
    ['system', false, 'light'],
    ['system', true, 'dark'],
    ['light', true, 'light'],
    ['light', false, 'light'],
    ['dark', false, 'dark'],
    ['dark', true, 'dark'],
  ])('%s with the OS dark=%s is %s', (choice, systemDark, theme) => {
    expect(resolveTheme(choice, systemDark)).toBe(theme);
  });

  it.each<[string | null, ThemeChoice]>([
    [null, 'system'],
    ['', 'system'],
    ['dark', 'dark'],
    ['light', 'light'],
    ['DARK', 'system'],
    ['<script>', 'system'],
  ])('stored %j reads as %s', (stored, choice) => {
    expect(parseThemeChoice(stored)).toBe(choice);
  });
});
