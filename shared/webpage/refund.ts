// The clauses of a shop's policy that decide a refund, quoted word for word: refunds, the goods'
// state (未激活 / 已激活 / 已使用), fees, periods (N个工作日/小时内), outright refusals, 先行赔付.
// A period the shop promises ("退款申请将在2个工作日内审核") is the shop's own deadline, which the
// buyer can hold it to, so it is parsed into a number and a unit the deadline rules understand.

export const CLAUSE_TOPICS = ['refund', 'inactive', 'activated', 'used', 'fee', 'period', 'no-refund', 'compensation', 'original-route', 'cooling-off'] as const;
export type ClauseTopic = (typeof CLAUSE_TOPICS)[number];

export type PeriodUnit = 'working-days' | 'calendar-days' | 'hours';

export interface PromisedPeriod {
  length: number;
  unit: PeriodUnit;
  /** The words as written: "2个工作日内". */
  text: string;
  /** True when the shop binds itself (审核/处理/到账/赔付…), false for a limit on the buyer (请在…内申请). */
  shopPromise: boolean;
}

export interface RefundClause {
  topics: ClauseTopic[];
  /** The sentence, verbatim (cut at MAX_QUOTE with an ellipsis). */
  quote: string;
  /** 1-based line of the page text it came from. */
  line: number;
  period: PromisedPeriod | null;
}

export const MAX_QUOTE = 160;
export const MAX_CLAUSES = 40;

const TOPIC_RULES: ReadonlyArray<readonly [ClauseTopic, RegExp]> = [
  ['no-refund', /不(?:支持|予|接受|提供|办理)(?:任何)?(?:七天无理由)?(?:退款|退货|退换|退还|退费)|概不退|一律不(?:予)?退|不退(?:不换|款|还|费)|不可退(?:款|货|换)?|无法退款/],
  ['inactive', /未激活|未使用|未提取|未兑换|未开通|未充值/],
  ['activated', /已激活|激活后/],
  ['used', /已使用|已提取|已兑换|已充值|使用后/],
  ['fee', /手续费|服务费|违约金|扣除?[^，。；,;]{0,8}?\d+(?:\.\d+)?\s*[%％]|\d+(?:\.\d+)?\s*[%％][^，。；,;]{0,6}?(?:费用|扣除|手续)/],
  ['compensation', /先行赔付|先赔/],
  ['original-route', /原路(?:退回|返回|退还)/],
  ['cooling-off', /冷静期/],
  ['refund', /退款|退货|退还|退费|退换/],
];

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "2", "２", "十五", "二十四", "四十八" → a number; null for anything else. */
export function chineseNumber(s: string): number | null {
  const ascii = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d{1,4}$/.test(ascii)) return Number(ascii);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  if (!m[2]) return m[1] !== undefined && m[3] === undefined ? (CN_DIGITS[m[1]] ?? null) : null;
  return (m[1] !== undefined ? (CN_DIGITS[m[1]] ?? 0) : 1) * 10 + (m[3] !== undefined ? (CN_DIGITS[m[3]] ?? 0) : 0);
}

const PERIOD = /([0-9０-９]{1,4}|[一二两三四五六七八九十]{1,3})\s*(?:个)?\s*(工作日|自然日|天|日|小时|个小时|h|H)\s*(?:之内|以内|内)/g;
const SHOP_VERBS = /审核|处理|到账|退回|退还|退款至|返还|答复|回复|受理|完成|赔付|发货|核实|联系您|原路/;
const BUYER_LIMIT = /请(?:在|于)|须(?:在|于)|需(?:在|于)|应(?:在|于)|必须|逾期|否则|超过|过期/;

function unitOf(word: string): PeriodUnit {
  if (word === '工作日') return 'working-days';
  if (word === '小时' || word === '个小时' || word === 'h' || word === 'H') return 'hours';
  return 'calendar-days';
}

/** The first period in a sentence that is "N units 内", or null. */
export function findPeriod(sentence: string): PromisedPeriod | null {
  PERIOD.lastIndex = 0;
  const m = PERIOD.exec(sentence);
  if (!m) return null;
  const length = chineseNumber(m[1] ?? '');
  if (length === null || length <= 0 || length > 999) return null;
  const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 16);
  const before = sentence.slice(Math.max(0, m.index - 12), m.index);
  const shopPromise = SHOP_VERBS.test(after) && !BUYER_LIMIT.test(before);
  return { length, unit: unitOf(m[2] ?? ''), text: m[0].replace(/\s+/g, ''), shopPromise };
}

/** Sentences end at 。！？；; and line ends; quotation marks stay with their sentence. */
function sentences(line: string): string[] {
  return line.match(/[^。！？；;!?]+[。！？；;!?]*[”"」』]?/g)?.map((s) => s.trim()).filter((s) => s !== '') ?? [];
}

const clip = (s: string) => (s.length <= MAX_QUOTE ? s : `${s.slice(0, MAX_QUOTE - 1)}…`);

/** The refund-relevant clauses of a page's text, in order, each quoted once. */
export function findRefundClauses(text: string, max = MAX_CLAUSES): RefundClause[] {
  const out: RefundClause[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && out.length < max; i++) {
    const line = lines[i] ?? '';
    // A line of menu links or a long paragraph is cut into sentences; a clause is one of them.
    for (const sentence of line.length > 4000 ? sentences(line.slice(0, 4000)) : sentences(line)) {
      const period = findPeriod(sentence);
      const topics = TOPIC_RULES.filter(([, re]) => re.test(sentence)).map(([t]) => t);
      if (period !== null) topics.push('period');
      // 退款 alone is everywhere on a shop page (menus, buttons): a clause says something about it.
      const substantive = topics.some((t) => t !== 'refund') && (topics.includes('refund') || topics.includes('no-refund') || topics.includes('compensation') || topics.includes('fee') || period !== null || topics.includes('cooling-off'));
      if (!substantive || sentence.length < 4) continue;
      const quote = clip(sentence);
      if (seen.has(quote)) continue;
      seen.add(quote);
      out.push({ topics: CLAUSE_TOPICS.filter((t) => topics.includes(t)), quote, line: i + 1, period });
      if (out.length >= max) break;
    }
  }
  return out;
}

export const CLAUSE_TOPIC_LABELS: Record<ClauseTopic, string> = {
  refund: '退款',
  inactive: '未激活/未使用',
  activated: '已激活',
  used: '已使用',
  fee: '手续费',
  period: '时限',
  'no-refund': '不支持退款',
  compensation: '先行赔付',
  'original-route': '原路退回',
  'cooling-off': '冷静期',
};
