// Shared page chrome for the mock-ups: a phone status bar, a title bar, themes and font stacks. The
// look follows the apps closely enough that OCR meets the same obstacles: grey labels on white,
// coloured bubbles, small grey time separators, dark mode, right-aligned value columns.

export type Theme = 'light' | 'dark';

export interface Style {
  theme: Theme;
  /** Latin font in front of the CJK one; phones draw digits in their own UI font. */
  latin: string;
  /** Status bar clock, "HH:mm" (the phone's clock is a bare time the extractors must ignore). */
  clock: string;
  battery: number;
  network: '5G' | '4G' | 'WiFi';
}

export const LATIN_FONTS = ["'Liberation Sans'", "'DejaVu Sans'", "'Noto Sans CJK SC'"] as const;

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Palette {
  page: string;
  card: string;
  text: string;
  muted: string;
  faint: string;
  line: string;
  bar: string;
}

const PALETTES: Record<Theme, Palette> = {
  light: { page: '#f3f3f3', card: '#ffffff', text: '#1a1a1a', muted: '#777777', faint: '#a8a8a8', line: '#ececec', bar: '#ffffff' },
  dark: { page: '#0f0f0f', card: '#1e1e1e', text: '#e6e6e6', muted: '#9a9a9a', faint: '#6f6f6f', line: '#2a2a2a', bar: '#161616' },
};

export function palette(theme: Theme): Palette {
  return PALETTES[theme];
}

function css(style: Style, bg: string): string {
  const p = palette(style.theme);
  return `
  * { box-sizing: border-box; }
  body { margin: 0; background: ${bg}; color: ${p.text}; font-family: ${style.latin}, 'Noto Sans CJK SC', sans-serif; font-size: 14px; -webkit-font-smoothing: antialiased; }
  .status { height: 44px; display: flex; align-items: center; justify-content: space-between; padding: 0 22px; font-weight: 600; font-size: 15px; background: ${p.bar}; }
  .status .right { display: flex; gap: 6px; align-items: center; font-size: 12px; }
  .battery { width: 24px; height: 12px; border: 1.5px solid currentColor; border-radius: 3px; position: relative; }
  .battery i { position: absolute; left: 1px; top: 1px; bottom: 1px; background: currentColor; border-radius: 1px; }
  .nav { height: 46px; display: flex; align-items: center; justify-content: center; font-size: 17px; font-weight: 600; background: ${p.bar}; position: relative; }
  .nav .back { position: absolute; left: 14px; font-size: 22px; font-weight: 400; }
  .nav .more { position: absolute; right: 16px; font-size: 18px; letter-spacing: 2px; }
  .card { background: ${p.card}; margin: 10px; border-radius: 12px; padding: 12px 14px; }
  .muted { color: ${p.muted}; }
  .faint { color: ${p.faint}; }
  .row { display: flex; line-height: 30px; font-size: 13px; }
  .row .k { color: ${p.muted}; flex: none; }
  .row.split .k { width: 84px; }
  .row.right { justify-content: space-between; }
  .row.right .v { text-align: right; }
  .row .v { word-break: break-all; }
  .row .copy { margin-left: 8px; color: ${p.muted}; border: 1px solid ${p.line}; border-radius: 10px; padding: 0 8px; line-height: 20px; height: 22px; margin-top: 4px; font-size: 11px; flex: none; }
  .btns { display: flex; justify-content: flex-end; gap: 8px; padding: 10px 12px; }
  .btn { border: 1px solid ${p.faint}; border-radius: 16px; padding: 5px 12px; font-size: 13px; }
  .btn.hot { border-color: #ff5000; color: #ff5000; }
  .thumb { width: 72px; height: 72px; border-radius: 8px; flex: none; }
  .item { display: flex; gap: 10px; }
  .item .name { flex: 1; font-size: 13px; line-height: 19px; }
  .item .price { text-align: right; font-size: 13px; line-height: 19px; }
  .between { display: flex; justify-content: space-between; align-items: baseline; }
  .hr { height: 1px; background: ${p.line}; margin: 8px 0; }
  `;
}

export function statusBar(style: Style): string {
  const net = style.network === 'WiFi' ? 'WiFi' : style.network;
  return `<div class="status"><span>${esc(style.clock)}</span><span class="right"><span>${net}</span><span>${style.battery}%</span><span class="battery"><i style="width:${Math.round(style.battery / 5)}px"></i></span></span></div>`;
}

export function navBar(title: string, more = '···'): string {
  return `<div class="nav"><span class="back">‹</span>${esc(title)}<span class="more">${more}</span></div>`;
}

export function documentHtml(style: Style, body: string, bg?: string): string {
  const background = bg ?? palette(style.theme).page;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css(style, background)}</style></head><body>${body}</body></html>`;
}

export type RowLayout = 'inline' | 'split' | 'right';

/** One labelled value in an order-info card; `copy` adds the 复制 chip the apps put after ids. */
export function row(layout: RowLayout, label: string, value: string, copy = false): string {
  const chip = copy ? '<span class="copy">复制</span>' : '';
  const gap = layout === 'inline' ? '&nbsp;&nbsp;' : '';
  return `<div class="row ${layout}"><span class="k">${esc(label)}${gap}</span><span class="v">${esc(value)}</span>${chip}</div>`;
}

export function thumb(hue: number): string {
  return `<div class="thumb" style="background: linear-gradient(135deg, hsl(${hue} 70% 78%), hsl(${(hue + 40) % 360} 60% 58%))"></div>`;
}
