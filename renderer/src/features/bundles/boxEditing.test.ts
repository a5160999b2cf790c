import { describe, expect, it } from 'vitest';
import { boxAfterKey, clampBox, dragDelta, isClick, keyboardStep, MIN_BOX, moveBox, newBoxOn, resizeBox, type BoxKey } from './boxEditing';

/** An A4 page scanned at 300 dpi. */
const A4 = { width: 2480, height: 3508 };
const key = (name: string, modifiers: Partial<BoxKey> = {}): BoxKey => ({ key: name, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...modifiers });

describe('clampBox', () => {
  it('keeps a box that fits as it is, in whole pixels', () => {
    expect(clampBox([100.4, 200.6, 300.2, 40], A4)).toEqual([100, 201, 300, 40]);
  });

  it('moves a box that sticks out back onto the page, keeping its size', () => {
    expect(clampBox([-30, 3500, 300, 40], A4)).toEqual([0, 3468, 300, 40]);
    expect(clampBox([2400, -5, 300, 40], A4)).toEqual([2180, 0, 300, 40]);
  });

  it('shrinks a box larger than the page to the page, and grows a sliver to the smallest box', () => {
    expect(clampBox([10, 10, 5000, 9000], A4)).toEqual([0, 0, 2480, 3508]);
    expect(clampBox([10, 10, 1, 0.5], A4)).toEqual([10, 10, MIN_BOX, MIN_BOX]);
  });
});

describe('moveBox', () => {
  it('moves by the given page pixels', () => {
    expect(moveBox([100, 200, 300, 40], 25, -50, A4)).toEqual([125, 150, 300, 40]);
  });

  it('stops at the edge of the page without shrinking', () => {
    expect(moveBox([100, 200, 300, 40], -500, 0, A4)).toEqual([0, 200, 300, 40]);
    expect(moveBox([2100, 3400, 300, 40], 500, 500, A4)).toEqual([2180, 3468, 300, 40]);
  });
});

describe('resizeBox', () => {
  it('drags each corner while the opposite one stays put', () => {
    expect(resizeBox([100, 200, 300, 40], 'se', 20, 10, A4)).toEqual([100, 200, 320, 50]);
    expect(resizeBox([100, 200, 300, 40], 'nw', -20, -10, A4)).toEqual([80, 190, 320, 50]);
    expect(resizeBox([100, 200, 300, 40], 'ne', 20, -10, A4)).toEqual([100, 190, 320, 50]);
    expect(resizeBox([100, 200, 300, 40], 'sw', -20, 10, A4)).toEqual([80, 200, 320, 50]);
  });

  it('does not turn the box inside out when a corner passes the other side', () => {
    expect(resizeBox([100, 200, 300, 40], 'se', -1000, -1000, A4)).toEqual([100, 200, MIN_BOX, MIN_BOX]);
    expect(resizeBox([100, 200, 300, 40], 'nw', 1000, 1000, A4)).toEqual([400 - MIN_BOX, 240 - MIN_BOX, MIN_BOX, MIN_BOX]);
  });

  it('stops a corner at the page edge', () => {
    expect(resizeBox([100, 200, 300, 40], 'nw', -500, -500, A4)).toEqual([0, 0, 400, 240]);
    expect(resizeBox([2000, 3400, 300, 40], 'se', 500, 500, A4)).toEqual([2000, 3400, 480, 108]);
  });
});

describe('boxAfterKey', () => {
  const box: [number, number, number, number] = [100, 200, 300, 40];

  it('moves with the arrows, ten steps with Shift', () => {
    expect(boxAfterKey(box, key('ArrowRight'), 4, A4)).toEqual([104, 200, 300, 40]);
    expect(boxAfterKey(box, key('ArrowUp'), 4, A4)).toEqual([100, 196, 300, 40]);
    expect(boxAfterKey(box, key('ArrowLeft', { shiftKey: true }), 4, A4)).toEqual([60, 200, 300, 40]);
    expect(boxAfterKey(box, key('ArrowDown', { shiftKey: true }), 4, A4)).toEqual([100, 240, 300, 40]);
  });

  it('resizes with Alt: right and down make it bigger, left and up smaller', () => {
    expect(boxAfterKey(box, key('ArrowRight', { altKey: true }), 4, A4)).toEqual([100, 200, 304, 40]);
    expect(boxAfterKey(box, key('ArrowDown', { altKey: true, shiftKey: true }), 4, A4)).toEqual([100, 200, 300, 80]);
    expect(boxAfterKey(box, key('ArrowLeft', { altKey: true }), 4, A4)).toEqual([100, 200, 296, 40]);
    expect(boxAfterKey(box, key('ArrowUp', { altKey: true, shiftKey: true }), 4, A4)).toEqual([100, 200, 300, MIN_BOX]);
  });

  it('stays on the page', () => {
    expect(boxAfterKey([0, 0, 300, 40], key('ArrowLeft', { shiftKey: true }), 4, A4)).toEqual([0, 0, 300, 40]);
  });

  it('leaves other keys, and Ctrl or ⌘ with an arrow, to the system', () => {
    expect(boxAfterKey(box, key('Enter'), 4, A4)).toBeNull();
    expect(boxAfterKey(box, key('ArrowRight', { ctrlKey: true }), 4, A4)).toBeNull();
    expect(boxAfterKey(box, key('ArrowRight', { metaKey: true }), 4, A4)).toBeNull();
  });
});

describe('pointer and keyboard units', () => {
  it('steps one shown pixel per key press, never less than a page pixel', () => {
    expect(keyboardStep(0.25)).toBe(4);
    expect(keyboardStep(0.3)).toBe(3);
    expect(keyboardStep(2)).toBe(1);
    expect(keyboardStep(0)).toBe(1);
  });

  it('turns a drag over the shown image into page pixels', () => {
    expect(dragDelta({ x: 10, y: 10 }, { x: 35, y: 0 }, 0.25)).toEqual({ dx: 100, dy: -40 });
  });

  it('tells a click from a drag', () => {
    expect(isClick({ x: 10, y: 10 }, { x: 12, y: 13 })).toBe(true);
    expect(isClick({ x: 10, y: 10 }, { x: 20, y: 10 })).toBe(false);
  });
});

describe('newBoxOn', () => {
  it('puts a line-high box in the middle of the page', () => {
    const [x, y, width, height] = newBoxOn(A4);
    expect([width, height]).toEqual([620, 105]);
    expect(x + width / 2).toBe(A4.width / 2);
    expect(Math.abs(y + height / 2 - A4.height / 2)).toBeLessThanOrEqual(1);
  });

  it('fits on a tiny image', () => {
    expect(newBoxOn({ width: 10, height: 10 })).toEqual([3, 3, 4, 4]);
  });
});
