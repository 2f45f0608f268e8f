import { describe, expect, it } from 'vitest';
import { bridgeTerms, compareRank, matchDoc, matchesFilters, parseDate, parseQuery, rank, resolveFilters, tierOf, type RankKey } from './query';

describe('parseQuery', () => {
  it.each([
    ['one word', '卡密无效', ['卡密无效'], {}],
    ['whitespace separates words', '卡密  无效', ['卡密', '无效'], {}],
    ['quotes keep a phrase whole', '"卡密 无效" 退款', ['卡密无效', '退款'], {}],
    ['Chinese quotes', '“卡密 无效”', ['卡密无效'], {}],
    ['fullwidth text', 'ＳＴＥＡＭ　充值', ['steam', '充值'], {}],
    ['duplicates once', '退款 退款', ['退款'], {}],
    ['inline filters', '退款 kind:chat platform:JD from:2026-11-1 to:2026/11/30', ['退款'], { kind: 'chat', platform: 'jd', dateFrom: '2026-11-01', dateTo: '2026-11-30' }],
    ['fullwidth colon from an IME', 'kind：order', [], { kind: 'order' }],
    ['unknown kind stays text', 'kind:banana', ['kindbanana'], {}],
    ['impossible date stays text', 'from:2026-02-30', ['from20260230'], {}],
    ['quoted filter is text', '"kind:chat"', ['kindchat'], {}],
  ])('%s', (_name, input, parts, filters) => {
    const q = parseQuery(input);
    expect(q.parts).toEqual(parts);
    expect(q.phrase).toBe(parts.join(''));
    expect(q.filters).toEqual(filters);
  });

  it('tells an empty query from one with nothing searchable', () => {
    expect(parseQuery('   ').unsearchable).toBe(false);
    expect(parseQuery('！？ ，').unsearchable).toBe(true);
    expect(parseQuery('kind:chat').unsearchable).toBe(false);
  });
});

describe('filters', () => {
  it.each([
    ['2026-11-03', '2026-11-03'],
    ['2026/1/3', '2026-01-03'],
    ['2026.12.31', '2026-12-31'],
    ['2026-13-01', null],
    ['2025-02-29', null],
    ['20261103', null],
  ])('parseDate(%s)', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it('lets UI filters win, drops empty ones and swaps a reversed range', () => {
    expect(resolveFilters({ caseId: 'c1', platform: '', kind: ' ', dateFrom: '2026-11-30', dateTo: '2026-11-01' }, { platform: 'jd', kind: 'chat' })).toEqual({
      caseId: 'c1',
      platform: 'jd',
      kind: 'chat',
      dateFrom: '2026-11-01',
      dateTo: '2026-11-30',
    });
    expect(resolveFilters({ platform: 'taobao' }, { platform: 'jd' })).toEqual({ platform: 'taobao' });
    expect(resolveFilters({ dateFrom: 'yesterday' })).toEqual({});
  });

  const doc = { caseId: 'c1', platform: 'jd', kind: 'chat', date: '2026-11-15' };
  it.each([
    [{}, true],
    [{ caseId: 'c1', platform: 'jd', kind: 'chat' }, true],
    [{ caseId: 'c2' }, false],
    [{ platform: 'taobao' }, false],
    [{ kind: 'order' }, false],
    [{ dateFrom: '2026-11-15', dateTo: '2026-11-15' }, true],
    [{ dateFrom: '2026-11-16' }, false],
    [{ dateTo: '2026-11-14' }, false],
  ])('matchesFilters(%j) = %s', (f, expected) => {
    expect(matchesFilters(doc, f)).toBe(expected);
  });

  it('never lets an undated row through a date filter', () => {
    expect(matchesFilters({ ...doc, date: '' }, { dateTo: '2026-11-30' })).toBe(false);
    expect(matchesFilters({ ...doc, date: '' }, { dateFrom: '2026-01-01' })).toBe(false);
  });
});

describe('matching and ranking', () => {
  it('finds the terms that exist only where parts join', () => {
    expect(bridgeTerms(parseQuery('卡密 无效'))).toEqual(['密无']);
    expect(bridgeTerms(parseQuery('卡密无效'))).toEqual([]);
    expect(bridgeTerms(parseQuery('订单 3456789'))).toEqual([]);
  });

  it.each([
    [1, 1, true, 0],
    [2, 2, true, 0],
    [2, 2, false, 1],
    [1, 2, false, 3],
    [1, 3, false, 5],
  ])('tierOf(%i of %i, exact %s) = %i', (matched, total, exact, tier) => {
    expect(tierOf(matched, total, exact)).toBe(tier);
  });

  it.each([
    ['phrase with OCR spaces', '卡密无效', { title: '截图', text: '提示 卡 密 无 效 请核实' }, { matched: 1, exact: true, tier: 0, titleHit: false, occurrences: 1 }],
    ['parts apart', '卡密 无效', { title: '截图', text: '卡密已发，但是无效' }, { matched: 2, exact: false, tier: 1, titleHit: false, occurrences: 2 }],
    ['parts as typed', '卡密 无效', { title: '卡密', text: '卡密无效 卡密' }, { matched: 2, exact: true, tier: 0, titleHit: true, occurrences: 3 }],
    ['one part missing', '卡密 退款', { title: '', text: '卡密无效' }, { matched: 1, exact: false, tier: 3, titleHit: false, occurrences: 1 }],
    ['nothing', '退款', { title: '', text: '卡密无效' }, { matched: 0, exact: false, tier: 3, titleHit: false, occurrences: 0 }],
    ['order number split by OCR', '5678901', { title: '', text: '订单号 3456 7890 1234' }, { matched: 1, exact: true, tier: 0, titleHit: false, occurrences: 1 }],
  ])('matchDoc: %s', (_name, query, doc, expected) => {
    expect(matchDoc(doc, parseQuery(query))).toEqual(expected);
  });

  const key = (evidenceId: string, over: Partial<RankKey>): RankKey => ({
    evidenceId,
    matched: 1,
    exact: true,
    tier: 0,
    titleHit: false,
    occurrences: 1,
    date: '2026-11-01',
    ...over,
  });

  it('ranks by tier, then newest, then title hit, then occurrences, then id', () => {
    const keys = [
      key('old-phrase', { date: '2026-01-01' }),
      key('partial-new', { tier: 3, date: '2026-12-31' }),
      key('new-phrase', { date: '2026-11-20' }),
      key('same-day-title', { titleHit: true }),
      key('same-day-more', { occurrences: 5 }),
      key('same-day-b', {}),
      key('same-day-a', {}),
      key('undated', { date: '' }),
    ];
    expect([...keys].sort(compareRank).map((k) => k.evidenceId)).toEqual([
      'new-phrase',
      'same-day-title',
      'same-day-more',
      'same-day-a',
      'same-day-b',
      'old-phrase',
      'undated',
      'partial-new',
    ]);
  });

  it('keeps the best row of each evidence item and cuts to the limit', () => {
    const rows = [key('a', { tier: 1 }), key('a', { tier: 0, occurrences: 2 }), key('b', { date: '2026-12-01', tier: 1 }), key('c', { date: '2025-01-01' })];
    expect(rank(rows, 2).map((r) => [r.evidenceId, r.tier])).toEqual([
      ['a', 0],
      ['c', 0],
    ]);
    expect(rank(rows, 0)).toEqual([]);
  });
});
