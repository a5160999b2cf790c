/**
 * The pool's promise about workers it gives up on: a page's task that still holds its worker after the
 * pool stopped it (cancel, timeout, close) can go on calling it without taking the process down.
 */
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Worker } from 'tesseract.js';
import { OcrFailure } from './ocrEngine';
import { defaultTessdataDir } from './tessdata';
import { WorkerPool } from './workerPool';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function page(text: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="120"><rect width="600" height="120" fill="white"/><text x="20" y="70" font-size="36" font-family="DejaVu Sans">${text}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('worker pool', () => {
  const unhandled: unknown[] = [];
  const listen = (reason: unknown) => unhandled.push(reason);
  afterEach(() => {
    process.off('unhandledRejection', listen);
    unhandled.length = 0;
  });

  // Each way a task may touch its worker after the pool stopped it: a reading, a script detection and
  // a switch to languages the worker has not loaded (tesseract.js loads, then initialises).
  const lateCalls: [string, (worker: Worker, image: Buffer) => Promise<unknown>][] = [
    ['recognize', (worker, image) => worker.recognize(image)],
    ['reinitialize', (worker) => worker.reinitialize('rus')],
  ];
  for (const [name, late] of lateCalls) {
    it(`lets a cancelled page's task call ${name} on its stopped worker without an unhandled rejection`, async () => {
      process.on('unhandledRejection', listen);
      const pool = new WorkerPool({ tessdataDir: defaultTessdataDir(), size: 1 });
      const image = await page('Late call on a stopped worker');
      const controller = new AbortController();
      // settled once run() has failed the page: by then the pool has stopped the page's worker
      let given: () => void = () => {};
      const givenUp = new Promise<void>((done) => (given = done));
      let called = false;
      try {
        const run = pool.run(
          ['eng'],
          async (pageWorker) => {
            const worker = await pageWorker.forLanguages(['eng']);
            controller.abort();
            await givenUp;
            void late(worker, image).catch(() => {});
            called = true;
          },
          { signal: controller.signal, timeoutMs: 60_000 },
        );
        await expect(run).rejects.toBeInstanceOf(OcrFailure);
        given();
        await expect.poll(() => called).toBe(true);
        // The late call never settles (its thread is gone); what it could do wrong, it does within a few
        // turns of the event loop: tesseract.js posts the job as soon as the image is loaded.
        await sleep(300);
        expect(unhandled).toEqual([]);
        // The pool gives the slot a fresh worker for the next page.
        const text = await pool.run(['eng'], async (pageWorker) => (await (await pageWorker.forLanguages(['eng'])).recognize(image)).data.text, { timeoutMs: 60_000 });
        expect(text).toMatch(/stopped worker/i);
      } finally {
        await pool.close();
      }
    }, 60_000);
  }
});
