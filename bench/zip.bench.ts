/**
 * `npm run bench:zip`: the export's ZIP writer (electron/core/bundle/zipArchive.ts) on archives of
 * 50, 200 and 400 MB of originals (ZIP_BENCH_MB="50,200,400"), each size in a fresh process so its peak
 * RSS is its own. Originals are 10 MB each, made when their turn comes as the vault hands one over (one
 * Buffer per original); random bytes, incompressible like the JPEG and PDF scans.
 * - `stream, stored`: the writer as the export uses it for JPEG, PNG and PDF originals.
 * - `stream, deflated`: the same bytes deflated (as a TIFF is), to show what deflate costs.
 * - `in memory`: what the export did before — every original loaded first, each deflateRawSync'ed on the
 *   main thread, the archive concatenated and written at once.
 * For each: wall time, peak RSS, and the longest the event loop was blocked (a window's clicks wait
 * that long). The vault's own read of an original (one synchronous SQLite read) is not in it: the bench
 * makes its bytes in the thread pool. The corpus line deflates the corpus's own JPEG, PNG and PDF files,
 * to show why they are stored.
 *
 * 2026-12-05, 2 cores (shared): stored 250-291 MB/s, peak RSS 132 / 155 / 167 MiB at 50 / 200 / 400 MB,
 * longest block 9-14 ms; deflated 35-38 MB/s (only TIFF takes that path); before: 236 / 553 / 962 MiB
 * and the loop blocked for the whole archive (1.0 / 4.0 / 8.3 s).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { bufferStream, writeZip, type ZipEntry } from '../electron/core/bundle/zipArchive';
import { vmHighWaterMark } from './memory';

const ORIGINAL = 10 * 1024 * 1024;
const MB = 1024 * 1024;
type Mode = 'stored' | 'deflated' | 'memory';
const randomBytesAsync = promisify(randomBytes);
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

async function child(mode: Mode, megabytes: number): Promise<void> {
  const count = Math.ceil((megabytes * MB) / ORIGINAL);
  const file = join(tmpdir(), `dalel-zip-bench-${process.pid}.zip`);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  await tick(); // the histogram counts from the timer's second run: one before the work starts
  const started = performance.now();
  if (mode === 'memory') {
    const originals = Array.from({ length: count }, () => randomBytes(ORIGINAL));
    const parts = originals.map((data) => {
      const deflated = deflateRawSync(data, { level: 6 });
      return deflated.length < data.length ? deflated : data;
    });
    writeFileSync(file, Buffer.concat(parts));
  } else {
    const entries: ZipEntry[] = Array.from({ length: count }, (_, i) => ({
      name: `originals/${String(i + 1).padStart(2, '0')} scan.jpg`,
      deflate: mode === 'deflated',
      // made in the thread pool: the block measured is the writer's, not the bench's
      open: async () => bufferStream(await randomBytesAsync(ORIGINAL)),
    }));
    await writeZip(entries, createWriteStream(file, { flush: true }), { date: new Date() });
  }
  const seconds = (performance.now() - started) / 1000;
  // A block shows when the loop next runs its timer: let it run once before reading the histogram.
  await tick();
  delay.disable();
  const size = statSync(file).size;
  rmSync(file, { force: true });
  process.stdout.write(`${JSON.stringify({ seconds, peakRss: vmHighWaterMark() ?? 0, maxBlockedMs: delay.max / 1e6, size })}\n`);
}

function corpusLine(): string {
  const dir = join(__dirname, '..', 'testdata', 'corpus');
  let input = 0;
  let output = 0;
  const started = performance.now();
  for (const name of readdirSync(dir).filter((n) => /\.(jpe?g|png|pdf)$/i.test(n))) {
    const data = readFileSync(join(dir, name));
    input += data.length;
    output += deflateRawSync(data, { level: 6 }).length;
  }
  const seconds = (performance.now() - started) / 1000;
  return `corpus JPEG/PNG/PDF: ${(input / MB).toFixed(1)} MB deflate to ${((output / input) * 100).toFixed(1)}% at ${(input / MB / seconds).toFixed(0)} MB/s: stored`;
}

async function main(): Promise<void> {
  const [, , role, mode, megabytes] = process.argv;
  if (role === '--child') return child(mode as Mode, Number(megabytes));
  const sizes = (process.env.ZIP_BENCH_MB ?? '50,200,400').split(',').map(Number);
  console.log(corpusLine());
  console.log('mode              MB   seconds   MB/s   peak RSS MiB   longest block ms');
  for (const size of sizes) {
    for (const mode of ['stored', 'deflated', 'memory'] as const) {
      const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--child', mode, String(size)], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const r = JSON.parse(out.trim().split('\n').at(-1)!) as { seconds: number; peakRss: number; maxBlockedMs: number };
      const label = mode === 'memory' ? 'in memory (before)' : `stream, ${mode}`;
      console.log(
        `${label.padEnd(18)}${String(size).padStart(4)}${r.seconds.toFixed(2).padStart(10)}${(size / r.seconds).toFixed(0).padStart(7)}${(r.peakRss / MB).toFixed(0).padStart(15)}${r.maxBlockedMs.toFixed(0).padStart(19)}`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
