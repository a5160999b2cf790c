/** The exports in progress outlive any one BundleService (the handler table makes one per call), so cancelling reaches an export another call started. */
import { DalelFailure } from '../errors';

/** One AbortController per bundle being exported. */
export class RunningExports {
  private readonly controllers = new Map<string, AbortController>();

  start(bundleId: string): AbortController {
    if (this.controllers.has(bundleId)) throw new DalelFailure('conflict', 'This bundle is already being exported.').because('export-running');
    const controller = new AbortController();
    this.controllers.set(bundleId, controller);
    return controller;
  }

  /** Whether an export of this bundle was running and is now told to stop. */
  cancel(bundleId: string): boolean {
    const controller = this.controllers.get(bundleId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** The export no longer listens (it finished, failed, or is past the point where it could stop). */
  end(bundleId: string, controller: AbortController): void {
    if (this.controllers.get(bundleId) === controller) this.controllers.delete(bundleId);
  }
}
