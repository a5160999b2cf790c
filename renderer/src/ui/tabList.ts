/**
 * Where an arrow key moves the selection in a tab list of `count` tabs (WAI-ARIA tabs pattern): right and
 * left to the next and previous, round the ends; Home and End to the first and last. null for any other
 * key, which the tab list leaves alone.
 */
export function tabKeyTarget(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index + count - 1) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
