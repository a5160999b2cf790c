import type { ManualRedaction, PixelBox, PlannedRedaction } from '../../../../shared/domain/bundle';

/**
 * Redactions on page images. Boxes come from the core in the page image's own pixels ([x, y, width,
 * height], top-left origin); the review shows the image smaller, so every box is scaled to the size
 * the image is drawn at, and a rectangle the lawyer draws is scaled back before it is saved.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface ShownBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Display pixels per page pixel: the image's drawn width over its natural width. */
export function displayScale(natural: Size, shownWidth: number): number {
  if (natural.width <= 0 || shownWidth <= 0) return 1;
  return shownWidth / natural.width;
}

export function scaleBox(box: PixelBox, scale: number): ShownBox {
  const [x, y, width, height] = box;
  return { left: x * scale, top: y * scale, width: width * scale, height: height * scale };
}

/** A drag smaller than this (in display pixels) is a click, not a rectangle. */
export const MIN_DRAWN_BOX = 4;

/**
 * The rectangle between two points of a drag over the shown image (either corner first), in page
 * pixels, clipped to the page; null for a click or a drag that misses the page.
 */
export function boxFromDrag(start: Point, end: Point, scale: number, page: Size): PixelBox | null {
  if (scale <= 0) return null;
  if (Math.abs(end.x - start.x) < MIN_DRAWN_BOX || Math.abs(end.y - start.y) < MIN_DRAWN_BOX) return null;
  const clip = (value: number, max: number) => Math.max(0, Math.min(max, value / scale));
  const x0 = clip(Math.min(start.x, end.x), page.width);
  const x1 = clip(Math.max(start.x, end.x), page.width);
  const y0 = clip(Math.min(start.y, end.y), page.height);
  const y1 = clip(Math.max(start.y, end.y), page.height);
  const x = Math.floor(x0);
  const y = Math.floor(y0);
  const width = Math.ceil(x1) - x;
  const height = Math.ceil(y1) - y;
  return width > 0 && height > 0 ? [x, y, width, height] : null;
}

export interface RedactedPage {
  page: number;
  redactions: PlannedRedaction[];
}

export interface RedactedDocument {
  docId: string;
  pages: RedactedPage[];
}

/** The plan's redactions by document (in bundle order) and page (in page order), for the review. */
export function groupRedactions(redactions: readonly PlannedRedaction[], docOrder: readonly string[]): RedactedDocument[] {
  const byDoc = new Map<string, Map<number, PlannedRedaction[]>>();
  for (const redaction of redactions) {
    const pages = byDoc.get(redaction.docId) ?? new Map<number, PlannedRedaction[]>();
    byDoc.set(redaction.docId, pages);
    pages.set(redaction.page, [...(pages.get(redaction.page) ?? []), redaction]);
  }
  const rank = (docId: string) => {
    const at = docOrder.indexOf(docId);
    return at < 0 ? docOrder.length : at;
  };
  return [...byDoc.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([docId, pages]) => ({
      docId,
      pages: [...pages.entries()].sort(([a], [b]) => a - b).map(([page, list]) => ({ page, redactions: list })),
    }));
}

/** Waive (`waive: true`) or restore one automatic redaction; the list stays free of repeats. */
export function setWaived(waived: readonly string[], key: string, waive: boolean): string[] {
  const rest = waived.filter((item) => item !== key);
  return waive ? [...rest, key] : rest;
}

const sameBox = (a: PixelBox, b: PixelBox) => a.every((value, index) => Math.abs(value - b[index]!) < 0.5);

/** The rectangle the lawyer drew that a planned manual redaction stands for, if any. */
export function manualBoxOf(planned: PlannedRedaction, boxes: readonly ManualRedaction[]): number {
  if (planned.reason !== 'manual') return -1;
  return boxes.findIndex((box) => box.docId === planned.docId && box.page === planned.page && sameBox(box.box, planned.box));
}

/** Counts for the review's summary: how many boxes will be burned, and how many were waived. */
export function redactionCounts(redactions: readonly PlannedRedaction[]): { burned: number; waived: number } {
  const waived = redactions.filter((redaction) => redaction.waived).length;
  return { burned: redactions.length - waived, waived };
}
