// npm run bench:extract — extraction speed in ms per MB of text, for realistic OCR/chat text and for
// text written to stall the app (issue 19). Goal: every input within 3× the realistic rate.
// A fresh seed each run (printed); pass --seed N to repeat one.
import { extractFields, extractFromChatLog } from '../shared/extract';
import { createRng } from '../tests/ocr-corpus/rng';
import { asChatLog, pathologicalTexts, realisticText } from '../tests/support/pathological';

const args = process.argv.slice(2);
const seedArg = args.indexOf('--seed');
const seed = seedArg >= 0 ? Number(args[seedArg + 1]) : Math.floor(Math.random() * 2 ** 31);
const CHARS = 256 * 1024;
const GOAL = 3;

const rng = createRng(seed);
const realistic = realisticText(CHARS, rng);
const cases = [{ name: 'realistic (order pages and chats)', text: realistic }, ...pathologicalTexts(CHARS, rng)];

function best(run: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    run();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const perMb = (ms: number, text: string): number => ms / (Buffer.byteLength(text, 'utf8') / 1024 / 1024);
const page = (text: string) => best(() => extractFields({ text }, { capturedAt: '2026-11-20T10:00:00', anchorTrusted: true }));
const chat = (text: string) => best(() => extractFromChatLog(asChatLog(text)));

const base = { page: perMb(page(realistic), realistic), chat: perMb(chat(realistic), realistic) };
console.log(`bench:extract — seed ${seed}, ${CHARS / 1024}K characters per input, best of 3; goal: every input ≤ ${GOAL}× the realistic rate`);
console.log(`${'input'.padEnd(44)} ${'page ms/MB'.padStart(11)} ${'×'.padStart(6)} ${'chat ms/MB'.padStart(11)} ${'×'.padStart(6)}`);
let worst = 0;
for (const c of cases) {
  const p = perMb(page(c.text), c.text);
  const q = perMb(chat(c.text), c.text);
  worst = Math.max(worst, p / base.page, q / base.chat);
  console.log(`${c.name.padEnd(44)} ${p.toFixed(0).padStart(11)} ${(p / base.page).toFixed(2).padStart(6)} ${q.toFixed(0).padStart(11)} ${(q / base.chat).toFixed(2).padStart(6)}`);
}
console.log(`worst ratio ${worst.toFixed(2)}× — ${worst <= GOAL ? 'within' : 'OVER'} the ${GOAL}× goal`);
