// The buyer's redaction edits for the export being prepared: which OCR-found areas (listed by main)
// to leave out and which rectangles they drew, per image, in original pixels. Reset with the dialog.
import { chosenBoxes } from '../../../shared/bundle/redactionContract';
import type { RedactionChoice, RedactionTargets } from '../../../shared/bundle/redactionContract';
import type { BBox } from '../../../shared/extract/types';
import type { Slice } from '../store/types';

export type RedactionEdits = Record<string, { drawn: BBox[]; skip: number[] }>;

export interface RedactionSlice {
  redactionOpen: boolean;
  redactionTargets: Record<string, RedactionTargets>;
  redactionEdits: RedactionEdits;
  setRedactionOpen: (open: boolean) => void;
  /** Asks main what OCR found on these images; already-known ones that had finished OCR are kept. */
  loadRedactionTargets: (shas: string[]) => Promise<void>;
  addDrawnRect: (sha256: string, box: BBox) => void;
  removeDrawnRect: (sha256: string, index: number) => void;
  toggleRedactionTarget: (sha256: string, index: number) => void;
  resetRedactions: () => void;
}

const edit = (edits: RedactionEdits, sha: string) => edits[sha] ?? { drawn: [], skip: [] };

/** The edits as the export request carries them: only images the buyer changed. */
export function redactionChoices(edits: RedactionEdits): RedactionChoice[] {
  return Object.entries(edits)
    .filter(([, e]) => e.drawn.length > 0 || e.skip.length > 0)
    .map(([sha256, e]) => ({ sha256, drawn: e.drawn, skip: e.skip }));
}

/** How many areas will be masked on one image. */
export function maskedCount(targets: RedactionTargets | undefined, e: RedactionEdits[string] | undefined): number {
  return chosenBoxes(targets?.targets ?? [], e).length;
}

export const redactionSlice: Slice<RedactionSlice> = (deps) => (set, get) => ({
  redactionOpen: false,
  redactionTargets: {},
  redactionEdits: {},
  setRedactionOpen: (redactionOpen) => set({ redactionOpen }),

  async loadRedactionTargets(shas) {
    const known = get().redactionTargets;
    const wanted = shas.filter((s) => !known[s]?.ocrDone);
    const found = await Promise.all(wanted.map((sha256) => deps.api.redactionTargets({ sha256 })));
    const next = { ...get().redactionTargets };
    for (const res of found) if (res.ok) next[res.value.sha256] = res.value;
    set({ redactionTargets: next });
  },

  addDrawnRect: (sha, box) =>
    set((s) => {
      const e = edit(s.redactionEdits, sha);
      return { redactionEdits: { ...s.redactionEdits, [sha]: { ...e, drawn: [...e.drawn, box] } } };
    }),

  removeDrawnRect: (sha, index) =>
    set((s) => {
      const e = edit(s.redactionEdits, sha);
      return { redactionEdits: { ...s.redactionEdits, [sha]: { ...e, drawn: e.drawn.filter((_, i) => i !== index) } } };
    }),

  toggleRedactionTarget: (sha, index) =>
    set((s) => {
      const e = edit(s.redactionEdits, sha);
      const skip = e.skip.includes(index) ? e.skip.filter((i) => i !== index) : [...e.skip, index].sort((a, b) => a - b);
      return { redactionEdits: { ...s.redactionEdits, [sha]: { ...e, skip } } };
    }),

  resetRedactions: () => set({ redactionOpen: false, redactionTargets: {}, redactionEdits: {} }),
});
