/**
 * `npm run bench:export`: a whole bundle export — through the bundle service, from an encrypted vault —
 * of a 500-page bundle against a plain `qpdf --empty --pages <files> -- out.pdf` merge of the same
 * pages, in the same run. The issue's aim: Dalel within 2× of the merge, with the pages' print readings
 * already in the vault (the background reader reads them after import); the time when nothing is cached
 * (the export reads the born-digital pages as they print first) is printed too.
 *
 * The vault holds 50 scanned documents of 10 pages, cycled from the corpus scans (JPEG and PNG page
 * images, each stored with OCR words made from its truth text, as the import would leave them; the
 * original is a plain image PDF of the pages), and the corpus's born-digital PDFs, imported for real.
 * The register is the corpus persons, relatives protected, so names are redacted where the texts name
 * them. Dalel's run is everything an export does: plan (matching every reading, snapping boxes to the
 * ink), burn, write cover, index, pages with stamps and text layer, bookmarks, manifest, read the file
 * back for leaks (bytes, pdf.js text in the parser process, OCR of redacted regions), fsync and rename.
 * qpdf merges the 50 image PDFs and the born-digital PDFs. Both run EXPORT_BENCH_ROUNDS times (default 3),
 * alternating; each one's best round counts (the machine is shared). Peak RSS is this process's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PDFDocument, PDFName } from 'pdf-lib';
import sharp from 'sharp';
import { BundleService } from '../electron/core/bundle/bundleService';
import { BundleStore } from '../electron/core/bundle/bundleStore';
import { defaultFontsDir } from '../electron/core/bundle/bundleHandlers';
import { A4 } from '../electron/core/bundle/pdf/geometry';
import { imageXObject } from '../electron/core/bundle/pdf/images';
import { corpusImages, type CorpusImage } from '../electron/core/bundle/pdf/testing/corpusBundle';
import type { BundleImagePage } from '../electron/core/bundle/pdf/types';
import { DocumentStore } from '../electron/core/documents/documentStore';
import { ImportService } from '../electron/core/import/importService';
import { createFileParser, nodeParserProcesses } from '../electron/core/import/parse';
import { PrintReader } from '../electron/core/import/printReader';
import { encodeForVault } from '../electron/core/import/pageReading';
import { createTesseractEngine, defaultTessdataDir } from '../electron/core/ocr';
import { RegisterStore } from '../electron/core/tagging/registerStore';
import { corpusPath, corpusPersons } from '../electron/core/testing/corpus';
import { TEST_KDF, tempDir } from '../electron/core/testing/fixtures';
import { createVault, type Vault } from '../electron/core/vault/vault';
import { vmHighWaterMark } from './memory';

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

/** A plain image PDF of `pages`: each image on an A4 page, fitted, nothing else (what a scanner writes). */
async function plainImagePdf(pages: BundleImagePage[], title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title); // documents cycle through the same scans; their files differ (a vault refuses duplicates)
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

const BORN_DIGITAL = ['appeal_draft_Askaruly_v2.pdf', 'ngo_letter_45-21.pdf', 'shagym_Toktarkyzy.pdf', 'memo_relatives_xinjiang.pdf'];
const PASSPHRASE = 'bench export passphrase 2026';

/** The 50 scanned documents, stored as the import leaves a scanned PDF (OCR words, print reading done). */
async function storeScans(vault: Vault, documents: BundleImagePage[][], files: string[]): Promise<string[]> {
  const store = new DocumentStore(vault.db);
  const ids: string[] = [];
  const now = new Date('2026-11-28T10:00:00Z');
  for (const [d, pages] of documents.entries()) {
    const original = readFileSync(files[d]!);
    const thumbs = await Promise.all(pages.map(async (page) => sharp(page.image).resize({ width: 240 }).jpeg({ quality: 70 }).toBuffer()));
    ids.push(
      vault.db.transaction(() => {
        const { id } = store.insert({ fileName: `scan_${String(d + 1).padStart(4, '0')}.pdf`, title: `Document ${d + 1}`, kind: 'pdf', mime: 'application/pdf', pageCount: pages.length, warnings: [], languages: ['rus', 'kaz', 'eng'], original, now });
        pages.forEach((page, i) =>
          store.savePage(id, i + 1, {
            source: 'ocr',
            text: page.words.map((w) => w.text).join(' '),
            words: page.words,
            confidence: 90,
            width: page.width,
            height: page.height,
            dpi: page.dpi,
            rotation: 0,
            skew: 0,
            image: { data: page.image, mime: page.mime },
            thumb: { data: thumbs[i]!, mime: 'image/jpeg' },
            print: { words: null, confidence: 90, script: null, languages: ['rus', 'kaz', 'eng'] },
          }, vault.searchIndex),
        );
        store.settle(id, now);
        return id;
      })(),
    );
  }
  return ids;
}

async function main(): Promise<void> {
  const dir = tempDir('dalel-export-bench-');
  const parser = createFileParser({ processes: nodeParserProcesses(), concurrency: 2 });
  const ocr = createTesseractEngine({ tessdataDir: defaultTessdataDir() });
  let vault: Vault | null = null;
  try {
    // Each corpus scan read once, as the import reads it: the upright image OCR made and its real words
    // (a redaction box must fall where the name is printed, or the leak check finds it — rightly).
    const images: CorpusImage[] = await corpusImages();
    const scans: BundleImagePage[] = [];
    for (const image of images) {
      const languages = /[\u4e00-\u9fff]/u.test(image.lines.join('')) ? (['chi_sim', 'eng'] as const) : (['rus', 'kaz', 'eng'] as const);
      const read = await ocr.recognize({ image: image.bytes, languages, dpi: image.dpi });
      const jpeg = (await encodeForVault(sharp(read.pixels, { raw: { width: read.width, height: read.height, channels: 1 } }))).image.data;
      scans.push({ kind: 'image', image: jpeg, mime: 'image/jpeg', width: read.width, height: read.height, dpi: image.dpi, words: read.words });
    }
    const pages = Array.from({ length: DOCUMENTS * PAGES_PER_DOCUMENT }, (_, i) => scans[i % scans.length]!);
    const documents = Array.from({ length: DOCUMENTS }, (_, d) => pages.slice(d * PAGES_PER_DOCUMENT, (d + 1) * PAGES_PER_DOCUMENT));
    const files: string[] = [];
    for (const [d, docPages] of documents.entries()) {
      const file = join(dir.path, `document-${String(d + 1).padStart(2, '0')}.pdf`);
      writeFileSync(file, await plainImagePdf(docPages, `Document ${d + 1}`));
      files.push(file);
    }
    const words = pages.reduce((sum, page) => sum + page.words.length, 0);
    console.log(`read ${scans.length} corpus scans by OCR; building the vault…`);
    const qpdfVersion = execFileSync('qpdf', ['--version'], { encoding: 'utf8' }).split('\n')[0];

    // The vault: scans stored, born-digital PDFs imported, the corpus register with its relatives protected.
    const created = (await createVault(join(dir.path, 'vault'), PASSPHRASE, { kdf: TEST_KDF })).vault;
    vault = created;
    const scanIds = await storeScans(created, documents, files);
    const imports = new ImportService({ parser, ocr });
    imports.attach(created);
    const imported = await imports.importFiles(BORN_DIGITAL.map((file) => ({ name: file, path: corpusPath(file) })));
    await imports.whenIdle();
    await imports.detach();
    const bornDigital = imported.files.map((file) => file.docId!);
    const register = RegisterStore.open(created.db);
    for (const person of corpusPersons()) register.createPerson({ id: person.id, name: person.name, variants: person.variants, role: person.role, protected: person.protected });
    const store = new BundleStore(created.db);
    const sections = SECTIONS.map((title, s) => ({
      title,
      entries: [...scanIds, ...bornDigital]
        .filter((_, d) => d % SECTIONS.length === s)
        .map((docId, i) => ({ docId, title: `Document ${s + 1}.${i + 1}: ${['Решение об отказе', 'Анықтама', 'Letter of the Committee', '公安局通知'][i % 4]}`, date: '2021-04-15', description: '', translationDocIds: [] })),
    }));
    const bundle = (title: string, redaction: { protectedPersons: boolean; terms: string[] }) =>
      store.save({ title, caseId: null, personId: 'D-P01', preparedBy: 'Madina Seitkaliyeva, advocate', stampPrefix: '', sections, redaction: { ...redaction, boxes: [], waived: [] } }).id;
    // The aim's bundle: redaction on (a term looked for everywhere, every check of the finished file runs)
    // with nothing on these pages to burn. The second: the corpus's relatives protected, their names
    // burned wherever the pages print them.
    const bundleId = bundle('Askaruly v. Migration Service — appeal bundle', { protectedPersons: false, terms: ['Kokzhar-Tobe 17'] });
    const redactedId = bundle('Askaruly v. Migration Service — with relatives redacted', { protectedPersons: true, terms: [] });
    const printReader = new PrintReader({ parser, ocr, importBusy: () => false });
    printReader.attach(created);
    // Where an export's time goes: the first progress event of each phase, from the start.
    let phases: Array<[string, number]> = [];
    const service = new BundleService(created.db, {
      fontsDir: defaultFontsDir(),
      vaultDir: created.dir,
      checks: { parser, printReader },
      originals: parser,
      onProgress: (progress) => {
        if (phases.at(-1)?.[0] !== progress.phase) phases.push([progress.phase, performance.now()]);
      },
    });
    const phaseTimes = (started: number, ended: number) =>
      phases.map(([phase, at], i) => `${phase} ${(((phases[i + 1]?.[1] ?? ended) - at) / 1000).toFixed(2)} s`).join(', ') + ` (first phase after ${((phases[0]?.[1] ?? started) - started).toFixed(0)} ms)`;
    const documentStore = new DocumentStore(created.db);
    const exportOnce = async (out: string, id = bundleId) => {
      rmSync(out, { force: true });
      rmSync(out.replace(/\.pdf$/, '.manifest.json'), { force: true });
      collectGarbage();
      phases = [];
      const started = performance.now();
      const result = await service.export(id, { path: out, overwrite: true });
      const ended = performance.now();
      console.log(`  export phases: ${phaseTimes(started, ended)}`);
      return { ms: ended - started, result };
    };

    // Nothing cached: the born-digital pages have not been read as they print.
    const uncached = await exportOnce(join(dir.path, 'uncached.pdf'));
    const plan = await service.plan(redactedId);
    const redactedPages = new Set(plan.redactions.filter((r) => !r.waived).map((r) => `${r.docId}#${r.page}`)).size;

    const loadBefore = loadavg()[0]!;
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const qpdfRuns: number[] = [];
    const dalelRuns: number[] = [];
    const redactedRuns: number[] = [];
    let qpdfRss: number | undefined;
    let dalelPages = 0;
    const qpdfOut = join(dir.path, 'qpdf.pdf');
    const dalelOut = join(dir.path, 'dalel.pdf');
    const qpdfFiles = [...files, ...BORN_DIGITAL.map((file) => corpusPath(file))];
    for (let round = 0; round < ROUNDS; round++) {
      collectGarbage();
      const merged = qpdfMerge(qpdfFiles, qpdfOut);
      qpdfRuns.push(merged.ms);
      qpdfRss = Math.max(qpdfRss ?? 0, merged.peakRss ?? 0) || undefined;
      const { ms, result } = await exportOnce(dalelOut);
      dalelRuns.push(ms);
      dalelPages = result.pages;
      redactedRuns.push((await exportOnce(join(dir.path, 'redacted.pdf'), redactedId)).ms);
    }
    clearInterval(sampler);
    const printPending = bornDigital.reduce((sum, id) => sum + documentStore.pages(id).filter((p) => p.print.status !== 'done').length, 0);

    const best = (runs: number[]) => Math.min(...runs);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const size = (file: string) => `${(statSync(file).size / MiB).toFixed(1)} MiB`;
    const qpdfPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [qpdfOut], { encoding: 'utf8' }))?.[1]);
    const ratio = best(dalelRuns) / best(qpdfRuns);
    const row = (...cells: string[]) => `  ${cells[0]!.padEnd(24)}${cells.slice(1).map((cell) => cell.padEnd(22)).join('')}`;
    console.log(
      `\nExport benchmark — ${DOCUMENTS} scanned documents × ${PAGES_PER_DOCUMENT} pages from ${images.length} corpus scans (${words} OCR words) and ${BORN_DIGITAL.length} born-digital PDFs (Node ${process.version}, ${qpdfVersion}, ${availableParallelism()} cores)`,
    );
    console.log(row('', 'Dalel export', 'qpdf merge', 'ratio', 'aim'));
    console.log(row('time, print readings cached', seconds(best(dalelRuns)), seconds(best(qpdfRuns)), ratio.toFixed(2), `ratio ≤ ${AIM_RATIO}`));
    console.log(row('time, nothing cached', seconds(uncached.ms), '', (uncached.ms / best(qpdfRuns)).toFixed(2), 'born-digital pages read as they print first'));
    console.log(
      row(`time, ${redactedPages} pages redacted`, seconds(best(redactedRuns)), '', (best(redactedRuns) / best(qpdfRuns)).toFixed(2), `${((best(redactedRuns) - best(dalelRuns)) / redactedPages).toFixed(0)} ms more a redacted page`),
    );
    console.log(`  every round             Dalel ${dalelRuns.map(seconds).join(', ')} (redacted ${redactedRuns.map(seconds).join(', ')}); qpdf ${qpdfRuns.map(seconds).join(', ')}; print readings left pending: ${printPending}`);
    console.log(row('pages', String(dalelPages), String(qpdfPages), '', 'Dalel adds cover, index, manifest'));
    console.log(row('output size', size(dalelOut), size(qpdfOut), (statSync(dalelOut).size / statSync(qpdfOut).size).toFixed(2)));
    const hwm = vmHighWaterMark();
    const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
    console.log(row('peak RSS', mib(Math.max(peakRss, hwm ?? 0)), qpdfRss ? mib(qpdfRss) : 'n/a', '', 'Dalel: this process (the parser and OCR run beside it)'));
    console.log(`  machine load average    ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after (${availableParallelism()} cores, shared)`);
    if (ratio > AIM_RATIO) console.log(`\n  aim not met: ${ratio.toFixed(2)}× the merge`);
    await printReader.detach();
  } finally {
    vault?.lock();
    await Promise.allSettled([parser.close(), ocr.close()]);
    dir.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
