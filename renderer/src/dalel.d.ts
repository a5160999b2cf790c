import type { DalelApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** The app's only door to the core: exposed by the preload (or the loopback test host's bridge). */
    dalel: DalelApi;
  }
}

export {};
