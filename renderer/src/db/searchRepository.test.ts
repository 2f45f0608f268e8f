// The search repository against fake-indexeddb (acceptable for the db layer only); bench:search
// runs the same code on Chromium's real IndexedDB.
import 'fake-indexeddb/auto';
import { Dexie, type EntityTable } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { matchDoc, matchesFilters, parseQuery, rank, resolveFilters } from '../../../shared/search/query';
import type { SearchDoc, SearchDocInput, SearchFilters } from '../../../shared/search/types';
import { createSearchRepository, type SearchRepository } from './searchRepository';

type TestDb = Dexie & { searchDocs: EntityTable<SearchDoc, 'id'> };
let db: TestDb;
let repo: SearchRepository;

beforeEach(() => {
  db = new Dexie(`search-${crypto.randomUUID()}`) as TestDb;
  // The exact store the app declares in migrations.ts (version 3).
  db.version(1).stores({ searchDocs: 'id, caseId, kind, platform, date, *grams' });
  repo = createSearchRepository(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const doc = (evidenceId: string, text: string, over: Partial<SearchDocInput> = {}): SearchDocInput => ({
  evidenceId,
  caseId: 'c1',
  kind: 'order',
  platform: 'taobao',
  date: '2026-11-01',
  title: `截图 ${evidenceId}`,
  text,
  ...over,
});
const ids = async (query: string, filters: SearchFilters = {}, limit?: number) => (await repo.search(query, filters, limit)).map((h) => h.evidenceId);

describe('search repository', () => {
  beforeEach(async () => {
    await repo.upsertMany([
      doc('ocr', '订单详情 提示 卡 密 无 效 请联系客服', { kind: 'chat', date: '2026-11-03' }),
      doc('apart', '卡密已发货，但是充值无效', { date: '2026-11-05' }),
      doc('order', '订单编号 3456789012345678901 实付款 ¥149.90', { platform: 'jd', date: '2026-10-20' }),
      doc('split', '订单号 9876 5432 1098 尾号1234', { caseId: 'c2', date: '2026-09-01' }),
      doc('steam', 'Steam 充值卡 100元 APPLE ID 代充', { kind: 'payment', platform: 'pdd', date: '2026-11-10' }),
      doc('wide', 'ＳＴＥＡＭ礼品卡　兑换失败', { kind: 'payment', date: '2026-08-15' }),
    ]);
  });

  it.each([
    ['a Chinese phrase against OCR text with spaces', '卡密无效', ['ocr']],
    ['a phrase typed with spaces inside quotes', '"卡密 无效"', ['ocr']],
    ['a partial order number', '5678901', ['order']],
    ['an order number OCR split with spaces', '987654321098', ['split']],
    ['last four digits, shorter than a digit gram', '尾号1234', ['split']],
    ['an English word, any case or width', 'steam', ['steam', 'wide']],
    ['a word across a space', 'apple id', ['steam']],
    ['a Latin prefix shorter than a gram', 'ap', ['steam']],
    ['one Chinese character, mid-word', '卡', ['steam', 'apart', 'ocr', 'wide']],
    ['one character at the end of a run', '败', ['wide']],
    ['an amount with its decimal point', '149.90', ['order']],
    ['nothing', '不存在的词', []],
    ['only punctuation', '！？', []],
  ])('finds %s', async (_name, query, expected) => {
    expect(await ids(query)).toEqual(expected);
  });

  it('does not match n-grams that are all there but not together', async () => {
    expect(await ids('卡密无效')).not.toContain('apart');
    expect(await ids('3456789012345678')).toEqual(['order']);
  });

  it('ranks complete matches first (the phrase as typed first), then newest, and flags partial ones', async () => {
    const hits = await repo.search('卡密 无效');
    expect(hits.map((h) => [h.evidenceId, h.complete])).toEqual([
      ['ocr', true],
      ['apart', true],
    ]);
    const partial = await repo.search('卡密 退款');
    expect(partial.map((h) => [h.evidenceId, h.complete])).toEqual([
      ['apart', false],
      ['ocr', false],
    ]);
  });

  it.each([
    ['case', '卡', { caseId: 'c2' }, []],
    ['case, filter only', '', { caseId: 'c2' }, ['split']],
    ['platform', 'steam', { platform: 'pdd' }, ['steam']],
    ['kind', '卡', { kind: 'payment' }, ['steam', 'wide']],
    ['date range', '', { dateFrom: '2026-10-01', dateTo: '2026-11-04' }, ['ocr', 'order']],
    ['reversed date range', '', { dateFrom: '2026-11-04', dateTo: '2026-10-01' }, ['ocr', 'order']],
    ['inline filters in the query', '卡 kind:payment to:2026-09-30', {}, ['wide']],
    ['no filter, no query: everything, newest first', '', {}, ['steam', 'apart', 'ocr', 'order', 'split', 'wide']],
  ])('filters by %s', async (_name, query, filters, expected) => {
    expect(await ids(query, filters)).toEqual(expected);
  });

  it('returns hits with their fields and a highlighted snippet', async () => {
    const [hit] = await repo.search('卡密无效');
    expect(hit).toEqual({
      evidenceId: 'ocr',
      caseId: 'c1',
      title: '截图 ocr',
      kind: 'chat',
      platform: 'taobao',
      date: '2026-11-03',
      snippet: { text: '订单详情提示卡密无效请联系客服', highlights: [[6, 10]] },
      complete: true,
    });
  });

  it('removes, moves and replaces', async () => {
    await repo.remove('steam');
    expect(await ids('steam')).toEqual(['wide']);
    await repo.moveCase('order', 'c9');
    expect(await ids('', { caseId: 'c9' })).toEqual(['order']);
    await repo.upsert(doc('wide', '已退款', { date: '2026-08-15' }));
    expect(await ids('steam')).toEqual([]);
    expect(await ids('退款')).toEqual(['wide']);
    expect(await ids('退款', {}, 0)).toEqual([]);
  });
});

describe('long chat logs', () => {
  const log = Array.from({ length: 300 }, (_, i) => `客服: 第${i}条，请稍等，正在核实订单${String(100000 + i)}`).join('\n');

  it('stores chunks, finds a message deep inside once, and forgets all chunks on remove or shrink', async () => {
    await repo.upsert(doc('log', log, { kind: 'chat' }));
    const rows = await db.searchDocs.count();
    expect(rows).toBeGreaterThan(3);
    const hits = await repo.search('正在核实订单100290');
    expect(hits.map((h) => h.evidenceId)).toEqual(['log']);
    expect(hits[0]?.snippet.text).toContain('100290');
    expect(await ids('核实')).toEqual(['log']);
    await repo.moveCase('log', 'c7');
    expect(await db.searchDocs.where('caseId').equals('c7').count()).toBe(rows);
    await repo.upsert(doc('log', '短了'));
    expect(await db.searchDocs.count()).toBe(1);
    // A corrected capture date moves the row: nothing may stay behind under the old one.
    await repo.upsert(doc('log', '短了', { date: '2025-01-01' }));
    expect((await db.searchDocs.toArray()).map((d) => d.date)).toEqual(['2025-01-01']);
    await repo.remove('log');
    expect(await db.searchDocs.count()).toBe(0);
  });
});

describe('with an evidenceId index in the schema', () => {
  it('finds an item’s rows through it, with the same results', async () => {
    const other = new Dexie(`search-${crypto.randomUUID()}`) as TestDb;
    other.version(1).stores({ searchDocs: 'id, evidenceId, caseId, kind, platform, date, *grams' });
    const r = createSearchRepository(other);
    const log = Array.from({ length: 200 }, (_, i) => `客服: 第${i}条，请稍等，正在核实订单${String(100000 + i)}`).join('\n');
    await r.upsert(doc('log', log, { date: '2026-11-02' }));
    await r.upsert(doc('log', log, { date: '2026-11-03' }));
    expect(new Set((await other.searchDocs.toArray()).map((d) => d.date))).toEqual(new Set(['2026-11-03']));
    await r.moveCase('log', 'c5');
    expect((await r.search('核实', { caseId: 'c5' })).map((h) => h.evidenceId)).toEqual(['log']);
    await r.remove('log');
    expect(await other.searchDocs.count()).toBe(0);
    other.close();
    await other.delete();
  });
});

describe.each([
  ['default tuning', {}],
  // Tiny pages and batches make every query read deeper several times and stop mid-list.
  ['tiny pages', { firstPage: 6, growth: 2, batch: 5, prefixCap: 40, smallSource: 3, rangeSource: 10 }],
] as const)('early stop, %s', (_name, tuning) => {
  // The oracle verifies and ranks every row; the repository must give exactly its top results.
  const words = ['退款', '卡密', '无效', '客服', '发货', '订单'];
  const rows: SearchDocInput[] = Array.from({ length: 400 }, (_, i) => {
    const picked = words.filter((_, w) => (i * 7 + w * 3) % (w + 2) !== 0);
    const day = String(1 + (i % 28)).padStart(2, '0');
    return doc(`e${String(i).padStart(3, '0')}`, `${picked.join(i % 3 ? ' ' : '')} 编号${100000 + i}`, {
      caseId: `c${i % 4}`,
      kind: i % 5 ? 'order' : 'chat',
      date: `2026-${i % 2 ? '10' : '11'}-${day}`,
      title: i % 11 ? `截图${i}` : '退款截图',
    });
  });

  beforeEach(async () => {
    repo = createSearchRepository(db, tuning);
    await repo.upsertMany(rows);
  });

  function oracle(query: string, filters: SearchFilters, limit: number): string[] {
    const q = parseQuery(query);
    const f = resolveFilters(filters, q.filters);
    const hits = rows.flatMap((r) => {
      const m = matchDoc(r, q);
      return matchesFilters(r, f) && (q.parts.length === 0 || m.matched > 0) ? [{ ...m, date: r.date, evidenceId: r.evidenceId }] : [];
    });
    return rank(hits, limit).map((h) => h.evidenceId);
  }

  it.each([
    ['退款', {}, 10],
    ['退款', {}, 50],
    ['卡密无效', {}, 20],
    ['卡密 无效', {}, 30],
    ['退款 不存在', {}, 25],
    ['客服 发货 订单', { kind: 'chat' }, 15],
    ['卡', { caseId: 'c1' }, 40],
    ['10012', {}, 12],
    ['1001', {}, 12],
    ['编', {}, 30],
    ['退款 无效', { caseId: 'c3' }, 20],
    ['', {}, 45],
    ['', { caseId: 'c3', kind: 'chat' }, 10],
    ['', { dateFrom: '2026-11-05', dateTo: '2026-11-09' }, 8],
    ['退款', { dateFrom: '2026-10-10' }, 33],
  ])('%s %j limit %i gives exactly the full ranking', async (query, filters, limit) => {
    const expected = oracle(query, filters, limit);
    expect(expected.length).toBeGreaterThan(0);
    expect(await ids(query, filters, limit)).toEqual(expected);
  });

  it('agrees with the full ranking on random queries, filters and limits', async () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const pieces = [...words, '卡', '退', '编号', '1000', '10037', '退款卡密', '截图', '不存在'];
    for (let i = 0; i < 60; i++) {
      const query = Array.from({ length: rand(3) + (i % 7 === 0 ? 0 : 1) }, () => pieces[rand(pieces.length)]).join(' ');
      const filters: SearchFilters = {
        ...(rand(3) === 0 ? { caseId: `c${rand(4)}` } : {}),
        ...(rand(4) === 0 ? { kind: 'chat' } : {}),
        ...(rand(3) === 0 ? { dateFrom: `2026-${rand(2) ? 10 : 11}-${String(1 + rand(28)).padStart(2, '0')}` } : {}),
        ...(rand(4) === 0 ? { dateTo: `2026-11-${String(1 + rand(28)).padStart(2, '0')}` } : {}),
      };
      const limit = 1 + rand(60);
      expect(await ids(query, filters, limit), `${query} ${JSON.stringify(filters)} ${limit}`).toEqual(oracle(query, filters, limit));
    }
  });
});
