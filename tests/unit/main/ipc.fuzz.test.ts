// The renderer is the least trusted part of the app. Every channel of the real dispatcher is fed
// malformed, oversized and deeply nested arguments, and unknown channel names: each gets a schema error
// as a Result, no handler runs, and dispatch never throws. A static walk of the schemas keeps every
// string and array bounded, so a 50 MB string cannot reach a handler through a field nobody capped.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { ipcError } from '../../../electron/main/ipc/errors';
import type { Handlers } from '../../../shared/ipc/contract';
import { requestSchemas } from '../../../shared/ipc/schemas';
import { caseOf } from '../../fixtures/bundle';

const calls: string[] = [];
/** Every handler records that it ran; the fuzzed calls must never get that far. */
const handlers = new Proxy({} satisfies Partial<Handlers>, {
  get: (_t, channel) => async () => {
    calls.push(String(channel));
    return null;
  },
}) as Handlers;

const CHANNELS = Object.keys(requestSchemas);
const MB = 1024 * 1024;
const huge = 'x'.repeat(50 * MB);

function nested(depth: number): unknown {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = { caseId: v, sha256: [v] };
  return v;
}

const MALFORMED: Array<[string, unknown]> = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['NaN', Number.NaN],
  ['a boolean', true],
  ['a 50 MB string', huge],
  ['an array', [1, 2, 3]],
  ['a million-element array', new Array(1_000_000).fill(0)],
  ['a 100000-deep object', nested(100_000)],
  ['an object with 100000 keys', Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]))],
  ['a Uint8Array of 50 MB', new Uint8Array(50 * MB)],
  ['a Date', new Date()],
  ['a Map', new Map([['caseId', 'c']])],
  ['a 50 MB Uint8Array where an object belongs', { input: new Uint8Array(50 * MB), caseId: 'c' }],
  ['a typed array that is not bytes', { caseId: 'c', files: [{ name: 'a', lastModified: 0, bytes: new Float64Array(8) }] }],
  ['a __proto__ payload', JSON.parse('{"__proto__":{"polluted":true},"caseId":{"__proto__":null}}')],
  ['every field a 50 MB string', Object.fromEntries(['caseId', 'sha256', 'originalName', 'id', 'input', 'knownSha256', 'files', 'bytes', 'mime'].map((k) => [k, huge]))],
];

async function expectRefused(channel: string, raw: unknown): Promise<string> {
  const before = calls.length;
  const res = await dispatch(handlers, channel, raw, ipcError);
  expect(res.ok).toBe(false);
  expect(calls.length).toBe(before);
  if (res.ok) return '';
  expect(res.error.message.length).toBeLessThanOrEqual(2000);
  return res.error.code;
}

describe('dispatch under fuzzing', () => {
  it.each(MALFORMED)('%s on every channel → invalid-request, no handler runs', async (_label, raw) => {
    for (const channel of CHANNELS) expect(await expectRefused(channel, raw)).toBe('invalid-request');
  });

  it.each([
    '',
    'vault:nope',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    'toString',
    'vault:importFiles\u0000',
    'VAULT:IMPORTFILES',
    'x'.repeat(10 * MB),
  ])('unknown channel %j → unknown-channel, with a short message', async (channel) => {
    expect(await expectRefused(channel, { caseId: 'c' })).toBe('unknown-channel');
  });

  it.each([
    ['vault:openEvidence', { sha256: 'a'.repeat(64), originalName: huge }],
    ['vault:importClipboardImage', { caseId: 'c', bytes: new Uint8Array(4), mime: `image/${huge}` }],
    ['vault:reconcile', { knownSha256: new Array(1_000_001).fill('a'.repeat(64)) }],
    ['vault:importDropped', { caseId: 'c', files: Array.from({ length: 501 }, () => ({ name: 'a.png', lastModified: 0, bytes: new Uint8Array(1) })) }],
    ['vault:readThumbnail', { sha256: '../../../../etc/passwd' }],
    ['vault:importFiles', { caseId: '../../etc' }],
    ['vault:importFiles', { caseId: 'c', extra: 'not allowed' }],
  ])('%s with one oversized or hostile field → invalid-request', async (channel, raw) => {
    expect(await expectRefused(channel, raw)).toBe('invalid-request');
  });

  it('a 50 MB statement in an otherwise valid bundle request is refused', async () => {
    const input = { target: 'platform', case: caseOf({ statement: huge }), complainant: { name: '', phone: '', address: '' }, respondent: { name: '', address: '' }, evidence: [], events: [] };
    expect(await expectRefused('bundle:preflight', { input, maxBytes: null })).toBe('invalid-request');
  });

  it('a handler that throws anything becomes an error Result, never a throw out of dispatch', async () => {
    const throwing = (value: unknown): Handlers =>
      new Proxy({} satisfies Partial<Handlers>, {
        get: () => () => {
          throw value;
        },
      }) as Handlers;
    for (const value of [new Error('boom /home/me/vault/blobs/x'), 'a string', null, undefined, Object.assign(new Error('x'), { code: 'ENOSPC' })]) {
      const res = await dispatch(throwing(value), 'vault:info', {}, ipcError);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.message).not.toContain('/home/me');
    }
    const res = await dispatch(throwing(Object.assign(new Error('x'), { code: 'ENOSPC' })), 'vault:info', {}, ipcError);
    expect(res).toEqual({ ok: false, error: { code: 'disk-full', message: 'There is not enough disk space.' } });
  });
});

/** Strings and arrays in a JSON schema that have no upper bound. */
function unbounded(node: unknown, where: string, out: string[]): string[] {
  if (Array.isArray(node)) node.forEach((n, i) => unbounded(n, `${where}[${i}]`, out));
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return out;
  const type = Reflect.get(node, 'type');
  const pattern: unknown = Reflect.get(node, 'pattern');
  // A pattern bounds the length only when, outside character classes, it repeats nothing without limit.
  const boundedPattern = typeof pattern === 'string' && !/[+*]|\{\d+,\}/.test(pattern.replace(/\\./g, '').replace(/\[[^\]]*\]/g, ''));
  const fixed = Reflect.get(node, 'enum') !== undefined || Reflect.get(node, 'const') !== undefined;
  if (type === 'string' && Reflect.get(node, 'maxLength') === undefined && !boundedPattern && !fixed) out.push(`${where}: string`);
  if (type === 'array' && Reflect.get(node, 'maxItems') === undefined) out.push(`${where}: array`);
  for (const [k, v] of Object.entries(node)) unbounded(v, `${where}.${k}`, out);
  return out;
}

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

describe('every request schema is bounded', () => {
  it('the check finds an unbounded string, array or open-ended pattern', () => {
    const loose = z.object({ a: z.string(), b: z.array(z.number()).max(3), c: z.string().regex(/^image\/[a-z]+$/), d: z.array(z.string().max(3)) });
    expect(unbounded(jsonSchema(loose), 'loose', [])).toEqual([
      'loose.properties.a: string',
      'loose.properties.c: string',
      'loose.properties.d: array',
    ]);
  });

  it.each(CHANNELS)('%s', (channel) => {
    const schema: z.ZodType = requestSchemas[channel as keyof typeof requestSchemas];
    expect(unbounded(jsonSchema(schema), channel, [])).toEqual([]);
  });
});
