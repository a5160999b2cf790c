import { describe, expect, it, vi } from 'vitest';
import { searchRunner } from './searchRunner';

/** A core whose answers the test releases by hand, in any order. */
function slowCore() {
  const waiting = new Map<string, (answer: string) => void>();
  const run = vi.fn((query: string) => new Promise<string>((resolve) => waiting.set(query, resolve)));
  const answer = async (query: string) => {
    waiting.get(query)?.(`hits for ${query}`);
    // Let the runner's .then and .finally run.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { run, answer };
}

describe('searchRunner', () => {
  it('asks at once for the first key, and for the newest text only once that answer is back', async () => {
    const core = slowCore();
    const shown = vi.fn();
    const runner = searchRunner(core.run, shown);
    runner.schedule('А');
    expect(core.run.mock.calls).toEqual([['А']]);
    for (const typed of ['Ай', 'Айг', 'Айге']) runner.schedule(typed);
    expect(core.run).toHaveBeenCalledTimes(1); // one query at a time, whatever the typing speed
    await core.answer('А');
    expect(shown).not.toHaveBeenCalled(); // stale: more was typed
    expect(core.run.mock.calls).toEqual([['А'], ['Айге']]); // Ай and Айг never asked
    await core.answer('Айге');
    expect(shown.mock.calls).toEqual([['Айге', 'hits for Айге']]);
  });

  it('asks at once for Enter and drops the typing still waiting', async () => {
    const core = slowCore();
    const runner = searchRunner(core.run, vi.fn());
    runner.schedule('Ai');
    runner.schedule('Aige');
    runner.now('Aigerim');
    await core.answer('Ai');
    await core.answer('Aigerim');
    expect(core.run.mock.calls).toEqual([['Ai'], ['Aigerim']]);
  });

  it('ignores an answer that comes after a newer request was made', async () => {
    const core = slowCore();
    const shown = vi.fn();
    const runner = searchRunner(core.run, shown);
    runner.now('Айг');
    runner.now('Айгерим');
    await core.answer('Айгерим');
    await core.answer('Айг');
    expect(shown.mock.calls).toEqual([['Айгерим', 'hits for Айгерим']]);
  });

  it('makes an answer on its way stale as soon as more is typed, before the new request is sent', async () => {
    const core = slowCore();
    const shown = vi.fn();
    const runner = searchRunner(core.run, shown);
    runner.now('Aig');
    runner.schedule('Aigerim');
    await core.answer('Aig');
    expect(shown).not.toHaveBeenCalled();
  });

  it('shows nothing once cancelled (the box was cleared), and asks nothing more', async () => {
    const core = slowCore();
    const shown = vi.fn();
    const runner = searchRunner(core.run, shown);
    runner.now('Aigerim');
    runner.schedule('Aigerim D');
    runner.cancel();
    await core.answer('Aigerim');
    expect(core.run).toHaveBeenCalledTimes(1);
    expect(shown).not.toHaveBeenCalled();
  });

  it('keeps going when an answer fails: the newest text is still asked', async () => {
    const failing = vi.fn((query: string) => (query === 'x' ? Promise.reject(new Error('gone')) : Promise.resolve(`hits for ${query}`)));
    const shown = vi.fn();
    const runner = searchRunner(failing, shown);
    runner.schedule('x');
    runner.schedule('xy');
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(shown.mock.calls).toEqual([['xy', 'hits for xy']]);
  });
});
