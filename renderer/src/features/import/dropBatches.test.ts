import { describe, expect, it } from 'vitest';
import { planDropBatches } from './dropBatches';

const limits = { maxFileBytes: 100, maxBatchBytes: 150, maxBatchFiles: 3 };
const f = (name: string, size: number) => ({ name, size });

describe('planDropBatches', () => {
  it('sends a small drop in one batch', () => {
    const files = [f('a', 10), f('b', 20)];
    expect(planDropBatches(files, limits)).toEqual({ batches: [files], tooLarge: [] });
  });

  it('splits by bytes and by count, keeping the dropped order', () => {
    const plan = planDropBatches([f('a', 100), f('b', 60), f('c', 1), f('d', 1), f('e', 1)], limits);
    expect(plan.batches.map((batch) => batch.map((file) => file.name))).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
  });

  it('reports files over the per-file limit without reading them', () => {
    const plan = planDropBatches([f('huge', 101), f('ok', 5)], limits);
    expect(plan.tooLarge.map((file) => file.name)).toEqual(['huge']);
    expect(plan.batches).toEqual([[f('ok', 5)]]);
  });

  it('plans nothing for an empty drop', () => {
    expect(planDropBatches([], limits)).toEqual({ batches: [], tooLarge: [] });
  });
});
