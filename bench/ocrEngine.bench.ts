/**
 * `npm run bench:ocr:engine`: pages per minute of Dalel's OCR engine alone (no parsing or storing; the
 * whole import is `npm run bench:ocr`) on the corpus scans against the native
 * `tesseract` CLI in the same run (OMP_THREAD_LIMIT=1, as many processes as cores, the same pages, the
 * same languages per page from the truth and the same resources/tessdata), their ratio, and Dalel's
 * peak RSS (worker threads included: they live in this process). The issue's aim: a ratio of 1.0 or more.
 *
 * Page images are rendered into memory before either clock starts. Dalel's time includes starting its
 * workers, as an import does. The machine is shared, so both run OCR_BENCH_ROUNDS times (default 2),
 * alternating, and each one's best round counts. Mean CER of both is printed too.
 *
 * Then the cost of script detection (OSD) per page, which the engine runs only on pages whose first
 * reading is poor (bestReading.ts): OSD itself on each corpus page at the engine's resolution, and
 * switching the page's worker to osd.traineddata and back; and on how many corpus pages, read in their
 * own languages, the engine ran it.
 */
import { availableParallelism } from 'node:os';
import { characterErrorRate } from '../electron/core/ocr/cer';
import { detectScript } from '../electron/core/ocr/readPage';
import { createTesseractEngine, pageForOcr } from '../electron/core/ocr/tesseractEngine';
import { defaultTessdataDir } from '../electron/core/ocr/tessdata';
import { WorkerPool } from '../electron/core/ocr/workerPool';
import { corpusScanPages, loadCorpusPage, type CorpusPage } from '../electron/core/ocr/testing/corpusPages';
import { hasPdftoppm } from '../electron/core/testing/tools';
import { inLanes, nativeTesseract, nativeTesseractVersion } from '../electron/core/ocr/testing/nativeTesseract';
import { vmHighWaterMark } from './memory';

const MiB = 1024 * 1024;

function spread(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
  return `median ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`;
}

/** OSD on every page on one warm worker, and the worker's switch from the page's languages to osd and back. */
async function detectionCost(pages: CorpusPage[], images: Map<string, Buffer>, dpiOf: (page: CorpusPage) => number | undefined, tessdataDir: string) {
  const pool = new WorkerPool({ tessdataDir, size: 1 });
  const detect: number[] = [];
  const switching: number[] = [];
  const scripts = new Map<string, number>();
  try {
    for (const page of pages) {
      const { page: grey } = await pageForOcr(images.get(page.id)!, dpiOf(page));
      await pool.run(page.ocrLanguages, async (worker) => {
        await worker.forLanguages(page.ocrLanguages);
        const t0 = performance.now();
        const osd = await worker.forScriptDetection();
        const t1 = performance.now();
        const script = await detectScript(osd, grey);
        const t2 = performance.now();
        await worker.forLanguages(page.ocrLanguages);
        const t3 = performance.now();
        detect.push(t2 - t1);
        switching.push(t1 - t0 + (t3 - t2));
        const key = `${page.language}→${script?.name ?? 'none'}`;
        scripts.set(key, (scripts.get(key) ?? 0) + 1);
      }, { timeoutMs: 120_000 });
    }
  } finally {
    await pool.close();
  }
  return { detect, switching, scripts };
}

function meanCer(results: { page: CorpusPage; text: string }[]): string {
  const cers = results.map(({ page, text }) => characterErrorRate(text, page.text));
  return `${((100 * cers.reduce((a, b) => a + b, 0)) / cers.length).toFixed(1)}%`;
}

async function main(): Promise<void> {
  const cores = availableParallelism();
  const tessdataDir = defaultTessdataDir();
  const pages = corpusScanPages().filter((page) => hasPdftoppm || !page.file.endsWith('.pdf'));
  const images = new Map<string, Buffer>();
  for (const page of pages) images.set(page.id, await loadCorpusPage(page));
  const dpiOf = (page: CorpusPage) => (page.file.endsWith('.pdf') ? (page.dpi ?? undefined) : undefined);
  console.log(`${pages.length} corpus scan pages, ${cores} cores, language data ${tessdataDir}`);

  const version = nativeTesseractVersion();
  const rounds = Math.max(1, Number(process.env.OCR_BENCH_ROUNDS ?? 2));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const dalelRates: number[] = [];
  const nativeRates: number[] = [];
  let dalelCer = '';
  let detected = 0;
  let nativeCer = '';
  for (let round = 1; round <= rounds; round++) {
    const engine = createTesseractEngine({ tessdataDir });
    let started = performance.now();
    const dalel = await Promise.all(
      pages.map(async (page) => {
        const result = await engine.recognize({ image: images.get(page.id)!, languages: page.ocrLanguages, dpi: dpiOf(page) });
        return { page, text: result.text, detected: result.script !== null };
      }),
    );
    detected = dalel.filter((result) => result.detected).length;
    dalelRates.push(pages.length / ((performance.now() - started) / 60_000));
    await engine.close();
    dalelCer = meanCer(dalel);
    console.log(`round ${round}: Dalel ${dalelRates.at(-1)!.toFixed(1)} pages/min`);
    if (!version) continue;
    started = performance.now();
    const native = await inLanes(pages, cores, async (page) => {
      const run = await nativeTesseract(images.get(page.id)!, page.ocrLanguages, tessdataDir, { dpi: dpiOf(page) });
      return { page, text: run.text };
    });
    nativeRates.push(pages.length / ((performance.now() - started) / 60_000));
    nativeCer = meanCer(native);
    console.log(`round ${round}: native ${nativeRates.at(-1)!.toFixed(1)} pages/min`);
  }
  clearInterval(sampler);
  const hwm = vmHighWaterMark();
  const dalelRate = Math.max(...dalelRates);
  console.log(`Dalel (tesseract.js, ${cores} workers): ${dalelRate.toFixed(1)} pages/min, mean CER ${dalelCer}`);
  console.log(
    `Dalel peak RSS: ${(Math.max(peakRss, hwm ?? 0) / MiB).toFixed(0)} MiB (process.memoryUsage sampled ${(peakRss / MiB).toFixed(0)} MiB, VmHWM ${hwm ? (hwm / MiB).toFixed(0) : '–'} MiB; the native runs are child processes, not counted)`,
  );
  const cost = await detectionCost(pages, images, dpiOf, tessdataDir);
  console.log(`script detection (OSD) per page, 1 worker: ${spread(cost.detect)}; switching the worker to osd and back: ${spread(cost.switching)}`);
  console.log(`  scripts found (main language → script): ${[...cost.scripts].map(([key, n]) => `${key} ${n}`).join(', ')}`);
  console.log(`  the engine detected on ${detected} of ${pages.length} pages read in their own languages (only where the first reading was poor)`);
  if (!version) {
    console.log('native tesseract CLI: not installed (Debian: apt-get install tesseract-ocr); no ratio');
    return;
  }
  const nativeRate = Math.max(...nativeRates);
  console.log(`native ${version} (OMP_THREAD_LIMIT=1, ${cores} processes): ${nativeRate.toFixed(1)} pages/min, mean CER ${nativeCer}`);
  console.log(`ratio Dalel / native: ${(dalelRate / nativeRate).toFixed(2)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
