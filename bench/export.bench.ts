/**
 * `npm run bench:export`: Dalel's bundle writer on a 500-page bundle against a plain
 * `qpdf --empty --pages <files> -- out.pdf` merge of the same pages, in the same run. The aim:
 * Dalel within 2× of the merge.
 *
 * The pages are the corpus scans (JPEG and PNG page images, cycled), 50 documents of 10 pages in three
 * sections, each page with an OCR layer made from its truth text (every line of the page, as words on
 * boxes). Before either clock starts, each document is also written as a plain image PDF (the same image
 * bytes, nothing else) for qpdf to merge. Dalel's run is the whole export: cover, index with links, every
 * page shrunk into the area above its stamp, the invisible text layer, bookmarks, the manifest with a
 * redaction log, subset fonts, object streams — and the file written to disk as it is serialised
 * (writeBundlePdfToFile, as the bundle service writes it, less the fsync that qpdf does not do either)
 * with its SHA-256 computed on the way; qpdf writes its own output file. Both run
 * EXPORT_BENCH_ROUNDS times (default 3), alternating, and each one's best round counts (the machine is
 * shared); garbage is collected before each timed run. Peak RSS is this process's (Dalel's, the page images it is handed included: 18 corpus scans,
 * shared by the 500 pages); qpdf's is measured by /usr/bin/time when present.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PDFDocument, PDFName } from 'pdf-lib';
import { A4 } from '../electron/core/bundle/pdf/geometry';
import { imageXObject } from '../electron/core/bundle/pdf/images';
import { writeBundlePdfToFile } from '../electron/core/bundle/pdf/index';
import { bundleDocument, bundleInput, corpusImages, imagePage, type CorpusImage } from '../electron/core/bundle/pdf/testing/corpusBundle';
import type { BundleImagePage, BundlePdfInput } from '../electron/core/bundle/pdf/types';

const DOCUMENTS = 50;
const PAGES_PER_DOCUMENT = 10;
const ROUNDS = Number(process.env.EXPORT_BENCH_ROUNDS ?? 3);
const AIM_RATIO = 2;
const MiB = 1024 * 1024;
const SECTIONS = ['Decisions', 'Certificates', 'Correspondence'];

/** A full garbage collection, so that no timed run pays for what the previous one (or the set-up) left. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function vmHighWaterMark(): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined; // not Linux
  }
}

/** A plain image PDF of `pages`: each image on an A4 page, fitted, nothing else (what a scanner writes). */
async function plainImagePdf(pages: BundleImagePage[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const page of pages) {
    const image = await imageXObject(doc.context, page.image, page.mime, { limitWidth: Infinity, limitHeight: Infinity, targetWidth: 0, targetHeight: 0 });
    const scale = Math.min(A4.width / page.width, A4.height / page.height);
    const pdfPage = doc.addPage([A4.width, A4.height]);
    const content = `q ${page.width * scale} 0 0 ${page.height * scale} 0 0 cm /Im0 Do Q`;
    pdfPage.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(content)));
    pdfPage.node.set(PDFName.of('Resources'), doc.context.obj({ XObject: { Im0: image.ref } }));
  }
  return doc.save({ useObjectStreams: true });
}

function bundleOf(documents: BundleImagePage[][]): BundlePdfInput {
  const sections = SECTIONS.map((title) => ({ title, documents: [] as BundlePdfInput['sections'][number]['documents'] }));
  documents.forEach((pages, d) => {
    const document = bundleDocument(
      {
        title: `Document ${d + 1}: ${['Решение об отказе', 'Анықтама', 'Letter of the Committee', '公安局通知'][d % 4]}`,
        date: `2021-${String((d % 12) + 1).padStart(2, '0')}-15`,
        description: d % 3 === 0 ? 'Certified copy, with the stamp of the Migration Service' : '',
        fileName: `scan_${String(d + 1).padStart(4, '0')}.pdf`,
        sha256: (d + 1).toString(16).padStart(2, '0').repeat(32),
        translationOf: null,
      },
      pages.length,
      (i) => pages[i]!,
    );
    sections[d % SECTIONS.length]!.documents.push(document);
  });
  return bundleInput(sections, {
    manifest: {
      auditHead: 'c0ffee'.repeat(10) + 'beef',
      generatedAt: '2026-11-28T20:00:00.000Z',
      redactions: Array.from({ length: 40 }, (_, i) => ({
        page: 10 + i * 12,
        box: [120, 340 + i, 600, 60] as [number, number, number, number],
        reason: i % 2 ? ('term' as const) : ('protected-person' as const),
        label: i % 2 ? `Term ${1 + (i % 3)}` : `Protected person P-0${1 + (i % 4)}`,
      })),
    },
  });
}

function qpdfMerge(files: string[], out: string): { ms: number; peakRss?: number } {
  const timeTool = existsSync('/usr/bin/time');
  const args = ['--empty', '--pages', ...files, '--', out];
  const started = performance.now();
  const result = timeTool ? spawnSync('/usr/bin/time', ['-f', '%M', 'qpdf', ...args], { encoding: 'utf8' }) : spawnSync('qpdf', args, { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`qpdf failed: ${result.stderr}`);
  const kb = timeTool ? Number(/(\d+)\s*$/.exec(result.stderr.trim())?.[1]) : NaN;
  return { ms, peakRss: Number.isFinite(kb) ? kb * 1024 : undefined };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-export-bench-'));
  try {
    const images: CorpusImage[] = await corpusImages();
    const pages = Array.from({ length: DOCUMENTS * PAGES_PER_DOCUMENT }, (_, i) => imagePage(images[i % images.length]!));
    const documents = Array.from({ length: DOCUMENTS }, (_, d) => pages.slice(d * PAGES_PER_DOCUMENT, (d + 1) * PAGES_PER_DOCUMENT));
    const files: string[] = [];
    for (const [d, docPages] of documents.entries()) {
      const file = join(dir, `document-${String(d + 1).padStart(2, '0')}.pdf`);
      writeFileSync(file, await plainImagePdf(docPages));
      files.push(file);
    }
    const words = pages.reduce((sum, page) => sum + page.words.length, 0);
    const qpdfVersion = execFileSync('qpdf', ['--version'], { encoding: 'utf8' }).split('\n')[0];

    const loadBefore = loadavg()[0]!;
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const qpdfRuns: number[] = [];
    const dalelRuns: number[] = [];
    let qpdfRss: number | undefined;
    let dalelPages = 0;
    let firstExportPeak = 0;
    const qpdfOut = join(dir, 'qpdf.pdf');
    const dalelOut = join(dir, 'dalel.pdf');
    for (let round = 0; round < ROUNDS; round++) {
      collectGarbage();
      const merged = qpdfMerge(files, qpdfOut);
      qpdfRuns.push(merged.ms);
      qpdfRss = Math.max(qpdfRss ?? 0, merged.peakRss ?? 0) || undefined;

      const input = bundleOf(documents);
      collectGarbage();
      const started = performance.now();
      const result = await writeBundlePdfToFile(input, dalelOut);
      dalelRuns.push(performance.now() - started);
      dalelPages = result.pages;
      if (round === 0) firstExportPeak = Math.max(peakRss, vmHighWaterMark() ?? 0);
    }
    clearInterval(sampler);

    const best = (runs: number[]) => Math.min(...runs);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const size = (file: string) => `${(statSync(file).size / MiB).toFixed(1)} MiB`;
    const qpdfPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [qpdfOut], { encoding: 'utf8' }))?.[1]);
    const ratio = best(dalelRuns) / best(qpdfRuns);
    const row = (...cells: string[]) => `  ${cells[0]!.padEnd(22)}${cells.slice(1).map((cell) => cell.padEnd(22)).join('')}`;
    console.log(
      `\nExport benchmark — ${DOCUMENTS} documents × ${PAGES_PER_DOCUMENT} pages from ${images.length} corpus scans, ${words} OCR words (Node ${process.version}, ${qpdfVersion}, ${availableParallelism()} cores)`,
    );
    console.log(row('', 'Dalel to file', 'qpdf to file', 'ratio', 'aim'));
    console.log(row('time (best)', seconds(best(dalelRuns)), seconds(best(qpdfRuns)), ratio.toFixed(2), `ratio ≤ ${AIM_RATIO}`));
    console.log(`  every round           Dalel ${dalelRuns.map(seconds).join(', ')}; qpdf ${qpdfRuns.map(seconds).join(', ')}`);
    console.log(row('pages', String(dalelPages), String(qpdfPages), '', 'Dalel adds cover, index, manifest'));
    console.log(row('output size', size(dalelOut), size(qpdfOut), (statSync(dalelOut).size / statSync(qpdfOut).size).toFixed(2)));
    const hwm = vmHighWaterMark();
    const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
    console.log(row('peak RSS, first round', mib(firstExportPeak), qpdfRss ? mib(qpdfRss) : 'n/a', '', 'Dalel: this process, with the inputs'));
    console.log(row('peak RSS, all rounds', mib(Math.max(peakRss, hwm ?? 0)), '', '', 'a round starts before the last one is collected'));
    console.log(`  machine load average  ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after (${availableParallelism()} cores, shared)`);
    if (ratio > AIM_RATIO) console.log(`\n  aim not met: ${ratio.toFixed(2)}× the merge`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
