import { describe, expect, it } from 'vitest';
import { dueLabel, urgencyOf } from './dueLabel';

describe('dueLabel', () => {
  it('counts the days a deadline is overdue', () => {
    expect(dueLabel(-3)).toEqual({ key: 'deadlines.overdue', count: 3 });
    expect(dueLabel(-1)).toEqual({ key: 'deadlines.overdue', count: 1 });
  });

  it('says today, and counts the days left after that', () => {
    expect(dueLabel(0)).toEqual({ key: 'deadlines.today' });
    expect(dueLabel(12)).toEqual({ key: 'deadlines.inDays', count: 12 });
  });
});

describe('urgencyOf', () => {
  it('marks overdue, the next two weeks, and later', () => {
    expect(urgencyOf(-1)).toBe('overdue');
    expect(urgencyOf(0)).toBe('soon');
    expect(urgencyOf(14)).toBe('soon');
    expect(urgencyOf(15)).toBe('later');
  });
});
