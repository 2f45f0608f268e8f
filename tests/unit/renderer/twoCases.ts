// The starting point the case-view and undo tests share: two cases (甲店 on taobao, 乙店 on jd), one
// screenshot imported into the first through main's real vault, recorded and indexed by the real
// store, and the first case open.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EMPTY_CASE_INPUT } from '../../../shared/domain/caseForm';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import { planImport } from '../../../shared/domain/importPlan';
import { searchInput } from '../../../shared/search/document';
import { pngBytes } from '../main/fixtures';
import type { MainInProcess } from './mainInProcess';
import type { TestStore } from './testStore';

export async function twoCasesAndOneScreenshot(app: TestStore, main: MainInProcess, dir: string): Promise<{ caseA: string; caseB: string; item: EvidenceRecord }> {
  const s = app.store.getState();
  const caseA = await s.saveCase({ ...EMPTY_CASE_INPUT, title: '甲店', platform: 'taobao', issueType: 'other' });
  const caseB = await s.saveCase({ ...EMPTY_CASE_INPUT, title: '乙店', platform: 'jd', issueType: 'other' });
  const file = path.join(dir, '订单截图.png');
  await writeFile(file, await pngBytes(40, 30));
  const batch = await main.vault.importPaths(caseA, [file], 'dialog');
  const plan = planImport(batch, caseA, new Map(), { now: app.deps.now(), newId: app.deps.newId, caseTitle: '甲店' });
  await app.deps.repo.addEvidence(plan.records, plan.events, [caseA], app.deps.now());
  const item = plan.records[0];
  if (!item) throw new Error('nothing imported');
  await app.deps.search.upsert(searchInput(item, undefined));
  await app.store.getState().navigate({ name: 'case', caseId: caseA });
  return { caseA, caseB, item };
}
