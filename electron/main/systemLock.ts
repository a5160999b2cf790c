/**
 * Someone walking up to an unattended laptop whose screen is locked, or that went to sleep, must not
 * find the vault open. Electron says so directly on two of three platforms:
 * - `suspend`: every platform (electron.d.ts 45.5 gives it no platform tag);
 * - `lock-screen`: macOS and Windows only (electron.d.ts 45.5: `@platform darwin,win32`; a Linux event
 *   is an open feature request, electron/electron#38088, and #24800 was closed as "not supported per
 *   our documentation").
 *
 * On Linux the lock is read from `powerMonitor.getSystemIdleState()`, which answers `locked` there:
 * Chromium's `ui/base/idle/idle_linux.cc` (CheckIdleStateIsLocked) follows the desktop's D-Bus screen
 * saver service (`org.freedesktop.ScreenSaver`, GNOME, Cinnamon, MATE, Xfce: its ActiveChanged signal
 * and GetActive) and falls back to the X11 screen saver; Teams for Linux logs `IdleState: 'locked'` from
 * it on GNOME + Wayland (IsmaelMartinez/teams-for-linux#1407). Chromium's own chrome.idle API polls the
 * same function (electron/electron#12714). No new native dependency: it is Electron's API, polled.
 */

/** A lock shows up within this long. Each poll reads a state Chromium already keeps (one D-Bus signal away). */
export const LOCK_POLL_MS = 5_000;
/** getSystemIdleState needs an idle threshold; only its `locked` answer is used here. */
const IDLE_THRESHOLD_S = 60;

export type SystemLockReason = 'lock-screen' | 'suspend';

/** What is used of Electron's powerMonitor. */
export interface PowerEvents {
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
  getSystemIdleState(idleThreshold: number): 'active' | 'idle' | 'locked' | 'unknown';
}

export interface SystemLockOptions {
  powerMonitor: PowerEvents;
  platform: NodeJS.Platform;
  onLock(reason: SystemLockReason): void;
  setInterval?: (run: () => void, ms: number) => { unref?(): void };
}

export function watchSystemLock(options: SystemLockOptions): void {
  const { powerMonitor, onLock } = options;
  powerMonitor.on('lock-screen', () => onLock('lock-screen'));
  powerMonitor.on('suspend', () => onLock('suspend'));
  if (options.platform !== 'linux') return;

  let wasLocked = false;
  const every = options.setInterval ?? setInterval;
  const timer = every(() => {
    const locked = powerMonitor.getSystemIdleState(IDLE_THRESHOLD_S) === 'locked';
    if (locked && !wasLocked) onLock('lock-screen');
    wasLocked = locked;
  }, LOCK_POLL_MS);
  timer.unref?.();
}
