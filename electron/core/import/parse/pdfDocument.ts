import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentInitParameters, PDFDocumentLoadingTask, PDFDocumentProxy, TextItem } from 'pdfjs-dist/types/src/display/api';
import type { ImportWarning } from '../../../../shared/domain/document';
import { MAX_IMAGE_PIXELS, MAX_PAGES } from './limits';
import { readingCopy, ReadingCopyFailure } from './pdfReadingCopy';
import { pdfHasEnd, pdfMentionsEncrypt, pdfNamesActiveContent, pdfXrefIntact } from './pdfStructure';
import { layerText } from './textLayer';
import { ImportFailure } from './types';

/**
 * Opening PDFs with pdf.js (legacy build: the only one that runs in Node) inside the parser process.
 * pdf.js runs on this process's own thread ("fake worker"): the process is the isolation boundary, and a
 * stuck parse is ended by killing it.
 */

type Pdfjs = typeof PdfjsModule;

// eslint-disable-next-line no-restricted-syntax -- pdf.js loaded once per parser process (the module, not case state)
let pdfjsLoading: Promise<Pdfjs> | null = null;

/** pdf.js is ESM-only and heavy: loaded on first use, in the parser process only. */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjsLoading ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // The worker's message handler, installed on this thread so pdf.js never tries to start a worker from a URL.
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return pdfjs;
  })();
  return pdfjsLoading;
}

/** pdf.js's own data files, read from node_modules with fs (never fetched): fonts, CMaps, wasm decoders, ICC. */
function resourceDirs(): Pick<DocumentInitParameters, 'standardFontDataUrl' | 'cMapUrl' | 'wasmUrl' | 'iccUrl'> {
  const root = dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
  const dir = (name: string) => join(root, name) + sep; // pdf.js wants the trailing separator
  return { standardFontDataUrl: dir('standard_fonts'), cMapUrl: dir('cmaps'), wasmUrl: dir('wasm'), iccUrl: dir('iccs') };
}

function documentParameters(data: Uint8Array, password: string | undefined): DocumentInitParameters {
  return {
    data,
    ...(password === undefined ? {} : { password }),
    ...resourceDirs(),
    cMapPacked: true,
    // pdf.js 6 no longer has an eval path (the option was removed with it); kept so that an older pdf.js
    // swapped in can never compile font programs with eval.
    ...({ isEvalSupported: false } as object),
    useWorkerFetch: false, // resources through fs, never fetch()
    useSystemFonts: false, // no lookups in the OS font directories: same rendering on every machine
    disableFontFace: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false, // XFA forms are dynamic (scripted) documents; their static fallback is rendered
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    // An embedded image bigger than any real scan is skipped rather than decoded into gigabytes.
    maxImageSize: MAX_IMAGE_PIXELS,
    verbosity: 0, // errors only: pdf.js would otherwise log warnings about the file into the app's log
  };
}

const TRUNCATED =
  'This PDF is incomplete: its end is missing, so it was probably cut off while downloading or copying. Ask for a complete copy and import that.';
const DAMAGED = 'This PDF is damaged and cannot be opened.';

/** pdf.js's PasswordResponses: no password was given, or the one given opens nothing. */
const INCORRECT_PASSWORD = 2;

function openFailure(error: unknown, bytes: Uint8Array): ImportFailure {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    // The messages never repeat the password: they go to the import panel, the audit log and the CLI.
    if ((error as { code?: number }).code === INCORRECT_PASSWORD) {
      return new ImportFailure('pdf-password-wrong', 'The password does not open this PDF. Check it (capital letters, the keyboard language) and try again.');
    }
    return new ImportFailure('pdf-password-required', 'This PDF is protected with a password. Enter the password to import it; Dalel uses it once and does not keep it.');
  }
  if (name !== 'InvalidPDFException' && pdfMentionsEncrypt(bytes)) {
    return new ImportFailure('encrypted-pdf', 'This PDF is encrypted in a way Dalel cannot open. Ask the sender for an unprotected copy.');
  }
  return new ImportFailure('corrupt-file', DAMAGED);
}

interface OpenPdf {
  key: string;
  task: PDFDocumentLoadingTask;
  doc: PDFDocumentProxy;
}

/**
 * The last opened document, kept for the next call: `page()` is called once per page with the same
 * bytes, and re-parsing a large PDF for each page would cost more than rendering it. Keyed by content
 * hash, so a different file (or changed bytes) is never served from the cache.
 */
// eslint-disable-next-line no-restricted-syntax -- the parser process's one open PDF (a child process per parse job), keyed by content hash
let current: OpenPdf | null = null;

export async function closePdf(): Promise<void> {
  const open = current;
  current = null;
  await open?.task.destroy().catch(() => undefined);
}

/** `password` only for a file that asked for one; a document opened with it is cached apart from one opened without. */
export function openPdf(bytes: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  return openPdfKeyed(password === undefined ? hash : `${hash}:unlocked`, () => bytes, password);
}

/**
 * The document known by `key`, opened from `load()` unless it is the one already open. A file Dalel
 * wrote is known by its path, size and time: hashing a 300 MB bundle for every page read would cost
 * more than reading the page.
 */
export async function openPdfKeyed(key: string, load: () => Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  if (current?.key === key) return current.doc;
  const bytes = load();
  if (!pdfHasEnd(bytes)) throw new ImportFailure('corrupt-file', TRUNCATED);
  await closePdf();
  const pdfjs = await loadPdfjs();
  // pdf.js takes ownership of (detaches) the array it is given, so it gets a copy.
  const task = pdfjs.getDocument(documentParameters(new Uint8Array(bytes), password));
  try {
    const doc = await task.promise;
    current = { key, task, doc };
    return doc;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw openFailure(error, bytes);
  }
}

/** Active content anywhere pdf.js looks (document, form fields, each page's actions) or named in plain objects. */
async function hasActiveContent(doc: PDFDocumentProxy, bytes: Uint8Array): Promise<boolean> {
  if (pdfNamesActiveContent(bytes)) return true;
  if (await doc.hasJSActions()) return true;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const actions = await page.getJSActions();
    page.cleanup();
    if (actions && actions.size > 0) return true;
  }
  return false;
}

const NO_READING_COPY =
  'This PDF opened with the password, but Dalel could not make the readable copy it keeps beside the original. Ask the sender for a copy without a password.';

async function pageText(doc: PDFDocumentProxy, n: number): Promise<string> {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  page.cleanup();
  return layerText(content.items.filter((item): item is TextItem => 'str' in item));
}

/**
 * The reading copy of a file that opened with `password` (pdfReadingCopy.ts says why there is one),
 * checked with pdf.js against the protected file: the same number of pages, and the same text on the
 * first and the last page. Every page would be surer, but a 3,000-page file would then spend the
 * inspection's time limit on the check; a copy that went wrong goes wrong everywhere (the key, the
 * cipher, the object layout), which the first and last pages show.
 */
async function checkedReadingCopy(bytes: Uint8Array, password: string, locked: PDFDocumentProxy): Promise<Uint8Array> {
  const pages = locked.numPages;
  const expected = pages > 0 ? [await pageText(locked, 1), await pageText(locked, pages)] : [];
  // pdf.js's copy of the protected file goes before the reading copy is made: making the copy of a 226 MB
  // scan (40 A4 pages of noise at 300 dpi, AES-256) took 0.6 s and 560 MB beyond the file itself, and with
  // pdf.js's copy still open a file near MAX_FILE_BYTES would come close to the parser's memory limit.
  await closePdf();
  let copy: Uint8Array;
  try {
    copy = await readingCopy(bytes, password);
  } catch (error) {
    if (error instanceof ReadingCopyFailure) throw new ImportFailure('encrypted-pdf', NO_READING_COPY);
    throw error;
  }
  let doc: PDFDocumentProxy;
  try {
    doc = await openPdf(copy);
  } catch {
    throw new ImportFailure('encrypted-pdf', NO_READING_COPY);
  }
  const found = doc.numPages > 0 ? [await pageText(doc, 1), await pageText(doc, doc.numPages)] : [];
  if (doc.numPages !== pages || found.some((text, i) => text !== expected[i])) throw new ImportFailure('encrypted-pdf', NO_READING_COPY);
  return copy;
}

/**
 * Opens the file, with `password` only when it asks for one, and checks it. A file that needed the
 * password comes back with its reading copy, which every later parse of it opens instead.
 */
export async function inspectPdf(bytes: Uint8Array, password?: string): Promise<{ pageCount: number; warnings: ImportWarning[]; readingCopy?: Uint8Array }> {
  let doc: PDFDocumentProxy;
  let copy: Uint8Array | undefined;
  try {
    doc = await openPdf(bytes);
  } catch (error) {
    if (!(error instanceof ImportFailure && error.code === 'pdf-password-required' && password)) throw error;
    copy = await checkedReadingCopy(bytes, password, await openPdf(bytes, password));
    doc = await openPdf(copy);
  }
  const readable = copy ?? bytes;
  const pageCount = doc.numPages;
  if (pageCount < 1) throw new ImportFailure('corrupt-file', 'This PDF contains no pages.');
  if (pageCount > MAX_PAGES) {
    throw new ImportFailure('file-too-large', `This PDF has ${pageCount} pages; Dalel imports up to ${MAX_PAGES} pages per file. Split it and import the parts.`);
  }
  const warnings: ImportWarning[] = [];
  try {
    // Scripts are only read here, never run: pdf.js runs PDF JavaScript only through its scripting
    // sandbox (pdf.scripting.mjs), which Dalel never loads.
    if (await hasActiveContent(doc, readable)) warnings.push('pdf-javascript');
    const { info } = (await doc.getMetadata()) as { info: { EncryptFilterName?: string | null } };
    // It opened without a password, so only an owner password (print/copy restrictions) protects it.
    if (info.EncryptFilterName) warnings.push('pdf-encrypted-owner');
  } catch {
    throw new ImportFailure('corrupt-file', DAMAGED);
  }
  if (!pdfXrefIntact(bytes)) warnings.push('pdf-repaired');
  return { pageCount, warnings, ...(copy ? { readingCopy: copy } : {}) };
}
