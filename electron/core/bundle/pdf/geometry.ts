import type { Matrix } from './content';

/** A4 portrait in points (210 × 297 mm), as pdfinfo reports it: 595.28 x 841.89. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/**
 * The strip at the bottom of every page that holds the page stamp and nothing else: document pages are
 * shrunk into the area above it. 24 pt (8.5 mm) holds a 9 pt stamp with room on both sides.
 */
export const STAMP_AREA = 24;
export const STAMP_SIZE = 9;
export const STAMP_BASELINE = 8.5;

/** The area a document page is fitted into. */
export const DOCUMENT_AREA = { x: 0, y: STAMP_AREA, width: A4.width, height: A4.height - STAMP_AREA } as const;

/** Margins of the pages Dalel writes itself (cover, index, manifest): 20 mm. */
export const MARGIN = 56.69;

/** Courts ask for scans at no more than 300 DPI. */
export const MAX_DPI = 300;

/**
 * A placed image may come out a hair above MAX_DPI from rounding alone (2480 px across 595.28 pt is
 * 299.97 DPI); anything more is downsampled.
 */
export const DPI_TOLERANCE = 1.002;

export interface Placement {
  /** bottom-left corner and size of the page as drawn, in points */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A page of `width` × `height` points fitted into the document area: its aspect ratio kept, shrunk when it
 * is larger, never enlarged (a 148 × 105 mm card stays card-sized), centred.
 */
export function fitPage(width: number, height: number): Placement {
  const scale = Math.min(1, DOCUMENT_AREA.width / width, DOCUMENT_AREA.height / height);
  const w = width * scale;
  const h = height * scale;
  return {
    x: DOCUMENT_AREA.x + (DOCUMENT_AREA.width - w) / 2,
    y: DOCUMENT_AREA.y + (DOCUMENT_AREA.height - h) / 2,
    width: w,
    height: h,
  };
}

/**
 * A page fitted onto the whole A4 sheet, for pages whose content leaves the stamp strip empty: a full
 * A4 scan then keeps its own resolution (shrinking it above the strip would lift a 300 DPI scan to 309
 * DPI and cost a resample of nearly every page). Shrunk when larger than A4, never enlarged, centred.
 */
export function fitWholeSheet(width: number, height: number): Placement {
  const scale = Math.min(1, A4.width / width, A4.height / height);
  const w = width * scale;
  const h = height * scale;
  return { x: (A4.width - w) / 2, y: (A4.height - h) / 2, width: w, height: h };
}

/** m1 then m2 (PDF matrices are applied as row vector × m1 × m2). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  const [a, b, c, d, e, f] = m1;
  const [a2, b2, c2, d2, e2, f2] = m2;
  return [a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2];
}

/**
 * Matrix that draws a form whose visible area is `box` (its own user space), shown rotated clockwise by
 * `rotation`, into `placement`.
 */
export function formMatrix(box: [number, number, number, number], rotation: number, placement: Placement): Matrix {
  const w = box[2] - box[0];
  const h = box[3] - box[1];
  const toOrigin: Matrix = [1, 0, 0, 1, -box[0], -box[1]];
  const rotate: Matrix =
    rotation === 90 ? [0, -1, 1, 0, 0, w] : rotation === 180 ? [-1, 0, 0, -1, w, h] : rotation === 270 ? [0, 1, -1, 0, h, 0] : [1, 0, 0, 1, 0, 0];
  const shownWidth = rotation % 180 === 0 ? w : h;
  const scale = placement.width / shownWidth;
  return multiply(multiply(toOrigin, rotate), [scale, 0, 0, scale, placement.x, placement.y]);
}
