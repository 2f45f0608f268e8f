// `scan` reads saved pages without a browser: the same JSON as for screenshots, plus the page's own
// provenance and its refund clauses; a damaged page gets an error line naming the problem.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScan } from '../../../cli/commands/scan';
import { POLICY_TITLE, POLICY_URL, gbk, mhtml, policyHtml } from '../../support/pages';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-scan-page-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('scan <page>', () => {
  it('prints fields, text, provenance and clauses for MHTML and GBK HTML, and an error line for a cut-off file', async () => {
    const files = {
      'policy.mhtml': mhtml(),
      'policy.html': Buffer.from(gbk(policyHtml({ charset: 'gbk' }))),
      'cut.mht': mhtml({ truncate: true }),
    };
    for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), bytes);
    const out = await runScan(Object.keys(files).map((f) => path.join(dir, f)));
    expect(out.exitCode).toBe(1);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    const [m, h, cut] = lines;
    expect(m).toMatchObject({ capturedAt: '2026-12-04T16:05:09', kind: 'policy', platform: 'kameng', scam: false, page: { format: 'mhtml', url: POLICY_URL, title: POLICY_TITLE } });
    expect(String(m?.['text'])).toContain('退款申请将在2个工作日内审核');
    const clauses = m?.['clauses'] as { quote: string; period: { length: number; unit: string } | null }[];
    expect(clauses.find((c) => c.period?.unit === 'working-days')).toMatchObject({ quote: '第三条 退款申请将在2个工作日内审核，审核通过后原路退回。', period: { length: 2 } });
    expect(m?.['orderNumbers']).toEqual(['20261115203107123456']);
    expect(h).toMatchObject({ kind: 'policy', page: { format: 'html', url: POLICY_URL, title: POLICY_TITLE, savedAt: null } });
    expect(String(h?.['text'])).toContain('先行赔付');
    expect(cut).toEqual({ file: path.join(dir, 'cut.mht'), error: expect.stringMatching(/truncated/) });
  }, 30_000);
});
