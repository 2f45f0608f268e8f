import type { ReviewField } from '../../../shared/domain/review';

interface Props {
  url: string;
  alt: string;
  /** The original's pixel size: word boxes are in those coordinates. */
  width: number;
  height: number;
  fields: ReviewField[];
  active: string | null;
}

/** The display copy with each extracted field outlined where OCR read it. */
export function HighlightedImage({ url, alt, width, height, fields, active }: Props) {
  return (
    <div className="highlight-wrap">
      <img src={url} alt={alt} data-testid="viewer-image" />
      {fields.map((f) =>
        f.box && f.status !== 'deleted' ? (
          <span
            key={f.key}
            className={`field-box field-${f.type}${active === f.key ? ' active' : ''}`}
            data-testid="field-box"
            // Percentages keep the boxes on the text whatever size the image is drawn at.
            style={{
              left: `${(f.box.x0 / width) * 100}%`,
              top: `${(f.box.y0 / height) * 100}%`,
              width: `${((f.box.x1 - f.box.x0) / width) * 100}%`,
              height: `${((f.box.y1 - f.box.y0) / height) * 100}%`,
            }}
          />
        ) : null,
      )}
    </div>
  );
}
