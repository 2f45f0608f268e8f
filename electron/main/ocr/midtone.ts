// Solid mid-grey areas holding dark text. Dark mode's own-message bubble in QQ (white on #0c6ed8)
// is about 143 grey after inversion, its text near 0: the global threshold (200) makes both black,
// and the flip in polarity.ts then wipes the bubble and its text together. Such areas are found
// before that (mostly 120–199 grey, big and filled) and thresholded on their own fill instead.
// Mid-grey areas whose text is lighter than the fill (an orange banner with white text) are left
// to the flip, which already handles them.
import type { Bitmap } from './polarity';
import { MIN_FILL, MIN_SIDE_SHARE, components, solidAreas } from './polarity';

/** Darker than this is text (or a dark solid such as an avatar), not a mid-grey fill. */
export const MIDTONE_LOW = 120;
/** The local threshold sits at this share of the area's fill level, as 200 sits of a white page's 255. */
const LOCAL_SHARE = 0.78;
/** Dark text is below this share of the fill level (QQ's inverted bubble: fill ~143, text under 40). */
const TEXT_SHARE = 0.6;

/**
 * Re-thresholds, in `binary` (the globally thresholded image, 0 = ink), each solid mid-grey area of
 * `grey` whose enclosed text is darker than its fill. `high` is the global threshold. Returns how
 * many areas were re-thresholded.
 */
export function rethresholdMidtones(grey: Bitmap, binary: Bitmap, high: number): number {
  const { width, height } = grey;
  const data = new Uint8Array(grey.data.length);
  let inBand = 0;
  for (let i = 0; i < data.length; i++) {
    const v = grey.data[i] ?? 255;
    if (v >= MIDTONE_LOW && v < high) inBand++;
    else data[i] = 255;
  }
  // Too few mid-grey pixels for even one solid area (polarity.ts's smallest): most pages stop here.
  if (inBand < MIN_FILL * (width * MIN_SIDE_SHARE) ** 2) return 0;
  const found = solidAreas({ data, width, height });
  if (found.areas === 0) return 0;
  const { mask, w, h } = found;
  const order = new Int32Array(w * h);
  let done = 0;
  for (const c of components(mask, w, h, order)) {
    // Full-resolution pixels under the component's half-resolution ones.
    const pixels: number[] = [];
    for (let k = c.start; k < c.end; k++) {
      const p = order[k] ?? 0;
      const hx = p % w;
      const hy = (p - hx) / w;
      for (let dy = 0; dy < 2; dy++) for (let dx = 0; dx < 2; dx++) pixels.push((2 * hy + dy) * width + 2 * hx + dx);
    }
    let fill = 0;
    let fillCount = 0;
    for (const i of pixels) {
      const v = grey.data[i] ?? 255;
      if (v >= MIDTONE_LOW && v < high) {
        fill += v;
        fillCount++;
      }
    }
    if (fillCount === 0) continue;
    // Text is far from the fill; a banner's gradient running a little below the band is neither.
    const textBelow = TEXT_SHARE * (fill / fillCount);
    let dark = 0;
    let light = 0;
    for (const i of pixels) {
      const v = grey.data[i] ?? 255;
      if (v < textBelow) dark++;
      else if (v >= high) light++;
    }
    if (dark <= light) continue;
    const t = LOCAL_SHARE * (fill / fillCount);
    for (const i of pixels) binary.data[i] = (grey.data[i] ?? 255) < t ? 0 : 255;
    done++;
  }
  return done;
}
