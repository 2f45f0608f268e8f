// Size-driven splitting. The plan packs exhibits by their measured encoded size plus the measured
// weight of a part's front matter; the render is then measured, and a part that still comes out over
// the limit hands its last exhibit to the next part. No exhibit is dropped: one that cannot fit even
// alone (after trying lower image quality) stops the export before anything is written.
import type { OversizeExhibit } from '../../../shared/bundle/contract';
import { splitIntoParts } from '../../../shared/bundle/plan';
import type { PreparedExhibit } from './assets';
import { ENCODE_LEVELS } from './assets';
import type { RenderResult } from './document';
import { BundleError } from './errors';

export interface SplitContext {
  prepared: PreparedExhibit[];
  render(parts: number[][]): Promise<RenderResult>;
  /** The exhibit at 0-based `index` prepared at a lower quality level, or null when there is none. */
  reprepare(index: number, level: number): Promise<PreparedExhibit | null>;
}

export interface Overhead {
  first: number;
  other: number;
}

export interface PartPlan {
  parts: number[][];
  oversize: OversizeExhibit[];
  overhead: Overhead;
}

/** Front matter is measured by rendering two parts with no exhibits; the margin covers the index's page column. */
export async function measureOverhead(ctx: SplitContext): Promise<Overhead> {
  const r = await ctx.render([[], []]);
  const [first, other] = r.parts.map((p) => Math.ceil(p.bytes.length * 1.02) + 8192);
  return { first: first ?? 0, other: other ?? 0 };
}

const levelOf = (x: PreparedExhibit) => (x.asset.type === 'image' || x.asset.type === 'video' ? x.asset.level : ENCODE_LEVELS.length - 1);

async function lowerUntilFits(ctx: SplitContext, index: number, room: number): Promise<boolean> {
  for (;;) {
    const x = ctx.prepared[index];
    if (!x) return false;
    if (x.estimate <= room) return true;
    const next = await ctx.reprepare(index, levelOf(x) + 1);
    if (next === null) return false;
    ctx.prepared[index] = next;
  }
}

const oversizeOf = (x: PreparedExhibit): OversizeExhibit => ({ no: x.no, title: x.evidence.title, bytes: x.estimate });

export async function planParts(ctx: SplitContext, limit: number | null): Promise<PartPlan> {
  const all = ctx.prepared.map((_, i) => i);
  if (limit === null) return { parts: [all], oversize: [], overhead: { first: 0, other: 0 } };
  const overhead = await measureOverhead(ctx);
  if (overhead.other >= limit || overhead.first >= limit) {
    throw new BundleError('oversize', `文件大小限制过小：封面、目录和清单本身就需要约 ${Math.ceil(overhead.first / 1024)} KB。`);
  }
  const oversize: OversizeExhibit[] = [];
  for (const i of all) {
    if (!(await lowerUntilFits(ctx, i, limit - overhead.other))) {
      const x = ctx.prepared[i];
      if (x) oversize.push(oversizeOf(x));
    }
  }
  const split = splitIntoParts(
    ctx.prepared.map((x) => x.estimate),
    { limit, overheadFirst: overhead.first, overheadOther: overhead.other },
  );
  return { parts: split.parts, oversize, overhead };
}

export function oversizeError(oversize: readonly OversizeExhibit[], limit: number): BundleError {
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  const list = oversize.map((o) => `证据${o.no}（${o.title}，约 ${mb(o.bytes)}）`).join('、');
  return new BundleError('oversize', `${list}单独一份也超过 ${mb(limit)} 的限制。请选择更大的限制或“不限制”，或另行提交原文件。`, { oversize: [...oversize] });
}

/**
 * Renders and measures; moves the last exhibit of an over-limit part into the next one until every
 * part fits. A part holding a single exhibit that is still too big gets that exhibit at lower quality.
 */
export async function renderWithinLimit(ctx: SplitContext, planned: number[][], limit: number | null): Promise<{ result: RenderResult; parts: number[][] }> {
  const parts = planned.map((p) => [...p]);
  const attempts = 2 * ctx.prepared.length + 6;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const result = await ctx.render(parts);
    if (limit === null) return { result, parts };
    const over = result.parts.findIndex((p) => p.bytes.length > limit);
    if (over === -1) return { result, parts };
    const part = parts[over] ?? [];
    const last = part[part.length - 1];
    if (last === undefined) throw new BundleError('oversize', '文件大小限制过小：封面、目录和清单本身就超过了限制。');
    if (part.length > 1 || over === 0) {
      part.pop();
      const next = parts[over + 1];
      if (next) next.unshift(last);
      else parts.push([last]);
      continue;
    }
    const x = ctx.prepared[last];
    const lower = x ? await ctx.reprepare(last, levelOf(x) + 1) : null;
    if (lower === null) throw oversizeError(x ? [oversizeOf(x)] : [], limit);
    ctx.prepared[last] = lower;
  }
  throw new BundleError('oversize', '无法在文件大小限制内排版证据材料，请选择更大的限制。');
}
