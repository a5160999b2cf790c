import { execFileSync } from 'node:child_process';

/**
 * Whether a command-line tool the tests check Dalel's output with (qpdf, pdftotext, pdftoppm, the native
 * tesseract) is installed: one probe for every test file. `scripts/dev.sh test` and `.ci/run` install
 * them from Debian's packages; a test that needs a missing one is skipped and says so.
 */
export function hasTool(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // Installed but answering --version with a non-zero status (pdftotext of some versions) still counts.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as { status?: number }).status !== undefined;
  }
}

export const hasQpdf: boolean = hasTool('qpdf');
