/**
 * The engine's promises besides accuracy: it never reaches the network, writes nothing to disk, and
 * fails with the right code on timeout and cancellation while the pool keeps working.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BroadcastChannel, Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrFailure, type OcrEngine, type OcrInput, type OcrOptions, type OcrPageResult } from './ocrEngine';
import { createTesseractEngine } from './tesseractEngine';
import { defaultTessdataDir, missingLanguages } from './tessdata';
import { CORPUS_DIR } from './testing/corpusPages';

const tessdataDir = defaultTessdataDir();
const scan = readFileSync(join(CORPUS_DIR, 'scan_0008.jpg')); // an English letter, 300 dpi
const repoRoot = resolve(__dirname, '../../..');

async function failureOf(promise: Promise<unknown>): Promise<OcrFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OcrFailure);
  return error as OcrFailure;
}

/**
 * `recognize`, and `started`: settled once a worker has taken the page (reading has started), or once
 * the call has ended without that (the assertions on `result` then show why).
 */
function recognizeWatched(engine: OcrEngine, input: OcrInput, options: OcrOptions = {}): { result: Promise<OcrPageResult>; started: Promise<void> } {
  let onStarted!: () => void;
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  const result = engine.recognize(input, { ...options, onStarted });
  return { result, started: Promise.race([started, result.then(() => undefined, () => undefined)]) };
}

describe('tesseract engine', () => {
  beforeAll(() => {
    // scripts/language-data.mjs fills resources/tessdata; npm test runs it first.
    expect(missingLanguages(tessdataDir, ['rus', 'kaz', 'eng', 'chi_sim', 'uig', 'osd'])).toEqual([]);
  });

  it('never reaches the network, in the main thread or in its worker threads', async () => {
    const attempts: unknown[] = [];
    const markers = new Map<string, () => void>();
    const channel = new BroadcastChannel('dalel-net-trap');
    channel.onmessage = (event) => {
      const data = (event as MessageEvent).data as { marker?: string };
      if (data?.marker) markers.get(data.marker)?.();
      else attempts.push(data);
    };
    // Every report posted so far has reached `attempts`: Node queues a channel's messages for a listener in
    // the order they were posted, from any thread, so a marker posted now arrives after them.
    const reportsDelivered = async () => {
      const marker = randomUUID();
      const arrived = new Promise<void>((resolve) => markers.set(marker, resolve));
      const poster = new BroadcastChannel('dalel-net-trap');
      poster.postMessage({ marker });
      await arrived;
      poster.close();
    };
    // The trap itself works inside a worker thread: a fetch there is reported.
    const probe = new Worker(
      `require(${JSON.stringify(join(__dirname, 'testing/netTrap.cjs'))}).install();
       try { fetch('http://127.0.0.1:9/'); } catch {}`,
      { eval: true },
    );
    await new Promise((done) => probe.once('exit', done));
    await reportsDelivered();
    expect(attempts).toEqual([expect.objectContaining({ what: 'fetch' })]);
    attempts.length = 0;

    const engine = createTesseractEngine({
      tessdataDir,
      workers: 1,
      workerPath: join(__dirname, 'testing/netTrapWorker.cjs'),
    });
    try {
      // Script detection loads osd.traineddata into the same worker later: through the trap too.
      const page = await engine.recognize({ image: scan, languages: ['eng'], detectScript: true });
      expect(page.text).toMatch(/migration service/i);
      expect(page.script?.name).toBe('Latin');
    } finally {
      await engine.close();
    }
    await reportsDelivered();
    channel.close();
    expect(attempts).toEqual([]);
  }, 120_000);

  it('reads a page inside a network namespace with no network at all', (context) => {
    if (spawnSync('unshare', ['--net', 'true']).status !== 0) {
      console.warn('skipped: `unshare --net` is not available here (needs root or user namespaces)');
      context.skip();
    }
    const script = `
      const { createTesseractEngine } = require('./electron/core/ocr/tesseractEngine');
      const engine = createTesseractEngine({ tessdataDir: ${JSON.stringify(tessdataDir)}, workers: 1 });
      engine.recognize({ image: require('node:fs').readFileSync(${JSON.stringify(join(CORPUS_DIR, 'scan_0008.jpg'))}), languages: ['eng'] })
        .then((page) => { console.log(/migration service/i.test(page.text) ? 'READ' : 'EMPTY'); return engine.close(); });`;
    const tsx = join(repoRoot, 'node_modules/tsx/dist/cli.mjs');
    const out = execFileSync('unshare', ['--net', process.execPath, tsx, '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(out).toContain('READ');
  }, 120_000);

  it('writes no temp files and no traineddata while reading', async () => {
    const started = Date.now();
    const privateTmp = mkdtempSync(join(tmpdir(), 'dalel-ocr-tmp-'));
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = privateTmp; // workers and libvips take the temp folder from here
    const rootBefore = new Set(readdirSync(tmpdir()));
    const engine = createTesseractEngine({ tessdataDir, workers: 1 });
    try {
      await engine.recognize({ image: scan, languages: ['eng', 'rus'], detectScript: true });
    } finally {
      await engine.close();
      process.env.TMPDIR = savedTmp;
    }
    expect(readdirSync(privateTmp)).toEqual([]);
    rmSync(privateTmp, { recursive: true });
    // Nothing of ours in the machine's temp folder either (other processes may add their own files).
    const newInRoot = readdirSync(tmpdir()).filter((name) => !rootBefore.has(name) && /traineddata|tesseract|\.png$/i.test(name));
    expect(newInRoot).toEqual([]);
    // tesseract.js's default cache writes <lang>.traineddata into the working directory.
    const newTraineddata = [process.cwd(), repoRoot, tessdataDir, homedir()]
      .filter(existsSync)
      .flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)))
      .filter((path) => path.endsWith('.traineddata') && statSync(path).mtimeMs >= started);
    expect(newTraineddata).toEqual([]);
  }, 120_000);

  describe('timeouts and cancellation', () => {
    let engine: OcrEngine;
    beforeAll(() => {
      engine = createTesseractEngine({ tessdataDir, workers: 1 });
    });
    afterAll(() => engine.close());

    it('fails with "timeout" and the pool keeps working', async () => {
      const failure = await failureOf(engine.recognize({ image: scan, languages: ['eng'] }, { timeoutMs: 50 }));
      expect(failure.code).toBe('timeout');
      const page = await engine.recognize({ image: scan, languages: ['eng'] });
      expect(page.text).toMatch(/migration service/i);
    }, 120_000);

    it('fails with "cancelled" when aborted before or during reading', async () => {
      const before = new AbortController();
      before.abort();
      expect((await failureOf(engine.recognize({ image: scan, languages: ['eng'] }, { signal: before.signal }))).code).toBe(
        'cancelled',
      );
      const during = new AbortController();
      const running = recognizeWatched(engine, { image: scan, languages: ['eng'] }, { signal: during.signal });
      await running.started;
      during.abort();
      expect((await failureOf(running.result)).code).toBe('cancelled');
      const page = await engine.recognize({ image: scan, languages: ['eng'] });
      expect(page.confidence).toBeGreaterThan(60);
    }, 120_000);

    it('fails with "ocr-failed" on an undecodable image or an unknown language', async () => {
      expect((await failureOf(engine.recognize({ image: Buffer.from('not an image'), languages: ['eng'] }))).code).toBe(
        'ocr-failed',
      );
      expect((await failureOf(engine.recognize({ image: scan, languages: ['xyz' as 'eng'] }))).code).toBe('ocr-failed');
    });
  });

  it('fails pages still being read with "cancelled" when the engine closes', async () => {
    const engine = createTesseractEngine({ tessdataDir, workers: 1 });
    const pages = [recognizeWatched(engine, { image: scan, languages: ['eng'] }), recognizeWatched(engine, { image: scan, languages: ['eng'] })];
    // Listened to from the start, as the importer does: a page may fail while close() is still running.
    const failures = pages.map((page) => failureOf(page.result));
    // One page (either: both are decoded at once) has the engine's one worker; the other waits for it.
    await Promise.race(pages.map((page) => page.started));
    await engine.close();
    expect((await Promise.all(failures)).map((failure) => failure.code)).toEqual(['cancelled', 'cancelled']);
  }, 60_000);

  it('reads a page on workers warmed up for it, and the same page passed in as decoded pixels alike', async () => {
    const engine = createTesseractEngine({ tessdataDir, workers: 2 });
    try {
      engine.warmUp(['eng'], 2);
      const { data, info } = await sharp(scan).greyscale().raw().toBuffer({ resolveWithObject: true });
      const pixels = { data, width: info.width, height: info.height, channels: 1 as const };
      const [fromFile, fromPixels] = await Promise.all([
        engine.recognize({ image: scan, languages: ['eng'] }),
        engine.recognize({ image: pixels, languages: ['eng'], dpi: 300 }),
      ]);
      expect(fromFile.text).toMatch(/migration service/i);
      expect(fromPixels.text).toBe(fromFile.text);
      expect(fromPixels.pixels.length).toBe(fromPixels.width * fromPixels.height);
    } finally {
      await engine.close();
    }
  }, 120_000);

  it('fails with "ocr-failed" at once when language data is missing, warmed up or not', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'dalel-no-tessdata-'));
    const engine = createTesseractEngine({ tessdataDir: empty, workers: 1 });
    try {
      engine.warmUp(['rus'], 1); // does not throw, nor wait for a file that is not there
      const failure = await failureOf(engine.recognize({ image: scan, languages: ['rus'] }));
      expect(failure.code).toBe('ocr-failed');
      expect(failure.message).toContain('rus');
    } finally {
      await engine.close();
      rmSync(empty, { recursive: true });
    }
  });
});
