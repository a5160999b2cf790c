import { execFileSync } from 'node:child_process';

/**
 * Whether a command-line tool the tests check Dalel's output with (qpdf, pdftotext, pdftoppm, the native
 * tesseract) is installed: one probe for every test file. `scripts/dev.sh test` and `.ci/run` install
 * them from Debian's packages; a test that needs a missing one is skipped and says so.
 */
export function hasTool(tool: string): boolean {
  let found: boolean;
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    found = true;
  } catch (error) {
    // Installed but answering --version with a non-zero status (pdftotext of some versions) still counts.
    found = (error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as { status?: number }).status !== undefined;
  }
  if (!found) console.warn(`${tool} is not installed: the tests that check Dalel's output with it are skipped (bash scripts/dev.sh test installs it)`);
  return found;
}

export const hasQpdf: boolean = hasTool('qpdf');
/** poppler-utils: pdftotext reads a PDF's words and their boxes, pdftoppm renders its pages */
export const hasPdftotext: boolean = hasTool('pdftotext');
export const hasPdftoppm: boolean = hasTool('pdftoppm');
