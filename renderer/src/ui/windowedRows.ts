import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** The rows of a long list worth having in the page: those in the window and a few either side. */
export interface RowWindow {
  /** first row rendered */
  first: number;
  /** one past the last row rendered */
  end: number;
}

export interface RowGeometry {
  rowCount: number;
  /** every row's height in CSS pixels, gap included */
  rowHeight: number;
  /** where the list's first row starts, in the page's coordinates (its top while the page is scrolled to 0) */
  listTop: number;
  /** the window's scroll position and height */
  scrollY: number;
  viewportHeight: number;
  /** rows rendered above and below what is in view, so a fast scroll or a Tab never meets a gap */
  overscan: number;
}

/**
 * Which rows to render. A list of 10,000 documents is 2,000 rows of cards: rendering them all costs
 * seconds and hundreds of megabytes; rendering what is in view costs the same for 10 or 10,000.
 */
export function rowWindow({ rowCount, rowHeight, listTop, scrollY, viewportHeight, overscan }: RowGeometry): RowWindow {
  if (rowCount <= 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const top = scrollY - listTop;
  const firstVisible = Math.floor(top / rowHeight);
  const endVisible = Math.ceil((top + viewportHeight) / rowHeight);
  const first = Math.min(rowCount, Math.max(0, firstVisible - overscan));
  const end = Math.min(rowCount, Math.max(first, endVisible + overscan));
  return { first, end };
}

/** How many columns of at least `minWidth` (plus `gap` between them) fit across `width`; at least one. */
export function columnsThatFit(width: number, minWidth: number, gap: number): number {
  if (!(width > 0)) return 1;
  return Math.max(1, Math.floor((width + gap) / (minWidth + gap)));
}

/** A list's columns: as many of at least `minWidth` as fit, or one. */
export interface ColumnRule {
  minWidth: number;
  gap: number;
}

/**
 * The rows of the list in `ref` that the window shows (with `overscan` more either side), kept up to
 * date as the window scrolls or resizes and as the list moves in the page: `items` laid out in as many
 * columns as `columns` lets fit the list's width (one when absent).
 */
export function useWindowedRows(
  ref: RefObject<HTMLElement | null>,
  items: number,
  rowHeight: number,
  options: { overscan?: number; columns?: ColumnRule } = {},
): RowWindow & { columns: number; rows: number } {
  const overscan = options.overscan ?? 3;
  const minWidth = options.columns?.minWidth ?? 0;
  const gap = options.columns?.gap ?? 0;
  const layout = (width: number) => {
    const columns = minWidth > 0 ? columnsThatFit(width, minWidth, gap) : 1;
    return { columns, rows: Math.ceil(items / columns) };
  };
  const [state, setState] = useState<RowWindow & { columns: number; rows: number }>(() => {
    // Before the first measure: a wide, tall window, so that a small list appears whole at once.
    const { columns, rows } = layout(1200);
    return { ...rowWindow({ rowCount: rows, rowHeight, listTop: 0, scrollY: 0, viewportHeight: 1200, overscan }), columns, rows };
  });

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const box = element.getBoundingClientRect();
      const { columns, rows } = layout(box.width);
      const window_ = rowWindow({ rowCount: rows, rowHeight, listTop: box.top + window.scrollY, scrollY: window.scrollY, viewportHeight: window.innerHeight, overscan });
      setState((before) =>
        before.first === window_.first && before.end === window_.end && before.columns === columns && before.rows === rows ? before : { ...window_, columns, rows },
      );
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', later, { passive: true });
    window.addEventListener('resize', later);
    // the list moves when panels above it open or close, and narrows with the window
    const observer = new ResizeObserver(later);
    observer.observe(element);
    if (element.parentElement) observer.observe(element.parentElement);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener('scroll', later);
      window.removeEventListener('resize', later);
      observer.disconnect();
    };
    // layout() reads only items, minWidth and gap
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ref, items, rowHeight, overscan, minWidth, gap]);

  return state;
}

/**
 * Brings row `row` of the list in `ref` into the window once, when it is not there already: the
 * document the lawyer comes back to from the viewer may lie 5,000 rows down, and is not rendered until
 * the window is near it.
 */
export function useRowInView(ref: RefObject<HTMLElement | null>, row: number | null, rowHeight: number): void {
  useEffect(() => {
    const element = ref.current;
    if (!element || row === null || row < 0) return;
    const top = element.getBoundingClientRect().top + window.scrollY + row * rowHeight;
    if (top < window.scrollY || top + rowHeight > window.scrollY + window.innerHeight) {
      window.scrollTo({ top: Math.max(0, top - window.innerHeight / 3) });
    }
    // once per row asked for: later scrolling is the lawyer's
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [row]);
}
