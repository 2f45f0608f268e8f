// IPC contract for card-shop secrets. The renderer never stores a 查询密码 or 卡密 in the clear: it
// asks main to seal what the buyer typed (or OCR found) and keeps the sealed text; it asks main to
// open one only when the buyer presses 显示. Bundles carry the sealed values and main opens them
// only when the buyer chose to print them (see BundlePreflightRequest.cardShopSecrets).
import { z } from 'zod';

/** Far above any password or card text; bounds what one call makes main encrypt. */
export const MAX_SECRET_CHARS = 4000;
/** base64 of the above plus the box's header. */
export const MAX_SEALED_CHARS = 8000;

export type CardShopApi = {
  'cardShop:seal': (req: { text: string }) => Promise<{ sealed: string }>;
  'cardShop:reveal': (req: { sealed: string }) => Promise<{ text: string }>;
};

export const CARD_SHOP_API_METHODS = {
  sealSecret: 'cardShop:seal',
  revealSecret: 'cardShop:reveal',
} as const satisfies Record<string, keyof CardShopApi>;

export const sealedText = z.string().max(MAX_SEALED_CHARS);

export const cardShopSchemas = {
  'cardShop:seal': z.object({ text: z.string().min(1).max(MAX_SECRET_CHARS) }).strict(),
  'cardShop:reveal': z.object({ sealed: sealedText.min(1) }).strict(),
} satisfies { [C in keyof CardShopApi]: z.ZodType<Parameters<CardShopApi[C]>[0]> };
