/**
 * The native `tesseract` CLI as the yardstick for Dalel's OCR (accuracy test, bench:ocr): same pages,
 * same language data (`--tessdata-dir`), one thread per process (`OMP_THREAD_LIMIT=1`; with OpenMP's
 * threads it runs 6–8× slower on 2 cores, DEPENDENCIES.md). The page goes in on stdin and the text
 * comes out on stdout: no files.
 */
import { spawn, spawnSync } from 'node:child_process';

export function nativeTesseractVersion(): string | undefined {
  const result = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return `${result.stdout}${result.stderr}`.split('\n')[0]?.trim();
}

export interface NativeRun {
  text: string;
  ms: number;
}

export function nativeTesseract(
  image: Buffer,
  languages: readonly string[],
  tessdataDir: string,
  { psm = 3, dpi }: { psm?: number; dpi?: number } = {},
): Promise<NativeRun> {
  const args = ['stdin', 'stdout', '--tessdata-dir', tessdataDir, '-l', languages.join('+'), '--psm', String(psm)];
  if (dpi) args.push('--dpi', String(dpi));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    let text = '';
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve({ text, ms: performance.now() - started }) : reject(new Error(`tesseract exited ${code}: ${errors}`)),
    );
    child.stdin.end(image);
  });
}

/** Runs `task` over `items` with at most `lanes` running at once, results in input order. */
export async function inLanes<T, R>(items: readonly T[], lanes: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, lanes) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!);
      }
    }),
  );
  return results;
}
