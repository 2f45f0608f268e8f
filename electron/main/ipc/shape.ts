// A cheap structural check before any schema runs. zod walks whatever it is given: a strict object
// schema handed a 50 MB Uint8Array enumerates fifty million index keys, and an object with 100 000
// fields costs a quarter second per call. Requests are small trees of plain objects, arrays and
// primitives, with binary data only under a "bytes" key, so anything else is refused up front.
const MAX_DEPTH = 32;
/** Objects and arrays in one request; a reconcile of a million records is one array, not a million nodes. */
const MAX_NODES = 2_000_000;
const MAX_KEYS = 256;

/** Why `raw` cannot be a request, or null when it is shaped like one. */
export function requestShapeProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Object.getPrototypeOf(raw) !== Object.prototype) return 'the request must be a plain object';
  const stack: Array<{ value: object; depth: number; key: string | null }> = [{ value: raw, depth: 0, key: null }];
  let nodes = 0;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, depth, key } = next;
    if (++nodes > MAX_NODES) return 'the request is too large';
    if (depth > MAX_DEPTH) return 'the request is nested too deeply';
    if (value instanceof Uint8Array) {
      if (key !== 'bytes') return 'binary data is only accepted as file bytes';
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    const children: Array<[string | null, unknown]> = [];
    if (Array.isArray(value) && proto === Array.prototype) {
      for (const item of value) if (typeof item === 'object' && item !== null) children.push([null, item]);
    } else if (proto === Object.prototype || proto === null) {
      const keys = Object.keys(value);
      if (keys.length > MAX_KEYS) return 'an object in the request has too many fields';
      for (const k of keys) children.push([k, Reflect.get(value, k)]);
    } else {
      return 'the request holds an object of a kind the app never sends';
    }
    for (const [k, child] of children) if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1, key: k });
  }
  return null;
}
