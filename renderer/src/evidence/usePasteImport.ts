import { useEffect } from 'react';
import { useApp } from '../app/StoreContext';

function isTextTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);
}

/** Ctrl/Cmd+V of a screenshot anywhere on a case page adds it to that case. */
export function usePasteImport(): void {
  const route = useApp((s) => s.route);
  const importInto = useApp((s) => s.importInto);

  useEffect(() => {
    if (route.name !== 'case') return;
    const onPaste = (event: ClipboardEvent) => {
      if (isTextTarget(event.target)) return;
      const image = [...(event.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
      if (!image) return;
      event.preventDefault();
      void image.arrayBuffer().then((buf) =>
        importInto(route.caseId, { via: 'clipboard', bytes: new Uint8Array(buf), mime: image.type }),
      );
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [route, importInto]);
}
