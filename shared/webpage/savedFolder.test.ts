import { describe, expect, it } from 'vitest';
import { groupSavedPages, resourceFolderNames } from './savedFolder';

const f = (name: string) => ({ name });

describe('resourceFolderNames', () => {
  it.each([
    ['退款规则.html', ['退款规则_files', '退款规则.files']],
    ['证据/协议.HTM', ['证据/协议_files', '证据/协议.files']],
    ['page.mhtml', []],
    ['.html', []],
    ['notes.txt', []],
  ])('%s', (name, want) => expect(resourceFolderNames(name)).toEqual(want));
});

describe('groupSavedPages', () => {
  it('gives each page its own folder and leaves everything else alone', () => {
    const inputs = [
      f('退款规则.html'),
      f('退款规则_files/logo.png'),
      f('退款规则_files/css/site.css'),
      f('截图.png'),
      f('证据/协议.htm'),
      f('证据/协议.files/a.gif'),
      f('孤儿_files/x.png'),
      f('退款规则.files/other.png'),
    ];
    const { pages, rest } = groupSavedPages(inputs);
    expect(pages.map((p) => [p.page.name, p.folder, p.resources.map((r) => r.path)])).toEqual([
      ['退款规则.html', '退款规则_files', ['logo.png', 'css/site.css']],
      ['证据/协议.htm', '协议.files', ['a.gif']],
    ]);
    expect(rest.map((r) => r.name)).toEqual(['截图.png', '孤儿_files/x.png', '退款规则.files/other.png']);
  });

  it('keeps a lone page as a page with no resources, and caps a hostile folder', () => {
    expect(groupSavedPages([f('a.html')]).pages[0]?.resources).toEqual([]);
    const many = [f('a.html'), ...Array.from({ length: 2100 }, (_, i) => f(`a_files/${i}.png`))];
    const { pages, rest } = groupSavedPages(many);
    expect(pages[0]?.resources).toHaveLength(2000);
    expect(rest).toHaveLength(100);
  });
});
