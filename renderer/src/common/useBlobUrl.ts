import { useEffect, useState } from 'react';

// Thumbnails are small and revisited constantly while scrolling, so they are cached for the session.
const thumbCache = new Map<string, Promise<string | null>>();

export function thumbnailUrl(sha256: string): Promise<string | null> {
  let pending = thumbCache.get(sha256);
  if (!pending) {
    pending = window.liuzheng.readThumbnail({ sha256 }).then((res) =>
      res.ok ? URL.createObjectURL(new Blob([res.value.slice()], { type: 'image/webp' })) : null,
    );
    thumbCache.set(sha256, pending);
  }
  return pending;
}

export function useThumbnail(sha256: string, enabled: boolean): string | null | undefined {
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void thumbnailUrl(sha256).then((u) => live && setUrl(u));
    return () => {
      live = false;
    };
  }, [sha256, enabled]);
  return url;
}

/** The full-size display copy, released as soon as the viewer closes. */
export function useDisplayImage(sha256: string | null): string | null | undefined {
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (!sha256) return;
    let live = true;
    let made: string | null = null;
    setUrl(undefined);
    void window.liuzheng.readDisplay({ sha256 }).then((res) => {
      made = res.ok ? URL.createObjectURL(new Blob([res.value.bytes.slice()], { type: res.value.mime })) : null;
      if (live) setUrl(made);
      else if (made) URL.revokeObjectURL(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [sha256]);
  return url;
}
