/**
 * Turns a stream of user actions into at most one `session:activity` call per interval. The first
 * action is reported at once; later ones in the same interval are folded into one report at the end of
 * it, so that the core's idle countdown never starts earlier than the user's last action by more than
 * the interval, and never later.
 */
export const ACTIVITY_REPORT_INTERVAL_MS = 30_000;

export interface ActivityReporterPorts {
  report: () => void;
  intervalMs?: number;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface ActivityReporter {
  /** Call on every user action. */
  notice(): void;
  /** Stop: drop any pending report. */
  dispose(): void;
}

export function createActivityReporter(ports: ActivityReporterPorts): ActivityReporter {
  const interval = ports.intervalMs ?? ACTIVITY_REPORT_INTERVAL_MS;
  const now = ports.now ?? (() => Date.now());
  const setTimer = ports.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = ports.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let lastReport = -Infinity;
  let timer: unknown = null;

  const fire = () => {
    timer = null;
    lastReport = now();
    ports.report();
  };

  return {
    notice() {
      if (timer !== null) return;
      const wait = lastReport + interval - now();
      if (wait <= 0) fire();
      else timer = setTimer(fire, wait);
    },
    dispose() {
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
