import { describe, expect, it } from 'vitest';
import { createActivityReporter } from './activityReporter';

function fakeClock() {
  let time = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextId = 1;
  return {
    now: () => time,
    setTimer: (callback: () => void, ms: number) => {
      const id = nextId++;
      timers.set(id, { at: time + ms, callback });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    advance(ms: number) {
      time += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= time) {
          timers.delete(id);
          timer.callback();
        }
      }
    },
    pending: () => timers.size,
  };
}

describe('createActivityReporter', () => {
  it('reports the first action at once', () => {
    const clock = fakeClock();
    const reports: number[] = [];
    const reporter = createActivityReporter({ ...clock, intervalMs: 30_000, report: () => reports.push(clock.now()) });
    reporter.notice();
    expect(reports).toEqual([0]);
  });

  it('folds a burst of actions into one report at the end of the interval', () => {
    const clock = fakeClock();
    const reports: number[] = [];
    const reporter = createActivityReporter({ ...clock, intervalMs: 30_000, report: () => reports.push(clock.now()) });
    reporter.notice();
    for (let i = 0; i < 50; i++) {
      clock.advance(500);
      reporter.notice();
    }
    expect(reports).toEqual([0]);
    clock.advance(5_000);
    expect(reports).toEqual([0, 30_000]);
  });

  it('never reports more than once per interval', () => {
    const clock = fakeClock();
    const reports: number[] = [];
    const reporter = createActivityReporter({ ...clock, intervalMs: 30_000, report: () => reports.push(clock.now()) });
    for (let i = 0; i < 200; i++) {
      reporter.notice();
      clock.advance(1_000);
    }
    for (let i = 1; i < reports.length; i++) expect(reports[i]! - reports[i - 1]!).toBeGreaterThanOrEqual(30_000);
    expect(reports.length).toBeGreaterThanOrEqual(6);
  });

  it('reports at once again after a quiet interval', () => {
    const clock = fakeClock();
    const reports: number[] = [];
    const reporter = createActivityReporter({ ...clock, intervalMs: 30_000, report: () => reports.push(clock.now()) });
    reporter.notice();
    clock.advance(90_000);
    reporter.notice();
    expect(reports).toEqual([0, 90_000]);
  });

  it('drops a pending report when disposed', () => {
    const clock = fakeClock();
    const reports: number[] = [];
    const reporter = createActivityReporter({ ...clock, intervalMs: 30_000, report: () => reports.push(clock.now()) });
    reporter.notice();
    clock.advance(1_000);
    reporter.notice();
    reporter.dispose();
    clock.advance(60_000);
    expect(reports).toEqual([0]);
    expect(clock.pending()).toBe(0);
  });
});
