import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentInitParameters, PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import type { ImportWarning } from '../../../../shared/domain/document';
import { MAX_IMAGE_PIXELS, MAX_PAGES } from './limits';
import { pdfHasEnd, pdfMentionsEncrypt, pdfNamesActiveContent, pdfXrefIntact } from './pdfStructure';
import { ImportFailure } from './types';

/**
 * Opening PDFs with pdf.js (legacy build: the only one that runs in Node) inside the parser process.
 * pdf.js runs on this process's own thread ("fake worker"): the process is the isolation boundary, and a
 * stuck parse is ended by killing it.
 */

type Pdfjs = typeof PdfjsModule;

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

function documentParameters(data: Uint8Array): DocumentInitParameters {
  return {
    data,
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

function openFailure(error: unknown, bytes: Uint8Array): ImportFailure {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    return new ImportFailure(
      'encrypted-pdf',
      'This PDF is protected with a password. Open it with the password, save an unprotected copy (or ask the sender for one) and import that.',
    );
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
let current: OpenPdf | null = null;

export async function closePdf(): Promise<void> {
  const open = current;
  current = null;
  await open?.task.destroy().catch(() => undefined);
}

export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return openPdfKeyed(createHash('sha256').update(bytes).digest('hex'), () => bytes);
}

/**
 * The document known by `key`, opened from `load()` unless it is the one already open. A file Dalel
 * wrote is known by its path, size and time: hashing a 300 MB bundle for every page read would cost
 * more than reading the page.
 */
export async function openPdfKeyed(key: string, load: () => Uint8Array): Promise<PDFDocumentProxy> {
  if (current?.key === key) return current.doc;
  const bytes = load();
  if (!pdfHasEnd(bytes)) throw new ImportFailure('corrupt-file', TRUNCATED);
  await closePdf();
  const pdfjs = await loadPdfjs();
  // pdf.js takes ownership of (detaches) the array it is given, so it gets a copy.
  const task = pdfjs.getDocument(documentParameters(new Uint8Array(bytes)));
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

export async function inspectPdf(bytes: Uint8Array): Promise<{ pageCount: number; warnings: ImportWarning[] }> {
  const doc = await openPdf(bytes);
  const pageCount = doc.numPages;
  if (pageCount < 1) throw new ImportFailure('corrupt-file', 'This PDF contains no pages.');
  if (pageCount > MAX_PAGES) {
    throw new ImportFailure('file-too-large', `This PDF has ${pageCount} pages; Dalel imports up to ${MAX_PAGES} pages per file. Split it and import the parts.`);
  }
  const warnings: ImportWarning[] = [];
  try {
    // Scripts are only read here, never run: pdf.js runs PDF JavaScript only through its scripting
    // sandbox (pdf.scripting.mjs), which Dalel never loads.
    if (await hasActiveContent(doc, bytes)) warnings.push('pdf-javascript');
    const { info } = (await doc.getMetadata()) as { info: { EncryptFilterName?: string | null } };
    // It opened without a password, so only an owner password (print/copy restrictions) protects it.
    if (info.EncryptFilterName) warnings.push('pdf-encrypted-owner');
  } catch {
    throw new ImportFailure('corrupt-file', DAMAGED);
  }
  if (!pdfXrefIntact(bytes)) warnings.push('pdf-repaired');
  return { pageCount, warnings };
}
