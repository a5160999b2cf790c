import type { PixelBox } from '../../../../shared/domain/bundle';
import type { Point, Size } from './redactionBoxes';

/**
 * Moving and resizing a redaction box in the review: with the mouse (drag the box, or one of its
 * corners) and with the keyboard (arrows move it, Shift+arrows ten times as far, Alt+arrows change its
 * size). Everything here is in the page image's pixels, the boxes' own unit, and rounded to whole
 * pixels; a box always stays whole on the page and never shrinks below MIN_BOX.
 */

export type Corner = 'nw' | 'ne' | 'sw' | 'se';
export const CORNERS: readonly Corner[] = ['nw', 'ne', 'sw', 'se'];

/** Smallest side of a box in page pixels: a pen stroke on a 300 dpi scan is about this wide. */
export const MIN_BOX = 4;

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

/** The box made to fit the page: no smaller than MIN_BOX (or the page), then moved inside it. */
export function clampBox(box: PixelBox, page: Size): PixelBox {
  const width = Math.round(clamp(box[2], Math.min(MIN_BOX, page.width), page.width));
  const height = Math.round(clamp(box[3], Math.min(MIN_BOX, page.height), page.height));
  const x = Math.round(clamp(box[0], 0, page.width - width));
  const y = Math.round(clamp(box[1], 0, page.height - height));
  return [x, y, width, height];
}

/** The box moved by (dx, dy); at the page's edge it stops, keeping its size. */
export function moveBox(box: PixelBox, dx: number, dy: number, page: Size): PixelBox {
  return clampBox([box[0] + dx, box[1] + dy, box[2], box[3]], page);
}

/**
 * The box with one corner dragged by (dx, dy) while the opposite corner stays put. A corner dragged
 * past the other side stops MIN_BOX short of it rather than turning the box inside out.
 */
export function resizeBox(box: PixelBox, corner: Corner, dx: number, dy: number, page: Size): PixelBox {
  let left = box[0];
  let top = box[1];
  let right = box[0] + box[2];
  let bottom = box[1] + box[3];
  if (corner === 'nw' || corner === 'sw') left = clamp(left + dx, 0, right - MIN_BOX);
  else right = clamp(right + dx, left + MIN_BOX, page.width);
  if (corner === 'nw' || corner === 'ne') top = clamp(top + dy, 0, bottom - MIN_BOX);
  else bottom = clamp(bottom + dy, top + MIN_BOX, page.height);
  return clampBox([left, top, right - left, bottom - top], page);
}

/** What a key does to a box. */
export interface BoxKey {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The box after an arrow key: moved by `step` page pixels (ten steps with Shift), or with Alt resized
 * from its bottom-right corner (→ and ↓ make it bigger, ← and ↑ smaller). Null for any other key, and
 * with Ctrl or ⌘, which belong to the system.
 */
export function boxAfterKey(box: PixelBox, key: BoxKey, step: number, page: Size): PixelBox | null {
  const arrow = ARROWS[key.key];
  if (!arrow || key.ctrlKey || key.metaKey) return null;
  const by = step * (key.shiftKey ? 10 : 1);
  const [dx, dy] = [arrow[0] * by, arrow[1] * by];
  return key.altKey ? resizeBox(box, 'se', dx, dy, page) : moveBox(box, dx, dy, page);
}

/** One key press moves a box by one pixel as shown: that many page pixels at this display scale. */
export function keyboardStep(scale: number): number {
  return scale > 0 ? Math.max(1, Math.round(1 / scale)) : 1;
}

/** A pointer that moved less than this (display pixels) between press and release clicked. */
export const CLICK_SLOP = 4;

export function isClick(start: Point, end: Point): boolean {
  return Math.abs(end.x - start.x) < CLICK_SLOP && Math.abs(end.y - start.y) < CLICK_SLOP;
}

/** A drag over the shown image, in page pixels. */
export function dragDelta(start: Point, now: Point, scale: number): { dx: number; dy: number } {
  if (scale <= 0) return { dx: 0, dy: 0 };
  return { dx: (now.x - start.x) / scale, dy: (now.y - start.y) / scale };
}

/**
 * Where "Add a box" puts a new box for the lawyer to move and size: in the middle of the page, a
 * quarter of its width and about one line of text high (3% of an A4 page is a 12 pt line).
 */
export function newBoxOn(page: Size): PixelBox {
  const width = Math.max(MIN_BOX, Math.round(page.width / 4));
  const height = Math.max(MIN_BOX, Math.round(page.height * 0.03));
  return clampBox([Math.round((page.width - width) / 2), Math.round((page.height - height) / 2), width, height], page);
}
