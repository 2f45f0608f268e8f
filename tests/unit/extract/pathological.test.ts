// Extraction stays linear on text the other party controls (issue 19): each pathological input must
// run within a generous multiple of the realistic rate measured in the same run, so machine load
// cancels out. Quadratic paths (a 50k-space run in one chat message once took 9 s here) fail by orders of magnitude.
import { describe, expect, it } from 'vitest';
import { extractFields, extractFromChatLog, MAX_EXTRACT_CHARS, MAX_MESSAGE_CHARS } from '../../../shared/extract';
import { createRng } from '../../ocr-corpus/rng';
import { asChatLog, pathologicalTexts, realisticText } from '../../support/pathological';

const CHARS = 60_000;
/** Generous: the bench goal is 3×; this only has to catch a return to quadratic time. */
const BOUND = 10;
const SLACK_MS = 100;
const SEED = 20261204;

function ms(run: () => unknown): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}

/** Best of three, so one GC pause or a busy neighbour does not decide the verdict. */
const best = (run: () => unknown): number => Math.min(ms(run), ms(run), ms(run));

const page = (text: string) => () => extractFields({ text }, { capturedAt: '2026-11-20T10:00:00', anchorTrusted: true });
const chat = (text: string) => () => extractFromChatLog(asChatLog(text));

describe('extraction time on pathological text', () => {
  const rng = createRng(SEED);
  const realistic = realisticText(CHARS, rng);
  const cases = pathologicalTexts(CHARS, rng);

  it.each(cases.map((c) => [c.name, c.text] as const))('%s: within the bound of the realistic rate', (name, text) => {
    const pageLimit = best(page(realistic)) * BOUND + SLACK_MS;
    const chatLimit = best(chat(realistic)) * BOUND + SLACK_MS;
    const pageMs = best(page(text));
    const chatMs = best(chat(text));
    expect({ name, pageMs: pageMs <= pageLimit ? 'ok' : pageMs, chatMs: chatMs <= chatLimit ? 'ok' : chatMs }).toEqual({ name, pageMs: 'ok', chatMs: 'ok' });
  }, 120_000);
});

describe('the extraction cap', () => {
  it('reads a page up to MAX_EXTRACT_CHARS and says it cut the rest', () => {
    const id = '3456789012345678901';
    const tail = `\n订单编号：${id}`;
    const short = extractFields({ text: `x${tail}` }, { capturedAt: null, anchorTrusted: false });
    expect(short.truncated).toBeUndefined();
    expect(short.orderNumbers.map((f) => f.value)).toEqual([id]);
    const long = extractFields({ text: ' '.repeat(MAX_EXTRACT_CHARS) + tail }, { capturedAt: null, anchorTrusted: false });
    expect(long.truncated).toBe(true);
    expect(long.orderNumbers).toEqual([]);
  });

  it('reads each chat message up to MAX_MESSAGE_CHARS, and says so', () => {
    const id = '3456789012345678901';
    const log = asChatLog(`${' '.repeat(MAX_MESSAGE_CHARS)} 订单编号：${id}`);
    const result = extractFromChatLog({ ...log, messages: log.messages.slice(0, 1) });
    expect(result.truncated).toBe(true);
    expect(result.orderNumbers).toEqual([]);
    const whole = extractFromChatLog({ ...log, messages: [{ ...log.messages[0], index: 0, line: 1, at: null, sender: '我', text: `订单编号：${id}` }] });
    expect(whole.truncated).toBeUndefined();
    expect(whole.orderNumbers.map((f) => f.value)).toEqual([id]);
  });
});
