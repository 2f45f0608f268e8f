// WeChat and QQ chat screenshots: coloured bubbles, small grey time separators in the app's own
// relative style (昨天, 前天, 星期三, 11月12日, 12-hour 下午3:05), and an input bar at the bottom.
import type { Theme } from '../html';
import { esc, statusBar } from '../html';
import type { Wall } from '../ids';
import { addMinutes, cardCode, hm, iso, kamengOrder, mobile, pddOrder, qqNumber, taobaoOrder, wallMs, weekdayOf } from '../ids';
import type { Rng } from '../rng';
import type { BuiltPage, PageContext } from '../truth';
import type { Script } from './scripts';
import { ORDINARY, SCAMS } from './scripts';

export type ChatApp = 'wechat' | 'qq';

export interface ChatLook {
  bg: string;
  bar: string;
  mine: string;
  mineText: string;
  theirs: string;
  theirsText: string;
  stamp: string;
  radius: number;
}

export const CHAT_LOOKS: Record<ChatApp, Record<Theme, ChatLook>> = {
  wechat: {
    light: { bg: '#ededed', bar: '#f7f7f7', mine: '#95ec69', mineText: '#111111', theirs: '#ffffff', theirsText: '#111111', stamp: '#a3a3a3', radius: 4 },
    dark: { bg: '#111111', bar: '#1e1e1e', mine: '#3eb575', mineText: '#0b0b0b', theirs: '#2c2c2c', theirsText: '#d5d5d5', stamp: '#5f5f5f', radius: 4 },
  },
  qq: {
    light: { bg: '#f2f3f5', bar: '#f7f7f7', mine: '#0099ff', mineText: '#ffffff', theirs: '#ffffff', theirsText: '#111111', stamp: '#999999', radius: 12 },
    dark: { bg: '#0d0d0d', bar: '#1a1a1a', mine: '#0c6ed8', mineText: '#ffffff', theirs: '#262626', theirsText: '#e5e5e5', stamp: '#6a6a6a', radius: 12 },
  },
};

const CONTACTS = ['星辰数码客服', '小王(售后)', '云商发卡-客服', '淘宝客服小蜜', '李经理', '售后专员-阿杰'];
const WEEK = '日一二三四五六';

function dayDiff(at: Wall, capture: Wall): number {
  const day = (w: Wall): number => Math.floor(Date.UTC(w.y, w.mo - 1, w.d) / 86_400_000);
  return day(capture) - day(at);
}

function clock(at: Wall, twelve: boolean): string {
  if (!twelve) return hm(at);
  const period = at.h < 6 ? '凌晨' : at.h < 12 ? '上午' : '下午';
  const h = at.h > 12 ? at.h - 12 : at.h;
  return `${period}${h}:${String(at.mi).padStart(2, '0')}`;
}

/** The separator text the apps draw, following WeChat's rules for how old a message is. */
export function stampText(at: Wall, capture: Wall, twelve: boolean, rng: Rng): string {
  const diff = dayDiff(at, capture);
  const time = clock(at, twelve);
  if (diff === 0) return time;
  if (diff === 1) return `昨天 ${time}`;
  if (diff === 2 && rng.chance(0.5)) return `前天 ${time}`;
  if (diff < 7) return `星期${WEEK[weekdayOf(at)]} ${time}`;
  if (at.y === capture.y) return `${at.mo}月${at.d}日 ${time}`;
  return `${at.y}年${at.mo}月${at.d}日 ${time}`;
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

export function bubble(look: ChatLook, side: 'me' | 'them', text: string, avatar: string): string {
  const mine = side === 'me';
  const av = `<div style="width:40px;height:40px;border-radius:${look.radius === 4 ? 4 : 20}px;background:${avatar};flex:none"></div>`;
  const content =
    text === '[截图]'
      ? `<div style="width:96px;height:170px;border-radius:6px;background:linear-gradient(#dcdcdc,#9aa4b0)"></div>`
      : `<div class="t" style="background:${mine ? look.mine : look.theirs};color:${mine ? look.mineText : look.theirsText};border-radius:${look.radius}px;padding:9px 12px;font-size:16px;line-height:23px;max-width:260px;word-break:break-all">${esc(text)}</div>`;
  return `<div style="display:flex;gap:10px;margin:10px 12px;justify-content:${mine ? 'flex-end' : 'flex-start'}">${mine ? content + av : av + content}</div>`;
}

export function inputBar(app: ChatApp, look: ChatLook, voice: boolean, theme: Theme): string {
  const box = theme === 'dark' ? '#2a2a2a' : '#ffffff';
  const middle = voice
    ? `<div style="flex:1;height:38px;border-radius:5px;background:${box};text-align:center;line-height:38px;font-weight:600">按住 说话</div>`
    : `<div style="flex:1;height:38px;border-radius:5px;background:${box}"></div>`;
  const send = app === 'qq' ? `<div style="background:#0099ff;color:#fff;border-radius:6px;padding:0 12px;line-height:34px">发送</div>` : '';
  const icon = `<div style="width:28px;height:28px;border-radius:14px;border:2px solid ${look.stamp}"></div>`;
  return `<div class="inputbar" style="position:fixed;left:0;right:0;bottom:0;background:${look.bar};padding:8px 10px 22px;display:flex;gap:10px;align-items:center">${icon}${middle}${icon}${send || icon}</div>`;
}

export interface ChatOptions {
  app: ChatApp;
  scam: boolean;
  /** Index into the scam or ordinary scripts, so a corpus covers each one. */
  script: number;
  twelveHour: boolean;
}

function pickScript(scam: boolean, index: number): Script {
  const pool = scam ? SCAMS : ORDINARY;
  const script = pool[index % pool.length];
  if (!script) throw new Error('no chat scripts');
  return script;
}

export function chatPage(ctx: PageContext, opts: ChatOptions): BuiltPage {
  const { rng, style, capture } = ctx;
  const look = CHAT_LOOKS[opts.app][style.theme];
  const script = pickScript(opts.scam, opts.script);
  const kind = rng.pick(['taobao', 'kameng', 'pdd'] as const);
  const orderAt = addMinutes(capture, -rng.int(3, 12) * 1440);
  const order = kind === 'taobao' ? taobaoOrder(rng) : kind === 'pdd' ? pddOrder(rng, orderAt) : kamengOrder(rng, orderAt);
  const values = { order, qq: qqNumber(rng), phone: mobile(rng), code: cardCode(rng) };

  // Two or three separated runs of messages, the newest close to the capture time.
  // Long scripts get two separators so the whole conversation fits on one phone screen.
  const segments = script.lines.length > 5 ? 2 : rng.int(2, 3);
  const ages = [rng.int(0, 1) * 1440 + rng.int(5, 300), rng.int(1, 2) * 1440 + rng.int(0, 600), rng.int(3, 20) * 1440 + rng.int(0, 600)]
    .slice(0, segments)
    .sort((a, b) => b - a);
  const lines = script.lines;
  const per = Math.ceil(lines.length / segments);
  const stamps: string[] = [];
  const avatarThem = `hsl(${rng.int(0, 359)} 45% 60%)`;
  const avatarMe = `hsl(${rng.int(0, 359)} 45% 55%)`;
  let html = '';
  ages.forEach((age, i) => {
    const at = addMinutes(capture, -age);
    const chunk = lines.slice(i * per, (i + 1) * per);
    if (chunk.length === 0) return;
    // WeChat never stamps a minute in the future; clamp after rounding to the capture time.
    const stampAt = wallMs(at) > wallMs(capture) ? capture : at;
    stamps.push(iso(stampAt, false));
    html += `<div class="t" style="text-align:center;margin:16px 0 6px"><span style="color:${look.stamp};font-size:12.5px">${esc(stampText(stampAt, capture, opts.twelveHour, rng))}</span></div>`;
    for (const [side, text] of chunk) html += bubble(look, side, fill(text, values), side === 'me' ? avatarMe : avatarThem);
  });

  const title = rng.pick(CONTACTS);
  const nav = `<div class="nav" style="background:${look.bg}"><span class="back">‹</span>${esc(title)}<span class="more">···</span></div>`;
  const statusStyle = { ...style };
  const body = `<div style="background:${look.bg}">${statusBar(statusStyle)}</div>${nav}<div>${html}</div>${inputBar(opts.app, look, rng.chance(0.3), style.theme)}`;
  const tags = ['bubbles', ...(opts.twelveHour ? ['12h'] : []), ...(ages.some((a) => a >= 1440) ? ['relative'] : []), ...(opts.scam ? ['scam'] : [])];
  return {
    slug: `${opts.app}-chat`,
    html: body,
    background: look.bg,
    tags,
    truth: {
      platform: opts.app,
      kind: 'chat',
      orderNumbers: script.mentionsOrder ? [order] : [],
      transactionIds: [],
      timestamps: stamps,
      amount: null,
      scam: script.scam,
    },
  };
}
