import { describe, expect, it } from 'vitest';
import type { PlannedRedaction } from '../../../../shared/domain/bundle';
import { boxFromDrag, displayScale, groupRedactions, manualBoxOf, redactionCounts, scaleBox, setWaived } from './redactionBoxes';

const planned = (key: string, docId: string, page: number, extra: Partial<PlannedRedaction> = {}): PlannedRedaction => ({
  key,
  docId,
  page,
  box: [100, 200, 300, 40],
  reason: 'protected-person',
  label: 'Protected person 1',
  subject: 'Daulet Kosherbaiuly',
  origin: 'text-layer',
  waived: false,
  adjusted: false,
  ...extra,
});

/** An A4 page scanned at 300 dpi, shown 620 px wide. */
const A4 = { width: 2480, height: 3508 };

describe('displayScale and scaleBox', () => {
  it('scale a box from page pixels to the size the image is shown at', () => {
    const scale = displayScale(A4, 620);
    expect(scale).toBe(0.25);
    expect(scaleBox([400, 800, 1200, 80], scale)).toEqual({ left: 100, top: 200, width: 300, height: 20 });
  });

  it('fall back to 1 before the image has a size', () => {
    expect(displayScale({ width: 0, height: 0 }, 620)).toBe(1);
    expect(displayScale(A4, 0)).toBe(1);
  });
});

describe('boxFromDrag', () => {
  it('turns a drag over the shown image into a box in page pixels', () => {
    expect(boxFromDrag({ x: 100, y: 200 }, { x: 400, y: 220 }, 0.25, A4)).toEqual([400, 800, 1200, 80]);
  });

  it('accepts a drag from any corner', () => {
    expect(boxFromDrag({ x: 400, y: 220 }, { x: 100, y: 200 }, 0.25, A4)).toEqual([400, 800, 1200, 80]);
  });

  it('clips to the page and rounds outwards, so nothing at the edge is left uncovered', () => {
    expect(boxFromDrag({ x: 600, y: -10 }, { x: 700, y: 10.1 }, 0.25, A4)).toEqual([2400, 0, 80, 41]);
  });

  it('ignores a click', () => {
    expect(boxFromDrag({ x: 100, y: 100 }, { x: 102, y: 130 }, 0.25, A4)).toBeNull();
  });

  it('ignores a drag wholly outside the page', () => {
    expect(boxFromDrag({ x: 700, y: 10 }, { x: 800, y: 40 }, 0.25, A4)).toBeNull();
  });
});

describe('groupRedactions', () => {
  it('groups by document in bundle order, then by page', () => {
    const grouped = groupRedactions(
      [planned('a', 'doc_2', 2), planned('b', 'doc_1', 1), planned('c', 'doc_2', 1), planned('d', 'doc_2', 2)],
      ['doc_1', 'doc_2'],
    );
    expect(grouped.map((doc) => [doc.docId, doc.pages.map((page) => [page.page, page.redactions.map((r) => r.key)])])).toEqual([
      ['doc_1', [[1, ['b']]]],
      ['doc_2', [[1, ['c']], [2, ['a', 'd']]]],
    ]);
  });
});

describe('waiving', () => {
  it('adds and removes keys without repeating them', () => {
    expect(setWaived(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(setWaived(['a', 'b'], 'b', true)).toEqual(['a', 'b']);
    expect(setWaived(['a', 'b'], 'a', false)).toEqual(['b']);
  });

  it('counts what will be burned', () => {
    expect(redactionCounts([planned('a', 'd', 1), planned('b', 'd', 1, { waived: true })])).toEqual({ burned: 1, waived: 1 });
  });
});

describe('manualBoxOf', () => {
  it('finds the drawn rectangle a manual redaction stands for', () => {
    const boxes = [{ docId: 'doc_1', page: 1, box: [100, 200, 300, 40] as [number, number, number, number], reason: 'address' }];
    expect(manualBoxOf(planned('m', 'doc_1', 1, { reason: 'manual' }), boxes)).toBe(0);
    expect(manualBoxOf(planned('m', 'doc_1', 2, { reason: 'manual' }), boxes)).toBe(-1);
    expect(manualBoxOf(planned('p', 'doc_1', 1), boxes)).toBe(-1);
  });
});
