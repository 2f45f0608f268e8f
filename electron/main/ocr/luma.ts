// Median brightness from a sample of pixels: enough to tell a dark-mode screenshot from a light one.
// Shared by the tesseract preprocessing (greyscale buffers) and the PP-OCR reader (RGB bands).

/** Median luma (0–255) of every 7th pixel of `data`, which holds 1 (grey) or 3 (RGB) bytes a pixel. */
export function medianLuma(data: Uint8Array, channels: 1 | 3): number {
  const hist = new Array<number>(256).fill(0);
  let n = 0;
  for (let i = 0; i + channels - 1 < data.length; i += 7 * channels) {
    const v = channels === 1 ? (data[i] ?? 0) : Math.round(0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0));
    hist[v] = (hist[v] ?? 0) + 1;
    n++;
  }
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v] ?? 0;
    if (seen * 2 >= n) return v;
  }
  return 255;
}
