// Bytes cross the Playwright binding as JSON, so Uint8Arrays travel as tagged base64 both ways.
export type Wire = null | boolean | number | string | Wire[] | { [k: string]: Wire };

export function encodeForWire(value: unknown): Wire {
  if (value instanceof Uint8Array) return { __b64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (Array.isArray(value)) return value.map(encodeForWire);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeForWire(v)]));
  if (value === undefined) return null;
  return value as Wire;
}

export function decodeFromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeFromWire);
  if (value && typeof value === 'object') {
    const rec = value as Record<string, unknown>;
    if (typeof rec['__b64'] === 'string' && Object.keys(rec).length === 1) return new Uint8Array(Buffer.from(rec['__b64'], 'base64'));
    return Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, decodeFromWire(v)]));
  }
  return value;
}
