import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from './coalesce';

describe('coalesce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once for a burst of calls', () => {
    const action = vi.fn();
    const refresh = coalesce(action, 250);
    for (let i = 0; i < 10; i += 1) refresh.call();
    expect(action).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(action).toHaveBeenCalledTimes(1);
  });

  it('keeps running while calls never stop, unlike a debounce', () => {
    const action = vi.fn();
    const refresh = coalesce(action, 250);
    for (let ms = 0; ms < 1000; ms += 50) {
      refresh.call();
      vi.advanceTimersByTime(50);
    }
    expect(action).toHaveBeenCalledTimes(4);
  });

  it('does nothing once cancelled', () => {
    const action = vi.fn();
    const refresh = coalesce(action, 250);
    refresh.call();
    refresh.cancel();
    vi.advanceTimersByTime(1000);
    expect(action).not.toHaveBeenCalled();
  });
});
