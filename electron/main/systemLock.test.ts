import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { LOCK_POLL_MS, watchSystemLock, type SystemLockReason } from './systemLock';

/** A locked screen or a machine going to sleep locks the vault; on Linux the lock is polled (systemLock.ts). */
function setup(platform: NodeJS.Platform) {
  let state: 'active' | 'idle' | 'locked' | 'unknown' = 'active';
  const monitor = Object.assign(new EventEmitter(), { getSystemIdleState: () => state });
  const locks: SystemLockReason[] = [];
  const ticks: Array<() => void> = [];
  const intervals: number[] = [];
  watchSystemLock({
    powerMonitor: monitor,
    platform,
    onLock: (reason) => locks.push(reason),
    setInterval: (run, ms) => {
      ticks.push(run);
      intervals.push(ms);
      return {};
    },
  });
  const tick = () => ticks.forEach((run) => run());
  return { monitor, locks, intervals, tick, setState: (next: typeof state) => (state = next) };
}

describe('watchSystemLock', () => {
  it('locks on lock-screen and suspend everywhere', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const { monitor, locks } = setup(platform);
      monitor.emit('lock-screen');
      monitor.emit('suspend');
      expect(locks, platform).toEqual(['lock-screen', 'suspend']);
    }
  });

  it('on Linux, locks once when the screen becomes locked, and again after the next unlock', () => {
    const { locks, intervals, tick, setState } = setup('linux');
    expect(intervals).toEqual([LOCK_POLL_MS]);
    tick();
    expect(locks).toEqual([]);
    setState('locked');
    tick();
    tick();
    expect(locks).toEqual(['lock-screen']);
    setState('active');
    tick();
    setState('locked');
    tick();
    expect(locks).toEqual(['lock-screen', 'lock-screen']);
  });

  it('does not poll where Electron emits lock-screen itself', () => {
    expect(setup('darwin').intervals).toEqual([]);
    expect(setup('win32').intervals).toEqual([]);
  });
});
