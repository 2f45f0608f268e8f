import { readFile, readdir } from 'node:fs/promises';
import { createOcrEngine } from '../../electron/main/ocr/engine';
import { preprocess } from '../../electron/main/ocr/preprocess';
const dir = 'tests/ocr-corpus/images';
const files = (await readdir(dir)).filter((f) => /\.(png|jpg)$/.test(f)).slice(0, 24);
const a = createOcrEngine({ size: 1, idleMs: 0 });
const b = createOcrEngine({ size: 1, idleMs: 0, params: { tessedit_do_invert: '0' } });
await Promise.all([a.warm(), b.warm()]);
let ta = 0, tb = 0;
for (const f of files) {
  const p = await preprocess(await readFile(`${dir}/${f}`));
  const [ra, rb] = [await a.recognize(p.png), await b.recognize(p.png)];
  ta += ra.ms; tb += rb.ms;
  if (ra.text !== rb.text) console.log('diff', f);
}
console.log('default', ta, 'no-invert', tb);
await a.terminate(); await b.terminate();
