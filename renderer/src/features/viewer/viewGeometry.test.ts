import { describe, expect, it } from 'vitest';
import { boxInView, fitWidthScale, imagePlacement, MAX_ZOOM, MIN_ZOOM, rotatedSize, rotateView, zoomIn, zoomOut, type BBox, type ViewRotation } from './viewGeometry';

const page = { width: 1000, height: 2000 };
// A word near the top-left corner of an upright page.
const word: BBox = [100, 200, 300, 250];

describe('rotateView', () => {
  it('turns clockwise in quarter turns and comes back round', () => {
    const seen: ViewRotation[] = [0];
    for (let i = 0; i < 4; i += 1) seen.push(rotateView(seen.at(-1)!));
    expect(seen).toEqual([0, 90, 180, 270, 0]);
  });
});

describe('boxInView', () => {
  it('scales an upright box from page pixels to display pixels', () => {
    expect(boxInView(word, page, 0, 0.5)).toEqual({ x: 50, y: 100, width: 100, height: 25 });
  });

  it('turns a box with the page a quarter turn clockwise', () => {
    // The page is now 2000 wide and 1000 high; the top-left corner went to the top-right.
    expect(boxInView(word, page, 90, 1)).toEqual({ x: 1750, y: 100, width: 50, height: 200 });
  });

  it('turns a box upside down', () => {
    expect(boxInView(word, page, 180, 1)).toEqual({ x: 700, y: 1750, width: 200, height: 50 });
  });

  it('turns a box three quarters', () => {
    expect(boxInView(word, page, 270, 2)).toEqual({ x: 400, y: 1400, width: 100, height: 400 });
  });

  it('keeps every box inside the turned page', () => {
    const corner: BBox = [0, 0, page.width, page.height];
    for (const rotation of [0, 90, 180, 270] as const) {
      const view = rotatedSize(page, rotation);
      expect(boxInView(corner, page, rotation, 1), String(rotation)).toEqual({ x: 0, y: 0, ...view });
    }
  });
});

describe('imagePlacement', () => {
  it('draws the image where it fills the view once turned about its centre', () => {
    expect(imagePlacement(page, 0, 0.5)).toEqual({ x: 0, y: 0, width: 500, height: 1000 });
    // Upright 500×1000 centred in a 1000×500 view: turned 90° about its centre it fills the view.
    expect(imagePlacement(page, 90, 0.5)).toEqual({ x: 250, y: -250, width: 500, height: 1000 });
  });
});

describe('zoom', () => {
  it('fits the turned page to the width available', () => {
    expect(fitWidthScale(page, 0, 500)).toBe(0.5);
    expect(fitWidthScale(page, 90, 500)).toBe(0.25);
  });

  it('falls back to 100 % before the page or the pane has a size', () => {
    expect(fitWidthScale({ width: 0, height: 0 }, 0, 500)).toBe(1);
    expect(fitWidthScale(page, 0, 0)).toBe(1);
  });

  it('steps in and out by the same factor, within the limits', () => {
    expect(zoomOut(zoomIn(0.4))).toBeCloseTo(0.4);
    expect(zoomIn(MAX_ZOOM)).toBe(MAX_ZOOM);
    expect(zoomOut(MIN_ZOOM)).toBe(MIN_ZOOM);
  });
});
