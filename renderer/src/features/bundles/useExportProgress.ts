import { useEffect, useState } from 'react';
import type { BundleExportProgress } from '../../../../shared/domain/bundle';

/** The newest 'bundles:progress' event for this bundle, while the wizard shows it. */
export function useExportProgress(bundleId: string): [BundleExportProgress | null, () => void] {
  const [progress, setProgress] = useState<BundleExportProgress | null>(null);
  useEffect(
    () =>
      window.dalel.on('bundles:progress', (event) => {
        if (event.bundleId === bundleId) setProgress(event);
      }),
    [bundleId],
  );
  return [progress, () => setProgress(null)];
}
