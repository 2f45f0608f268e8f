// bench:vault — how long the case list and a case page take to become interactive, in the real
// renderer on Chromium's real IndexedDB, with 10,000 evidence items, next to a near-empty baseline.
import { chromium, type Page } from '@playwright/test';
import { attachApp } from '../tests/e2e/harness/attach';
import { chromiumLaunchOptions } from '../tests/support/chromium';
import { chatSvg, orderPageSvg, png } from '../tests/support/screens';
import type { BlobInfo } from '../shared/domain/evidence';

const RUNS = 5;
const GOALS = { list: 1000, casePage: 500 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Writes straight into the app's IndexedDB, as years of use would have, bypassing import. */
async function seed(page: Page, blobs: BlobInfo[], total: number, cases: number): Promise<string> {
  return page.evaluate(
    async ({ blobs, total, cases }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('liuzheng');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['cases', 'evidence', 'events'], 'readwrite');
      const pad = (n: number) => String(n).padStart(2, '0');
      const caseIds = Array.from({ length: cases }, (_, i) => `bench-case-${i}`);
      caseIds.forEach((id, i) =>
        tx.objectStore('cases').put({
          id, title: `压测案件 ${i + 1}`, platform: 'taobao', shop: '星辰数码专营店', item: '游戏点卡', orderNumber: `34567890123456${String(i).padStart(5, '0')}`,
          amount: '149.90', purchasedAt: '2026-11-01T10:00', signedAt: '', goodsType: 'virtual', virtualState: 'used', issueType: 'invalid-code',
          remedy: '全额退款', status: 'collecting', createdAt: '2026-11-01T10:00:00', updatedAt: `2026-11-${pad((i % 28) + 1)}T10:00:00`,
        }),
      );
      for (let i = 0; i < total; i++) {
        // Half of everything sits in the first case: the worst case page a buyer can open.
        const caseId = i % 2 === 0 ? (caseIds[0] ?? '') : (caseIds[1 + (i % (cases - 1))] ?? '');
        const blob = blobs[i % blobs.length];
        const at = `2026-${pad(1 + (i % 11))}-${pad(1 + (i % 28))}T${pad(i % 24)}:${pad(i % 60)}:${pad((i * 7) % 60)}`;
        tx.objectStore('evidence').put({ ...blob, id: `bench-ev-${i}`, caseId, kind: 'chat', title: `截图 ${i}`, note: '', importedAt: at, importSource: 'dialog' });
        tx.objectStore('events').put({ id: `bench-e-${i}`, caseId, at, type: 'evidence-added', evidenceId: `bench-ev-${i}`, detail: `截图 ${i}` });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return caseIds[0] ?? '';
    },
    { blobs, total, cases },
  );
}

async function timeCaseList(page: Page): Promise<number> {
  await page.reload();
  await page.locator('[data-testid="case-list"][data-ready="true"]').waitFor();
  await page.getByTestId('case-row').first().waitFor();
  return page.evaluate(() => performance.now());
}

async function timeCasePage(page: Page, title: string): Promise<number> {
  await timeCaseList(page);
  const t0 = await page.evaluate(() => performance.now());
  await page.getByTestId('case-row').filter({ hasText: title }).first().click();
  await page.locator('[data-testid="case-page"][data-ready="true"]').waitFor();
  await page.getByTestId('evidence-card').first().waitFor();
  return (await page.evaluate(() => performance.now())) - t0;
}

async function measure(total: number, cases: number) {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const app = await attachApp(page);
  try {
    const batch = await app.vault().importBuffers('bench', await Promise.all(
      Array.from({ length: 12 }, async (_, i) => ({ name: `seed-${i}.png`, lastModified: Date.now(), bytes: await png(i % 2 ? chatSvg([['me', `第 ${i} 条消息`]]) : orderPageSvg({ order: `34567890123456789${String(i).padStart(2, '0')}` })) })),
    ), 'drop');
    await app.goto();
    await seed(page, batch.items.map((it) => it.blob), total, cases);
    const list: number[] = [];
    const casePage: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      list.push(await timeCaseList(page));
      casePage.push(await timeCasePage(page, '压测案件 1'));
    }
    if (app.externalRequests.length > 0) throw new Error(`network requests during bench: ${app.externalRequests.join(', ')}`);
    return { list: median(list), casePage: median(casePage) };
  } finally {
    await browser.close();
    await app.dispose();
  }
}

const baseline = await measure(10, 2);
const loaded = await measure(10_000, 50);
const row = (name: string, b: number, l: number, goal: number) =>
  `${name.padEnd(34)}${b.toFixed(0).padStart(12)}${l.toFixed(0).padStart(14)}${String(goal).padStart(10)}   ${l <= goal ? 'ok' : 'OVER GOAL'}`;
console.log(`bench:vault — median of ${RUNS} runs, ms until interactive (real Chromium + IndexedDB)`);
console.log(`${'metric'.padEnd(34)}${'baseline(10)'.padStart(12)}${'10k items'.padStart(14)}${'goal'.padStart(10)}`);
console.log(row('case list (reload → rows shown)', baseline.list, loaded.list, GOALS.list));
console.log(row('case page (click → first cards)', baseline.casePage, loaded.casePage, GOALS.casePage));
