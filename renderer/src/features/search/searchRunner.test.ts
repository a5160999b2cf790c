import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { searchRunner } from './searchRunner';

/** A core whose answers the test releases by hand, in any order. */
function slowCore() {
  const waiting = new Map<string, (answer: string) => void>();
  const run = vi.fn((query: string) => new Promise<string>((resolve) => waiting.set(query, resolve)));
  const answer = async (query: string) => {
    waiting.get(query)?.(`hits for ${query}`);
    // Let the runner's .then run.
    await Promise.resolve();
    await Promise.resolve();
  };
  return { run, answer };
}

describe('searchRunner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks once, 200 ms after the last key', () => {
    const core = slowCore();
    const runner = searchRunner(core.run, vi.fn(), 200);
    for (const typed of ['А', 'Ай', 'Айг', 'Айге']) {
      runner.schedule(typed);
      vi.advanceTimersByTime(150);
    }
    expect(core.run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(core.run).toHaveBeenCalledTimes(1);
    expect(core.run).toHaveBeenCalledWith('Айге');
  });

  it('asks at once for Enter and drops the typing still waiting', () => {
    const core = slowCore();
    const runner = searchRunner(core.run, vi.fn(), 200);
    runner.schedule('Aige');
    runner.now('Aigerim');
    vi.advanceTimersByTime(1000);
    expect(core.run.mock.calls).toEqual([['Aigerim']]);
  });

  it('ignores an answer that comes after a newer request was made', async () => {
    const core = slowCore();
    const shown = vi.fn();
    const runner = searchRunner(core.run, shown, 200);
    runner.now('Айг');
    runner.now('Айгерим');
    await core.answer('Айгерим');
    await core.answer('Айг');
    expect(shown.mock.calls).toEqual([['Айгерим', 'hits for Айгерим']]);
  });

  it('makes an answer on its way stale as soon as more is typed, before the new request is sent', async () => {
    const core = slowCore();
    const shown = vi.fn();
    const runner = searchRunner(core.run, shown, 200);
    runner.now('Aig');
    runner.schedule('Aigerim');
    await core.answer('Aig');
    expect(shown).not.toHaveBeenCalled();
  });

  it('shows nothing once cancelled (the box was cleared)', async () => {
    const core = slowCore();
    const shown = vi.fn();
    const runner = searchRunner(core.run, shown, 200);
    runner.now('Aigerim');
    runner.schedule('Aigerim D');
    runner.cancel();
    vi.advanceTimersByTime(1000);
    await core.answer('Aigerim');
    expect(core.run).toHaveBeenCalledTimes(1);
    expect(shown).not.toHaveBeenCalled();
  });
});
