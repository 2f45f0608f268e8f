// Runs inside the page before the app: builds window.liuzheng with the same method names the preload
// exposes, each forwarding to the real main-process handlers through one Playwright binding.
// It must be self-contained: Playwright serialises this function's source into the page.

export interface BridgeSpec {
  methods: Record<string, string>;
  events: Record<string, string>;
}

export function installPageBridge(spec: BridgeSpec): void {
  type Listener = (payload: unknown) => void;
  const w = window as unknown as Record<string, unknown>;
  const invoke = w['__liuzhengInvoke'] as (channel: string, payload: unknown) => Promise<unknown>;
  const listeners = new Map<string, Set<Listener>>();

  const toB64 = (bytes: Uint8Array): string => {
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  };
  const fromB64 = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const encode = (v: unknown): unknown => {
    if (v instanceof Uint8Array) return { __b64: toB64(v) };
    if (Array.isArray(v)) return v.map(encode);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
    return v;
  };
  const decode = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(decode);
    if (v && typeof v === 'object') {
      const rec = v as Record<string, unknown>;
      if (typeof rec['__b64'] === 'string' && Object.keys(rec).length === 1) return fromB64(rec['__b64']);
      return Object.fromEntries(Object.entries(rec).map(([k, x]) => [k, decode(x)]));
    }
    return v;
  };

  const api: Record<string, unknown> = {};
  for (const [method, channel] of Object.entries(spec.methods)) {
    api[method] = async (req: unknown) => decode(await invoke(channel, encode(req)));
  }
  for (const [method, channel] of Object.entries(spec.events)) {
    api[method] = (listener: Listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    };
  }
  w['liuzheng'] = Object.freeze(api);
  w['__liuzhengEmit'] = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(decode(payload)));
}
