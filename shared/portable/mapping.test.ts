import { describe, expect, it } from 'vitest';
import { EMPTY_CASE_INPUT, toCaseRecord } from '../domain/caseForm';
import type { BlobInfo, EvidenceRecord } from '../domain/evidence';
import type { CaseEvent } from '../domain/events';
import type { CaseFolderImport } from './contract';
import { eventLine, exhibitOrder, importedCase, normalizeLocal, platformOf, portableCaseOf, portableEvidenceOf } from './mapping';
import type { CaseDetails } from './mapping';
import { caseDetailsOf } from './mapping';
import { EMPTY_COMPLAINANT, EMPTY_COMPLAINT_FACTS, EMPTY_RESPONDENT } from '../bundle/types';
import { EMPTY_CARD_SHOP, SECRET_MASK } from '../cardshop/record';

describe('normalizeLocal', () => {
  const cases: Array<[string, string | null]> = [
    ['2026-11-15T20:31:40', '2026-11-15T20:31:40'],
    ['2026-11-15T20:31', '2026-11-15T20:31:00'],
    ['2026-11-15 20:31', '2026-11-15T20:31:00'],
    [' 2026-11-15 ', '2026-11-15T00:00:00'],
    ['2026-02-30', null],
    ['2026-11-15 25:00', null],
    ['昨天晚上', null],
    ['', null],
  ];
  it.each(cases)('%j → %j', (input, want) => expect(normalizeLocal(input)).toBe(want));
});

describe('platformOf', () => {
  const cases: Array<[string, string]> = [
    ['taobao', 'taobao'],
    ['淘宝', 'taobao'],
    ['天猫旗舰店', 'taobao'],
    ['京东', 'jd'],
    ['拼多多', 'pdd'],
    ['某个小程序', 'other'],
    ['', 'other'],
  ];
  it.each(cases)('%j → %s', (input, want) => expect(platformOf(input)).toBe(want));
});

const record = toCaseRecord(
  { ...EMPTY_CASE_INPUT, title: '点卡卡密无效', platform: 'jd', shop: '星辰数码', item: '点卡', orderNumber: '3456789012345678901', amount: '149.90', purchasedAt: '2026-11-15T20:31', issueType: 'double-charge', remedy: '退款 149.90 元' },
  { id: 'c1', now: '2026-11-20T10:00:00' },
);
const details: CaseDetails = { caseId: 'c1', target: '12315', statement: '2026年11月15日购买…', complainant: { ...EMPTY_COMPLAINANT, name: '张三', phone: '13800138000', address: '上海市' }, respondent: { ...EMPTY_RESPONDENT, name: '星辰数码', address: '杭州市' }, complaint: { ...EMPTY_COMPLAINT_FACTS, requestKinds: ['refund'], knewOfHarmAt: '2026-11-15' }, cardShop: EMPTY_CARD_SHOP };
const blob = (n: number, capturedAt: string): BlobInfo => ({
  sha256: String(n).repeat(64).slice(0, 64),
  size: 10,
  originalName: `Screenshot_${n}.png`,
  mime: 'image/png',
  mediaType: 'image',
  format: 'png',
  width: 10,
  height: 20,
  durationSec: null,
  capturedAt,
  captureSource: 'filename',
  hasThumbnail: true,
});
const evidence = (n: number, capturedAt: string): EvidenceRecord => ({ ...blob(n, capturedAt), id: `e${n}`, caseId: 'c1', kind: 'order', title: `证据 ${n}`, note: `目的 ${n}`, importedAt: '2026-11-20T10:00:00', importSource: 'drop' });
const ev = (type: CaseEvent['type'], at: string, detail: string): CaseEvent => ({ id: `${type}${at}`, caseId: 'c1', at, type, evidenceId: null, detail });
const eventText = (e: CaseEvent) => `${e.type}:${e.detail}`;

describe('case record ↔ case.json', () => {
  it('writes ids for platform and issue, the remedy as request, and the stored details', () => {
    const out = portableCaseOf(record, details, [ev('case-created', '2026-11-20T10:00:00', '点卡卡密无效'), ev('note', '2026-11-16T09:00:00', '联系客服')], eventText);
    expect(out).toEqual({
      title: '点卡卡密无效',
      target: '12315',
      platform: 'jd',
      shop: '星辰数码',
      item: '点卡',
      orderNumber: '3456789012345678901',
      amount: '149.90',
      purchasedAt: '2026-11-15T20:31',
      issue: 'double-charge',
      request: '退款 149.90 元',
      statement: details.statement,
      complainant: details.complainant,
      respondent: details.respondent,
      complaint: details.complaint,
      cardShop: null,
      events: [
        { at: '2026-11-20T10:00:00', text: 'case-created:点卡卡密无效' },
        { at: '2026-11-16T09:00:00', text: '联系客服' },
      ],
    });
  });

  it('without details: a platform appeal with the shop as respondent', () => {
    const out = portableCaseOf(record, undefined, [], eventText);
    expect([out.target, out.statement, out.respondent, out.complainant]).toEqual(['platform', '', { ...EMPTY_RESPONDENT, name: '星辰数码' }, EMPTY_COMPLAINANT]);
  });

  it('details saved before the credit code existed read as an empty code', () => {
    // A v5 row as Dexie holds it: no creditCode at all.
    const old = { ...details, respondent: { name: '星辰数码', address: '杭州市' } } as unknown as CaseDetails;
    expect(portableCaseOf(record, old, [], eventText).respondent).toEqual({ ...EMPTY_RESPONDENT, name: '星辰数码', address: '杭州市' });
  });

  it('a v6 row without the Order 121 fields reads them as unanswered, never as consent', () => {
    const old = { caseId: 'c1', target: '12315' as const, statement: '', complainant: { name: '张三', phone: '13800138000', address: '上海市' }, respondent: { name: '星辰数码', address: '杭州市', creditCode: '' } };
    const d = caseDetailsOf(old);
    expect([d.complainant.consentPublish, d.complainant.consentMediation, d.complainant.idType, d.complaint.requestKinds, d.cardShop.showSecrets]).toEqual([null, null, '', [], false]);
  });

  it('a card-shop case writes its record with the secrets masked', () => {
    const kameng = { ...record, platform: 'kameng' as const };
    const shop = { ...EMPTY_CARD_SHOP, domain: 'ka.example.com', queryPasswordSealed: 'fk1:abc', cardCodeSealed: '', showSecrets: true };
    const out = portableCaseOf(kameng, { ...details, cardShop: shop }, [], eventText);
    expect(out.cardShop).toEqual({ domain: 'ka.example.com', orderNumber: '3456789012345678901', contact: '', queryPassword: SECRET_MASK, cardCode: '', paymentTxn: '', ticketUrl: '' });
  });

  it('orders exhibits by capture time and carries kind, title and purpose', () => {
    const list = exhibitOrder([evidence(2, '2026-11-16T00:00:00'), evidence(1, '2026-11-15T00:00:00')]);
    expect(list.map(portableEvidenceOf)).toEqual([
      { sha256: blob(1, '').sha256, originalName: 'Screenshot_1.png', format: 'png', capturedAt: '2026-11-15T00:00:00', kind: 'order', title: '证据 1', purpose: '目的 1' },
      { sha256: blob(2, '').sha256, originalName: 'Screenshot_2.png', format: 'png', capturedAt: '2026-11-16T00:00:00', kind: 'order', title: '证据 2', purpose: '目的 2' },
    ]);
  });

  it('an import gives back the same record fields and details, and its events as notes', () => {
    const exported = portableCaseOf(record, details, [ev('note', '2026-11-16T09:00:00', '联系客服')], eventText);
    const imp: CaseFolderImport = { dir: '/x', case: exported, evidence: [{ blob: blob(1, '2026-11-15T00:00:00'), kind: 'chat', title: '', purpose: '证明' }] };
    let n = 0;
    const back = importedCase(imp, { caseId: 'c2', now: '2026-11-21T08:00:00', newId: () => `id${++n}` });
    const { id: _a, createdAt: _b, updatedAt: _c, ...fields } = record;
    const { id: _d, createdAt: _e, updatedAt: _f, ...backFields } = back.record;
    expect(backFields).toEqual({ ...fields, status: 'collecting' });
    expect(back.details).toEqual({ ...details, caseId: 'c2' });
    expect(back.evidence).toEqual([{ ...blob(1, '2026-11-15T00:00:00'), id: 'id1', caseId: 'c2', kind: 'chat', title: 'Screenshot_1', note: '证明', importedAt: '2026-11-21T08:00:00', importSource: 'folder' }]);
    expect(back.events.map((e) => [e.type, e.at, e.detail])).toEqual([
      ['note', '2026-11-16T09:00:00', '联系客服'],
      ['case-imported', '2026-11-21T08:00:00', '点卡卡密无效'],
    ]);
    // Exported again, the note reads as it did.
    expect(back.events.filter((e) => e.type === 'note').map((e) => eventLine(e, eventText))).toEqual(exported.events);
  });

  it('reads hand-written values: words for platform and issue, a numeric-looking amount, a spaced time', () => {
    const imp: CaseFolderImport = {
      dir: '/x',
      case: { ...portableCaseOf(record, details, [], eventText), platform: '淘宝', issue: '卡密无效', amount: '¥1,299', purchasedAt: '2026-11-15 20:31', orderNumber: ' 3456 7890 ' },
      evidence: [],
    };
    const back = importedCase(imp, { caseId: 'c3', now: '2026-11-21T08:00:00', newId: () => 'x' });
    expect([back.record.platform, back.record.issueType, back.record.amount, back.record.purchasedAt, back.record.orderNumber]).toEqual(['taobao', 'invalid-code', '1299.00', '2026-11-15T20:31', '34567890']);
  });
});
