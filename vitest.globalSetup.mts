import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One private temp folder for the whole test run, handed to every test process through TMPDIR. The
 * tests that prove "nothing lands in the temp dir" then watch only what Dalel and the tests write,
 * not whatever else the machine does in /tmp — which matters when the checkout itself lives in /tmp.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-test-run-'));
  process.env.TMPDIR = dir;
  process.env.TMP = dir;
  process.env.TEMP = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
