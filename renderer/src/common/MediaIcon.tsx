import type { MediaType } from '../../../shared/domain/evidence';

// Inline SVG, not emoji: emoji fonts are missing on many Linux desktops and render as boxes.
const PATHS: Record<MediaType, string> = {
  image: 'M4 5h16v14H4z M4 16l5-5 4 4 3-3 4 4 M15.5 9.5a1.5 1.5 0 1 0 0-.01',
  video: 'M3 6h13v12H3z M16 10l5-3v10l-5-3',
  audio: 'M9 18V6l10-2v12 M9 18a3 3 0 1 1-3-3 3 3 0 0 1 3 3z M19 16a3 3 0 1 1-3-3 3 3 0 0 1 3 3z',
  text: 'M4 5h16v11H9l-5 4z M8 9h8 M8 12h5',
  document: 'M6 3h9l4 4v14H6z M15 3v4h4 M9 12h7 M9 16h7',
  page: 'M3 5h18v14H3z M3 9h18 M6 7h.01 M8.5 7h.01 M7 13h10 M7 16h6',
};

export function MediaIcon({ type, label }: { type: MediaType; label?: string }) {
  return (
    <span className="media-icon">
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" strokeLinecap="round" aria-hidden="true">
        <path d={PATHS[type]} />
      </svg>
      {label && <span>{label}</span>}
    </span>
  );
}
