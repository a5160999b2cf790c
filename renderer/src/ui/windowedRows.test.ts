import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnsThatFit, rowWindow } from './windowedRows';

describe('the rows of a long list that are rendered', () => {
  it('cover every row the window shows, and no more than the window and the overscan, for any list and scroll', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }), // rows
        fc.integer({ min: 10, max: 500 }), // row height
        fc.integer({ min: 0, max: 2_000 }), // where the list starts in the page
        fc.integer({ min: 100, max: 3_000 }), // window height
        fc.integer({ min: 0, max: 10 }), // overscan
        fc.double({ min: 0, max: 1, noNaN: true }), // how far down the page
        (rowCount, rowHeight, listTop, viewportHeight, overscan, fraction) => {
          const pageHeight = listTop + rowCount * rowHeight;
          const scrollY = Math.floor(fraction * Math.max(0, pageHeight - viewportHeight));
          const { first, end } = rowWindow({ rowCount, rowHeight, listTop, scrollY, viewportHeight, overscan });
          expect(0 <= first && first <= end && end <= rowCount).toBe(true);
          for (let row = 0; row < rowCount; row += 1) {
            const top = listTop + row * rowHeight;
            const seen = top < scrollY + viewportHeight && top + rowHeight > scrollY;
            if (seen) expect(row >= first && row < end, `row ${row} is in view`).toBe(true);
          }
          expect(end - first).toBeLessThanOrEqual(Math.ceil(viewportHeight / rowHeight) + 1 + 2 * overscan);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('renders 10,000 documents as a few dozen cards wherever the window is', () => {
    for (const scrollY of [0, 50_000, 900_000, 1_000_000]) {
      const { first, end } = rowWindow({ rowCount: Math.ceil(10_000 / 4), rowHeight: 386, listTop: 400, scrollY, viewportHeight: 800, overscan: 3 });
      expect((end - first) * 4).toBeLessThanOrEqual(40);
    }
  });

  it('renders nothing of an empty list', () => {
    expect(rowWindow({ rowCount: 0, rowHeight: 40, listTop: 0, scrollY: 0, viewportHeight: 800, overscan: 3 })).toEqual({ first: 0, end: 0 });
  });

  it('fits as many columns as the width allows, and always one', () => {
    expect(columnsThatFit(0, 224, 16)).toBe(1);
    expect(columnsThatFit(100, 224, 16)).toBe(1);
    expect(columnsThatFit(224, 224, 16)).toBe(1);
    expect(columnsThatFit(463, 224, 16)).toBe(1);
    expect(columnsThatFit(464, 224, 16)).toBe(2);
    expect(columnsThatFit(960, 224, 16)).toBe(4);
  });
});
