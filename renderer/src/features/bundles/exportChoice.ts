import type { BundleExportProgress } from '../../../../shared/domain/bundle';

/**
 * The export step's choices. Unredacted originals in the ZIP put the protected names back into what
 * leaves the office, so they are sent only when the lawyer has ticked that they mean it.
 */
export interface ZipChoice {
  wanted: boolean;
  path: string | null;
  originals: 'none' | 'unredacted';
  /** "I understand the originals are not redacted" */
  understood: boolean;
}

export const NO_ZIP: ZipChoice = { wanted: false, path: null, originals: 'none', understood: false };

export type ExportProblem = 'no-path' | 'no-zip-path' | 'not-understood';

export interface ExportInput {
  bundleId: string;
  path: string;
  zip?: { path: string; originals: 'none' | 'unredacted' };
}

export function exportInput(bundleId: string, path: string | null, zip: ZipChoice): { input: ExportInput } | { problem: ExportProblem } {
  if (!path) return { problem: 'no-path' };
  if (!zip.wanted) return { input: { bundleId, path } };
  if (!zip.path) return { problem: 'no-zip-path' };
  if (zip.originals === 'unredacted' && !zip.understood) return { problem: 'not-understood' };
  return { input: { bundleId, path, zip: { path: zip.path, originals: zip.originals } } };
}

/**
 * How far the export is, 0–1, across its phases: reading pages not yet read as they print, laying out
 * the pages and checking the finished file for names (OCR of every burned page) are most of the work;
 * writing and the ZIP follow. Never goes back when a new phase starts counting from zero.
 */
const PHASES: Record<BundleExportProgress['phase'], [start: number, span: number]> = {
  preparing: [0, 0.05],
  reading: [0.05, 0.15],
  pages: [0.2, 0.45],
  writing: [0.65, 0.1],
  checking: [0.75, 0.2],
  zip: [0.95, 0.05],
  done: [1, 0],
};

export function progressFraction(progress: BundleExportProgress | null): number {
  if (!progress) return 0;
  const [start, span] = PHASES[progress.phase];
  const within = progress.total > 0 ? Math.min(1, Math.max(0, progress.done / progress.total)) : 0;
  return Math.min(1, start + span * within);
}
