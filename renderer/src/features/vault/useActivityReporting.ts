import { useEffect } from 'react';
import { request } from '../../ipc/request';
import { createActivityReporter } from './activityReporter';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/**
 * While the vault is open, tell the core the lawyer is still at work, so that auto-lock counts real
 * idleness and not time since unlock. Reading a long document with the mouse still counts (wheel).
 */
export function useActivityReporting(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const reporter = createActivityReporter({
      report: () => void request(() => window.dalel.session.activity()),
    });
    const onActivity = () => reporter.notice();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      reporter.dispose();
    };
  }, [active]);
}
