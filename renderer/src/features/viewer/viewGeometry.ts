/**
 * Geometry of the page view. Word boxes come from the core in upright page-image pixels; the view
 * may be zoomed and turned (for reading only, the document is not changed), and the boxes must land on
 * the words wherever they are drawn.
 */
export type ViewRotation = 0 | 90 | 180 | 270;
export type BBox = readonly [x0: number, y0: number, x1: number, y1: number];

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Clockwise, in quarter turns, like CSS `rotate()`. */
export function rotateView(rotation: ViewRotation): ViewRotation {
  return ((rotation + 90) % 360) as ViewRotation;
}

export function rotatedSize(page: Size, rotation: ViewRotation): Size {
  return rotation === 90 || rotation === 270 ? { width: page.height, height: page.width } : { ...page };
}

/** A point of the upright page, where it lands once the page is turned clockwise by `rotation`. */
function turnPoint(x: number, y: number, page: Size, rotation: ViewRotation): [number, number] {
  switch (rotation) {
    case 0:
      return [x, y];
    case 90:
      return [page.height - y, x];
    case 180:
      return [page.width - x, page.height - y];
    case 270:
      return [y, page.width - x];
  }
}

/** Where a word's box is drawn over the turned page, `scale` display pixels per page pixel. */
export function boxInView(bbox: BBox, page: Size, rotation: ViewRotation, scale: number): Rect {
  const [ax, ay] = turnPoint(bbox[0], bbox[1], page, rotation);
  const [bx, by] = turnPoint(bbox[2], bbox[3], page, rotation);
  return {
    x: Math.min(ax, bx) * scale,
    y: Math.min(ay, by) * scale,
    width: Math.abs(bx - ax) * scale,
    height: Math.abs(by - ay) * scale,
  };
}

/**
 * The image is drawn upright at its scaled size and turned about its centre by CSS; this places it so
 * that, once turned, it fills the view exactly.
 */
export function imagePlacement(page: Size, rotation: ViewRotation, scale: number): Rect {
  const view = rotatedSize(page, rotation);
  const width = page.width * scale;
  const height = page.height * scale;
  return { x: (view.width * scale - width) / 2, y: (view.height * scale - height) / 2, width, height };
}

/** The scale at which the turned page fills `available` display pixels of width. */
export function fitWidthScale(page: Size, rotation: ViewRotation, available: number): number {
  const width = rotatedSize(page, rotation).width;
  if (width <= 0 || available <= 0) return 1;
  return clampZoom(available / width);
}

/**
 * Zoom steps multiply by 1.25, so each step looks the same at any size; from 5 % (a 300 dpi A4 scan
 * fits in 120 px) to 800 % (single characters of a small stamp).
 */
export const ZOOM_STEP = 1.25;
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 8;

export function clampZoom(scale: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, scale));
}

export function zoomIn(scale: number): number {
  return clampZoom(scale * ZOOM_STEP);
}

export function zoomOut(scale: number): number {
  return clampZoom(scale / ZOOM_STEP);
}
