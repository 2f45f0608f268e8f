// A delivery-address screenshot (收货人, phone, 地址) as buyers import it with an order: the
// personal data the export's redaction must find by OCR and burn out.
const W = 540;
const FONT = "font-family=\"'Noto Sans CJK SC','Noto Sans SC','PingFang SC',sans-serif\"";
const text = (x: number, y: number, s: string, size = 22, fill = '#222', weight = 400) => `<text x="${x}" y="${y}" ${FONT} font-size="${size}" fill="${fill}" font-weight="${weight}">${s}</text>`;

/** The phone number's line, at scale 1: the test checks these rows are black after export. */
export const RECEIVER_PHONE_ROW = { y0: 170, y1: 200 };

export function receiverSvg(phone = '13912345678'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="700"><rect width="100%" height="100%" fill="#f4f4f4"/>
  <rect width="100%" height="88" fill="#ffffff"/>${text(24, 30, '12:05', 18, '#000', 600)}${text(W / 2 - 48, 72, '收货信息', 24, '#111', 600)}
  <rect x="16" y="110" width="${W - 32}" height="240" rx="14" fill="#fff"/>
  ${text(36, 150, '收货人：李明', 24, '#111', 600)}
  ${text(36, 195, `手机号码 ${phone}`, 24, '#111')}
  ${text(36, 240, '收货地址：上海市浦东新区', 22, '#333')}
  ${text(36, 275, '世纪大道100号1201室', 22, '#333')}
  <rect x="16" y="370" width="${W - 32}" height="120" rx="14" fill="#fff"/>
  ${text(36, 420, '配送方式  快递 免邮', 20, '#666')}${text(36, 460, '订单编号  3456789012345678901', 20, '#666')}</svg>`;
}
