/**
 * `npm run bench:ocr` (issue 13, item 6): the whole import of scans, as the lawyer waits for it, against
 * the native `tesseract` CLI reading the same files in the same run. The aim: a ratio of 1.0 or more.
 *
 * Dalel: the app's own services (createAppServices, as Electron's main process builds them; the parser
 * process compiled as the app ships it) with a fresh vault open, the files dropped in with rus+kaz+eng,
 * the clock stopped when every document is `ready` (read, its pages and images stored, its text in the
 * search index), the import idle and the background print reader idle too. Everything an import does after the vault is open counts: parser
 * processes and OCR workers starting (the app starts them on the first import), parsing, orientation,
 * deskew, recognition, the viewer's images, storing. Suggestions are made when the lawyer opens a
 * document, not by the import: their time per document is printed beside, not counted.
 *
 * Native: `tesseract <file> stdout -l rus+kaz+eng --psm 3` on the same image files (it reads their
 * stated resolution itself), OMP_THREAD_LIMIT=1 (OpenMP's threads make it 6–8× slower on 2 cores,
 * DEPENDENCIES.md), as many processes at once as the machine has cores, which is the parallelism
 * Dalel's import gets (one OCR worker per core). Its text goes to a pipe: it stores, indexes and turns
 * nothing upright, so the comparison flatters it. Process start and model loading count, as Dalel's do.
 *
 * Pages: the 12 upright one-page image scans of the corpus whose languages are Russian, Kazakh and
 * English (the pages turned on their side or upside down are left out: the CLI does not turn them,
 * so it would be timed on other work). The machine is shared, so both run OCR_BENCH_ROUNDS times
 * (default 3), alternating, and each one's best round counts. Then one page alone (scan_0001.jpg, a
 * dense A4 letter), as a lawyer who drops a single scan waits for it, best of the same rounds. Mean CER
 * against the truth of both, and the CPU time each used (worker threads and child processes included),
 * whose ratio other work on a shared machine moves far less than it moves wall time.
 *
 * The engine alone (per-page languages, the 33 corpus pages, script detection's cost) is
 * `npm run bench:ocr:engine`.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { OcrLanguage } from '../shared/domain/document';
import { createAppServices, type AppServices } from '../electron/core/app/appServices';
import { DocumentStore } from '../electron/core/documents/documentStore';
import { nodeParserProcesses } from '../electron/core/import/parse';
import { characterErrorRate } from '../electron/core/ocr/cer';
import { defaultTessdataDir } from '../electron/core/ocr/tessdata';
import { corpusScanPages, CORPUS_DIR, type CorpusPage } from '../electron/core/ocr/testing/corpusPages';
import { inLanes, nativeTesseract, nativeTesseractVersion } from '../electron/core/ocr/testing/nativeTesseract';
import { TagService } from '../electron/core/tagging/tagService';
import { TEST_KDF, tempDir } from '../electron/core/testing/fixtures';
import { vmHighWaterMark } from './memory';

const LANGUAGES: OcrLanguage[] = ['rus', 'kaz', 'eng'];
const PAGES = 12;
const MiB = 1024 * 1024;

/**
 * The parser process's entry as the app runs it: compiled JavaScript (electron-vite builds it into
 * out/main), not TypeScript compiled on the fly by tsx as tests and the CLI start it, which cost each
 * process start 0.14 s more here. Built next to node_modules, so that its packages resolve as the app's do.
 */
function builtParserChild(): string {
  const outfile = join(__dirname, '../node_modules/.cache/dalel-bench/parserChild.js');
  buildSync({
    entryPoints: [join(__dirname, '../electron/core/import/parse/parserChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** The upright one-page image scans in Russian, Kazakh or English, by file name. */
function benchPages(): CorpusPage[] {
  const onePage = corpusScanPages().filter((page) => !page.file.includes('/') && /\.(jpe?g|png)$/i.test(page.file));
  return onePage
    .filter((page) => page.orientation === 0 && page.ocrLanguages.every((language) => LANGUAGES.includes(language)))
    .sort((a, b) => a.file.localeCompare(b.file))
    .slice(0, PAGES);
}

/**
 * CPU seconds used by this process (its OCR worker threads included) and its children that have been
 * waited for (parser processes once stopped, native tesseract runs): a measure the other work on a
 * shared machine does not stretch, where wall time is. Linux only.
 */
function cpuSeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // utime, stime, cutime, cstime: fields 14–17 of proc(5), in clock ticks (100 a second on Linux)
    return fields.slice(11, 15).reduce((sum, value) => sum + Number(value), 0) / 100;
  } catch {
    return undefined;
  }
}

function meanCer(results: { page: CorpusPage; text: string }[]): number {
  return results.reduce((sum, { page, text }) => sum + characterErrorRate(text, page.text), 0) / results.length;
}

interface DalelRun {
  ms: number;
  cpu: number | undefined;
  texts: { page: CorpusPage; text: string }[];
  suggestMs: number[];
}

/** One whole import into a fresh vault of a freshly started app; the services are disposed afterwards. */
async function dalelImport(pages: CorpusPage[], parserEntry: string): Promise<DalelRun> {
  const dir = tempDir('dalel-bench-');
  let services: AppServices | undefined;
  let cpuStart: number | undefined;
  try {
    services = createAppServices({
      configFile: join(dir.path, 'config.json'),
      defaultVaultPath: join(dir.path, 'vault'),
      parserProcesses: nodeParserProcesses({ entry: parserEntry }),
      tessdataDir: defaultTessdataDir(),
      kdf: TEST_KDF,
      logError: (context, error) => console.error(`${context}:`, error),
    });
    await services.session.create(join(dir.path, 'vault'), 'bench passphrase, not secret');
    cpuStart = cpuSeconds();
    const started = performance.now();
    const { batchId, done } = services.imports.startImport(pages.map((page) => ({ name: page.file, path: join(CORPUS_DIR, page.file) })), {
      languages: LANGUAGES,
    });
    await done;
    await services.imports.whenIdle();
    await services.printReader.whenIdle();
    const ms = performance.now() - started;

    const files = services.imports.progress(batchId)!.files;
    const store = new DocumentStore(services.session.vault().db);
    const texts = files.map((file, index) => {
      const doc = file.docId ? store.get(file.docId) : null;
      if (doc?.status !== 'ready') throw new Error(`${file.file} is ${doc?.status ?? file.status}, not ready`);
      return { page: pages[index]!, text: store.pages(file.docId!).map((page) => page.text ?? '').join('\n') };
    });
    const tagging = new TagService(services.session.vault().db);
    const suggestMs = files.map((file) => {
      const t0 = performance.now();
      tagging.suggest(file.docId!);
      return performance.now() - t0;
    });
    await services.dispose(); // parser processes end, so their CPU time is counted
    const cpuEnd = cpuSeconds();
    return { ms, cpu: cpuStart !== undefined && cpuEnd !== undefined ? cpuEnd - cpuStart : undefined, texts, suggestMs };
  } finally {
    await services?.dispose();
    dir.remove();
  }
}

async function nativeRead(pages: CorpusPage[], lanes: number): Promise<{ ms: number; cpu: number | undefined; texts: { page: CorpusPage; text: string }[] }> {
  const cpuStart = cpuSeconds();
  const started = performance.now();
  const texts = await inLanes(pages, lanes, async (page) => {
    const run = await nativeTesseract(readFileSync(join(CORPUS_DIR, page.file)), LANGUAGES, defaultTessdataDir());
    return { page, text: run.text };
  });
  const ms = performance.now() - started;
  const cpuEnd = cpuSeconds();
  return { ms, cpu: cpuStart !== undefined && cpuEnd !== undefined ? cpuEnd - cpuStart : undefined, texts };
}

const cpuPerPage = (run: { cpu: number | undefined }, pages: number) => (run.cpu === undefined ? '–' : `${(run.cpu / pages).toFixed(2)} CPU s a page`);

const perMinute = (pages: number, ms: number) => pages / (ms / 60_000);
const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

async function main(): Promise<void> {
  const cores = availableParallelism();
  const pages = benchPages();
  const version = nativeTesseractVersion();
  const rounds = Math.max(1, Number(process.env.OCR_BENCH_ROUNDS ?? 3));
  const parserEntry = builtParserChild();
  console.log(`${pages.length} one-page scans (${LANGUAGES.join('+')}), ${cores} cores: ${pages.map((page) => page.file).join(', ')}`);
  if (!version) console.log('native tesseract CLI: not installed (Debian: apt-get install tesseract-ocr); no ratio');

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const dalel: DalelRun[] = [];
  const native: Awaited<ReturnType<typeof nativeRead>>[] = [];
  const onePage = { dalel: [] as number[], native: [] as number[] };
  const single = pages.find((page) => page.file === 'scan_0001.jpg') ?? pages[0]!; // a dense A4 letter
  for (let round = 1; round <= rounds; round++) {
    dalel.push(await dalelImport(pages, parserEntry));
    const line = [`round ${round}: Dalel ${perMinute(pages.length, dalel.at(-1)!.ms).toFixed(1)} pages/min (${cpuPerPage(dalel.at(-1)!, pages.length)})`];
    onePage.dalel.push((await dalelImport([single], parserEntry)).ms);
    if (version) {
      native.push(await nativeRead(pages, cores));
      line.push(`native ${perMinute(pages.length, native.at(-1)!.ms).toFixed(1)} pages/min (${cpuPerPage(native.at(-1)!, pages.length)})`);
      onePage.native.push((await nativeRead([single], 1)).ms);
    }
    console.log(line.join(', '));
  }
  clearInterval(sampler);

  const bestDalel = dalel.reduce((a, b) => (b.ms < a.ms ? b : a));
  const suggest = bestDalel.suggestMs.reduce((a, b) => a + b, 0) / bestDalel.suggestMs.length;
  const hwm = vmHighWaterMark();
  console.log(
    `Dalel whole import (${cores} OCR workers): ${perMinute(pages.length, bestDalel.ms).toFixed(1)} pages/min, ` +
      `${(bestDalel.ms / 1000).toFixed(1)} s for ${pages.length} pages, ${cpuPerPage(bestDalel, pages.length)}; mean CER ${percent(meanCer(bestDalel.texts))}`,
  );
  console.log(`  one page alone (${single.file}): ${(Math.min(...onePage.dalel) / 1000).toFixed(2)} s; suggestions when a document is opened: ${suggest.toFixed(0)} ms (not counted)`);
  console.log(`  peak RSS of this process (OCR workers included; parser processes not): ${(Math.max(peakRss, hwm ?? 0) / MiB).toFixed(0)} MiB`);
  if (!version) return;
  const bestNative = native.reduce((a, b) => (b.ms < a.ms ? b : a));
  console.log(
    `native ${version} (OMP_THREAD_LIMIT=1, ${cores} processes): ${perMinute(pages.length, bestNative.ms).toFixed(1)} pages/min, ` +
      `${(bestNative.ms / 1000).toFixed(1)} s, ${cpuPerPage(bestNative, pages.length)}; mean CER ${percent(meanCer(bestNative.texts))}`,
  );
  console.log(`  one page alone: ${(Math.min(...onePage.native) / 1000).toFixed(2)} s`);
  console.log(`ratio Dalel / native, whole import: ${(bestNative.ms / bestDalel.ms).toFixed(2)}; one page: ${(Math.min(...onePage.native) / Math.min(...onePage.dalel)).toFixed(2)}`);
  const cpu = (runs: { cpu: number | undefined }[]) => Math.min(...runs.map((run) => run.cpu ?? Infinity));
  if (Number.isFinite(cpu(dalel)) && Number.isFinite(cpu(native))) {
    console.log(`  CPU time, native / Dalel (least of the rounds; what other work on the machine does not stretch): ${(cpu(native) / cpu(dalel)).toFixed(2)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
