// Page rendering for the app: one page at a time (each render is a browser tab), in a render folder
// of its own under the app's temp folder, the only place the render session may read.
import path from 'node:path';
import type { RenderHost } from './cdp';
import { renderSavedPage, type PageSource } from './render';

export interface PageRendering {
  preview(source: PageSource): Promise<Buffer>;
  print(source: PageSource): Promise<Uint8Array>;
}

export function createPageRendering(hostFor: (renderRoot: string) => RenderHost, tempDir: string): PageRendering {
  const root = path.join(tempDir, 'render');
  let host: RenderHost | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const one = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const render = (source: PageSource, want: { png: boolean; pdf: boolean }) =>
    one(() => renderSavedPage((host ??= hostFor(root)), source, root, want));
  return {
    async preview(source) {
      const out = await render(source, { png: true, pdf: false });
      if (!out.png || out.png.length === 0) throw new Error('The page could not be rendered.');
      return out.png;
    },
    async print(source) {
      const out = await render(source, { png: false, pdf: true });
      if (!out.pdf || out.pdf.length === 0) throw new Error('The page could not be printed.');
      return out.pdf;
    },
  };
}
