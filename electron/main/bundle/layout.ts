// Page geometry and the page model. Sections are laid out first into PageJobs (so every page number
// is known), then each job draws its page; that is what lets the index print and link page numbers.
import type { PDFEmbeddedPage, PDFImage, PDFPage } from 'pdf-lib';
import type { BundleInput } from '../../../shared/bundle/types';
import type { SectionKey } from '../../../shared/bundle/plan';
import { pageLine, sectionTitle } from '../../../shared/bundle/plan';
import { GREY, RULE, SHADE } from './text';
import type { Typesetter } from './text';
import type { Weight } from './text';

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 50, right: 50, top: 56, bottom: 50 } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** The y of the first line under the running header. */
export const TOP = A4.height - MARGIN.top;
export const BOTTOM = MARGIN.bottom;

export interface Location {
  /** 1-based part. */
  part: number;
  /** 1-based page within that part's PDF. */
  page: number;
}

export interface DrawContext {
  ts: Typesetter;
  page: PDFPage;
  pageNo: number;
  pageCount: number;
  /** Where exhibit N starts, in this part or another. */
  locate(exhibit: number): Location | undefined;
  part: number;
  /** A rectangle (x, y, w, h) on this page that jumps to exhibit N. */
  link(rect: [number, number, number, number], exhibit: number): void;
  image(key: string): PDFImage;
  embedded(key: string): PDFEmbeddedPage;
}

export interface PageJob {
  section: SectionKey;
  /** Set on the first page of an exhibit: the outline points there. */
  exhibitStart?: number;
  /** Set on every page of an exhibit: the manifest records its page range and images. */
  exhibit?: number;
  draw(ctx: DrawContext): void;
}

/** What every section's layout needs to know about the part it is in. */
export interface PartContext {
  input: BundleInput;
  ts: Typesetter;
  part: number;
  partCount: number;
  /** 0-based exhibit indices in this part. */
  exhibits: number[];
  fileNames: string[];
  exportedAt: string;
  /** The vault certificate's SHA-256 fingerprint, printed on the cover. */
  fingerprint: string;
}

/** The running header and the page number every page but the cover carries. */
export function drawChrome(ctx: DrawContext, input: BundleInput, section: SectionKey, cover = false): void {
  const { ts, page } = ctx;
  ts.drawCentre(page, pageLine(ctx.pageNo, ctx.pageCount), A4.width / 2, 26, 8.5, { color: GREY });
  if (cover) return;
  const head = `${input.case.title} · ${sectionTitle(section, input.target)}`;
  ts.draw(page, ts.ellipsis(head, 8, CONTENT_WIDTH * 0.75), MARGIN.left, A4.height - 34, 8, { color: GREY });
  ts.drawRight(page, '留证 · 证据材料', A4.width - MARGIN.right, A4.height - 34, 8, { color: GREY });
  page.drawLine({ start: { x: MARGIN.left, y: A4.height - 40 }, end: { x: A4.width - MARGIN.right, y: A4.height - 40 }, thickness: 0.5, color: RULE });
}

export interface Column {
  title: string;
  width: number;
  size?: number;
  weight?: Weight;
}

export interface TableRow {
  cells: string[];
  /** Lines to reserve per cell even when the text is shorter (page-number cells). */
  minLines?: number;
  exhibit?: number | null;
  /** Replaces a cell's text at draw time, once page numbers are known. */
  late?: (ctx: DrawContext) => Partial<Record<number, string>>;
}

const CELL_PAD = 4;
const LINE = 1.45;
/** A cell never grows past this (a purpose pasted from a long essay); the full text is in the letter or the exhibit. */
const MAX_CELL_LINES = 12;

interface Measured {
  row: TableRow;
  lines: string[][];
  height: number;
}

/**
 * A table that flows over as many pages as it needs, repeating its header. `first` is the space the
 * section's title takes on its first page. Returns one draw function per page.
 */
export function layoutTable(ts: Typesetter, columns: Column[], rows: TableRow[], first: number, bodySize = 9): Array<(ctx: DrawContext, top: number) => void> {
  const size = (c: Column) => c.size ?? bodySize;
  const measured: Measured[] = rows.map((row) => {
    const lines = columns.map((c, i) => ts.wrapClipped(row.cells[i] ?? '', size(c), c.width - 2 * CELL_PAD, MAX_CELL_LINES, c.weight));
    const count = Math.max(row.minLines ?? 1, ...lines.map((l) => l.length));
    return { row, lines, height: count * bodySize * LINE + 2 * CELL_PAD };
  });
  const headHeight = bodySize * LINE + 2 * CELL_PAD + 2;
  const pages: Measured[][] = [[]];
  let room = TOP - BOTTOM - first - headHeight;
  for (const m of measured) {
    const current = pages[pages.length - 1] ?? [];
    if (m.height > room && current.length > 0) {
      pages.push([m]);
      room = TOP - BOTTOM - headHeight - m.height;
    } else {
      current.push(m);
      room -= m.height;
    }
  }
  return pages.map((chunk, pi) => (ctx: DrawContext, top: number) => {
    let y = (pi === 0 ? top - first : top) - headHeight;
    const { page } = ctx;
    page.drawRectangle({ x: MARGIN.left, y, width: CONTENT_WIDTH, height: headHeight, color: SHADE });
    let x = MARGIN.left;
    for (const c of columns) {
      ts.draw(page, c.title, x + CELL_PAD, y + CELL_PAD + 3, bodySize, { weight: 'bold' });
      x += c.width;
    }
    for (const m of chunk) {
      y -= m.height;
      const late = m.row.late?.(ctx) ?? {};
      x = MARGIN.left;
      columns.forEach((c, ci) => {
        const replaced = late[ci];
        const lines = replaced === undefined ? (m.lines[ci] ?? []) : ts.wrap(replaced, size(c), c.width - 2 * CELL_PAD, c.weight);
        lines.forEach((line, li) => {
          ts.draw(page, line, x + CELL_PAD, y + m.height - CELL_PAD - (li + 1) * bodySize * LINE + bodySize * 0.35, size(c), { weight: c.weight });
        });
        x += c.width;
      });
      page.drawLine({ start: { x: MARGIN.left, y }, end: { x: MARGIN.left + CONTENT_WIDTH, y }, thickness: 0.5, color: RULE });
      if (m.row.exhibit) ctx.link([MARGIN.left, y, CONTENT_WIDTH, m.height], m.row.exhibit);
    }
  });
}

/** Draws a section title and returns the y under it. */
export function drawTitle(ctx: DrawContext, title: string, top: number, size = 17): number {
  ctx.ts.draw(ctx.page, title, MARGIN.left, top - size, size, { weight: 'bold' });
  return top - size - 14;
}

