import { describe, expect, it } from 'vitest';
import { MIN_RECT_PX, dragToRect, percentBox, toImagePoint } from './redactGeometry';

const image = { width: 1080, height: 2340 };

describe('toImagePoint', () => {
  const cases = [
    { name: 'half-size preview', p: { x: 100, y: 200 }, display: { width: 540, height: 1170 }, want: { x: 200, y: 400 } },
    { name: 'preview larger than the image', p: { x: 100, y: 200 }, display: { width: 2160, height: 4680 }, want: { x: 50, y: 100 } },
    { name: 'drag past the right/bottom edge is clamped', p: { x: 700, y: 1300 }, display: { width: 540, height: 1170 }, want: { x: 1080, y: 2340 } },
    { name: 'drag past the left/top edge is clamped', p: { x: -30, y: -1 }, display: { width: 540, height: 1170 }, want: { x: 0, y: 0 } },
    { name: 'a collapsed display maps to the origin', p: { x: 5, y: 5 }, display: { width: 0, height: 0 }, want: { x: 0, y: 0 } },
  ];
  for (const c of cases) it(c.name, () => expect(toImagePoint(c.p, c.display, image)).toEqual(c.want));
});

describe('dragToRect', () => {
  const display = { width: 360, height: 780 };
  const cases = [
    { name: 'top-left to bottom-right, one-third scale', a: { x: 10, y: 20 }, b: { x: 110, y: 50 }, want: { x0: 30, y0: 60, x1: 330, y1: 150 } },
    { name: 'dragged up and left gives the same box', a: { x: 110, y: 50 }, b: { x: 10, y: 20 }, want: { x0: 30, y0: 60, x1: 330, y1: 150 } },
    { name: 'fractional pixels grow outward', a: { x: 10.2, y: 20.2 }, b: { x: 20.1, y: 30.1 }, want: { x0: 30, y0: 60, x1: 61, y1: 91 } },
    { name: 'clamped to the image', a: { x: 300, y: 700 }, b: { x: 999, y: 999 }, want: { x0: 900, y0: 2100, x1: 1080, y1: 2340 } },
    { name: 'a click is not a rectangle', a: { x: 50, y: 50 }, b: { x: 50.5, y: 50.5 }, want: null },
    { name: 'a thin line is not a rectangle', a: { x: 50, y: 50 }, b: { x: 150, y: 51 }, want: null },
    { name: 'wholly outside collapses to the edge and is dropped', a: { x: 400, y: 10 }, b: { x: 500, y: 90 }, want: null },
  ];
  for (const c of cases) it(c.name, () => expect(dragToRect(c.a, c.b, display, image)).toEqual(c.want));

  it('the smallest accepted box is MIN_RECT_PX wide and high', () => {
    const box = dragToRect({ x: 0, y: 0 }, { x: MIN_RECT_PX, y: MIN_RECT_PX }, image, image);
    expect(box).toEqual({ x0: 0, y0: 0, x1: MIN_RECT_PX, y1: MIN_RECT_PX });
  });

  it('refuses an image of zero size', () => expect(dragToRect({ x: 0, y: 0 }, { x: 10, y: 10 }, display, { width: 0, height: 0 })).toBeNull());
});

describe('percentBox', () => {
  const cases = [
    { name: 'a box inside the image', box: { x0: 108, y0: 234, x1: 540, y1: 468 }, want: { left: 10, top: 10, width: 40, height: 10 } },
    { name: 'a box overhanging the edges is clipped', box: { x0: -50, y0: 2000, x1: 1200, y1: 2500 }, want: { left: 0, top: (2000 / 2340) * 100, width: 100, height: (340 / 2340) * 100 } },
    { name: 'an inverted box has no area', box: { x0: 500, y0: 500, x1: 400, y1: 400 }, want: { left: (500 / 1080) * 100, top: (500 / 2340) * 100, width: 0, height: 0 } },
  ];
  for (const c of cases) it(c.name, () => expect(percentBox(c.box, image)).toEqual(c.want));
  it('an empty image gives an empty box', () => expect(percentBox({ x0: 1, y0: 1, x1: 2, y1: 2 }, { width: 0, height: 0 })).toEqual({ left: 0, top: 0, width: 0, height: 0 }));
});
