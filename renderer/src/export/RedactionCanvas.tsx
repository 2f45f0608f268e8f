import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RedactionTargets } from '../../../shared/bundle/redactionContract';
import { dragToRect, percentBox, type Point, type Size } from '../../../shared/bundle/redactGeometry';
import type { BBox } from '../../../shared/extract/types';
import { useDisplayImage } from '../common/useBlobUrl';
import { useApp } from '../app/StoreContext';

interface Props {
  sha256: string;
  image: Size;
  targets: RedactionTargets | undefined;
  drawn: BBox[];
  skip: number[];
}

const style = (box: BBox, image: Size) => {
  const p = percentBox(box, image);
  return { left: `${p.left}%`, top: `${p.top}%`, width: `${p.width}%`, height: `${p.height}%` };
};

/** The image with its masks drawn over it; dragging on it adds a rectangle in original pixels. */
export function RedactionCanvas({ sha256, image, targets, drawn, skip }: Props) {
  const { t } = useTranslation();
  const url = useDisplayImage(sha256);
  const addDrawnRect = useApp((s) => s.addDrawnRect);
  const removeDrawnRect = useApp((s) => s.removeDrawnRect);
  const layer = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ a: Point; b: Point } | null>(null);

  const at = (e: PointerEvent): { p: Point; display: Size } => {
    const r = layer.current?.getBoundingClientRect();
    return { p: { x: e.clientX - (r?.left ?? 0), y: e.clientY - (r?.top ?? 0) }, display: { width: r?.width ?? 0, height: r?.height ?? 0 } };
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || e.target !== e.currentTarget) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const { p } = at(e);
    setDrag({ a: p, b: p });
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => drag && setDrag({ a: drag.a, b: at(e).p });
  const onUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const { p, display } = at(e);
    const box = dragToRect(drag.a, p, display, image);
    setDrag(null);
    if (box) addDrawnRect(sha256, box);
  };
  const draft = drag && layer.current ? dragToRect(drag.a, drag.b, { width: layer.current.clientWidth, height: layer.current.clientHeight }, image) : null;

  if (url === undefined) return <div className="redact-canvas redact-loading">{t('redaction.loading')}</div>;
  return (
    <div className="redact-canvas" data-testid="redact-canvas">
      {url && <img src={url} alt="" draggable={false} />}
      <div ref={layer} className="redact-layer" data-testid="redact-layer" onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp} onPointerCancel={() => setDrag(null)}>
        {targets?.targets.map((target, i) => (
          <div key={`a${i}`} className={skip.includes(i) ? 'redact-box auto off' : 'redact-box auto'} style={style(target.box, image)} data-testid="redact-auto-box">
            <span className="redact-tag">{i + 1}</span>
          </div>
        ))}
        {drawn.map((box, i) => (
          <div key={`d${i}`} className="redact-box drawn" style={style(box, image)} data-testid="redact-drawn-box">
            <button type="button" className="redact-remove" aria-label={t('redaction.remove')} onClick={() => removeDrawnRect(sha256, i)}>
              ×
            </button>
          </div>
        ))}
        {draft && <div className="redact-box draft" style={style(draft, image)} />}
      </div>
    </div>
  );
}
