// In-app redaction: the areas to mask on each image are derived here, in main, from the OCR words the
// OCR service stored for that original (the same redactionTargets the CLI runs on fresh OCR), then the
// buyer's edits are applied. The renderer never supplies the OCR areas, so it cannot shrink them
// except by unticking one it was shown.
import { redactionTargets } from '../../../shared/bundle/redact';
import { chosenBoxes } from '../../../shared/bundle/redactionContract';
import type { RedactionChoice, RedactionTargets } from '../../../shared/bundle/redactionContract';
import type { BundleInput } from '../../../shared/bundle/types';
import { ocrStore } from '../ocr/store';

export interface RedactionSource {
  targets(sha256: string): Promise<RedactionTargets>;
}

export function createRedactionSource(vaultDir: string): RedactionSource {
  const store = ocrStore(vaultDir);
  return {
    async targets(sha256) {
      const result = await store.readResult(sha256);
      return { sha256, ocrDone: result !== null, targets: result ? redactionTargets(result.words) : [] };
    },
  };
}

/** The input with every image's `redactions` set from its OCR areas and the buyer's choice for it. */
export async function withRedactions(input: BundleInput, choices: readonly RedactionChoice[], source: RedactionSource): Promise<BundleInput> {
  const bySha = new Map(choices.map((c) => [c.sha256, c]));
  const evidence = await Promise.all(
    input.evidence.map(async (e) => {
      if (e.mediaType !== 'image') return { ...e, redactions: [] };
      const { targets } = await source.targets(e.sha256);
      return { ...e, redactions: chosenBoxes(targets, bySha.get(e.sha256)) };
    }),
  );
  return { ...input, evidence };
}
