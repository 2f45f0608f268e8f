import { useEffect, useRef, useState } from 'react';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import { useThumbnail } from '../common/useBlobUrl';
import { MediaIcon } from '../common/MediaIcon';


export function Thumbnail({ item }: { item: EvidenceRecord }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  // Thumbnails are fetched only once their card scrolls near the viewport.
  useEffect(() => {
    const el = ref.current;
    if (!el || visible) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true), { rootMargin: '300px' });
    io.observe(el);
    return () => io.disconnect();
  }, [visible]);
  const url = useThumbnail(item.sha256, visible && item.hasThumbnail);

  return (
    <div className="thumb" ref={ref}>
      {url ? <img src={url} alt={item.title} draggable={false} /> : <MediaIcon type={item.mediaType} label={item.format.toUpperCase()} />}
    </div>
  );
}
