/**
 * OcrEngine on tesseract.js: decode and measure the page with sharp, turn it upright and level, read it
 * on a pooled worker, and map the result to what Dalel stores. Nothing touches the network (language
 * data comes from `tessdataDir`, the worker and core from node_modules) or the disk (no cache writes,
 * images stay in memory).
 */
import { availableParallelism } from 'node:os';
import { OCR_LANGUAGES, type OcrLanguage, type Word } from '../../../shared/domain/document';
import { OcrFailure, type AngledInput, type OcrEngine, type OcrInput, type OcrOptions, type OcrPageResult } from './ocrEngine';
import { readAngled } from './angledText';
import { bestReading, type ScriptDetection } from './bestReading';
import { decodeGrey, imageInfo, measureGeometry, rotateBox, rotatePage, type GreyImage, type PageGeometry, type RawImage } from './pageGeometry';
import { missingLanguages, OSD_DATA } from './tessdata';
import { PagesInHand } from './pagesInHand';
import { withLines } from './pageText';
import { cancelledFailure, WorkerPool } from './workerPool';

export { orientationCandidates } from './bestReading';

export interface TesseractEngineOptions {
  /** folder with <lang>.traineddata (resources/tessdata; the caller resolves it) */
  tessdataDir: string;
  /** worker threads; default: the machine's available parallelism */
  workers?: number;
  /** default per-page limit when recognize() is given none */
  timeoutMs?: number;
  /** tesseract.js worker script; tests pass a wrapper that watches for network use */
  workerPath?: string;
}

// A dense A4 page at 300 dpi takes 2–4 s on one worker of the 2-core CI machine (bench:ocr:engine). The worst
// page is read eight times: four ways up (no clear text-line axis) in two scripts, plus OSD's 0.3 s.
// Two minutes is far beyond that.
const DEFAULT_TIMEOUT_MS = 120_000;

// Tesseract scales every text line to a fixed height before recognising it, so a scan finer than this
// only adds layout-analysis time. bench:ocr:engine and the accuracy test on the corpus: reading its 300-dpi
// scans at 200 dpi took a quarter less time; mean CER per language moved both ways by a few points
// (ru 14.8% → 7.7%, kk 12.0% → 14.0%, en 2.7% → 2.9%), through changed layout decisions rather than
// misread letters. The viewer's image has this resolution too; the importer keeps the original file.
const OCR_DPI = 200;

function plausibleDpi(dpi: number | undefined): number | undefined {
  return dpi && dpi >= 100 && dpi <= 1200 ? Math.round(dpi) : undefined;
}

/**
 * The page as tesseract gets it: greyscale, upright by EXIF, at OCR_DPI at most; its resolution if
 * known, and the scale from the input's pixels to its own.
 */
export async function pageForOcr(
  image: Buffer | RawImage,
  stated?: number,
): Promise<{ page: GreyImage; dpi: number | undefined; scale: number }> {
  const info = await imageInfo(image);
  const dpi = plausibleDpi(stated) ?? plausibleDpi(info.density);
  const scale = dpi ? Math.min(1, OCR_DPI / dpi) : 1;
  return { page: await decodeGrey(image, scale, info.width), dpi: dpi ? Math.round(dpi * scale) : undefined, scale };
}

/** pageForOcr, failing as OCR does when the image cannot be decoded. */
async function decodedPage(image: Buffer | RawImage, dpi: number | undefined): ReturnType<typeof pageForOcr> {
  try {
    return await pageForOcr(image, dpi);
  } catch (error) {
    throw new OcrFailure('ocr-failed', 'The page image could not be decoded.', { cause: error });
  }
}

export function createTesseractEngine(options: TesseractEngineOptions): OcrEngine {
  const pool = new WorkerPool({
    tessdataDir: options.tessdataDir,
    size: options.workers ?? availableParallelism(),
    workerPath: options.workerPath,
  });
  // One page in hand for each worker, and the next one being made ready.
  const inHand = new PagesInHand(pool.size + 1);
  let closed = false;

  /**
   * The viewer's image: the page tesseract read, deskewed, with the words' boxes moved onto it.
   * Tesseract reads the page before deskewing: its layout analysis copes with a few degrees of skew,
   * and on a deskewed copy it split a letterhead differently (scan_0005: CER 1.4% as scanned, 10.9%
   * deskewed). Left as pixels: the importer encodes it once, for the vault (a PNG here, decoded again
   * there to make the JPEG, cost 0.1 s a page for nothing).
   */
  async function forViewer(read: GreyImage, geometry: PageGeometry, words: readonly Word[]) {
    const level = geometry.deskew === 0 ? read : await rotatePage(read, 0, geometry.deskew, geometry.paper);
    const moved = geometry.deskew === 0 ? [...words] : words.map((word) => ({ ...word, bbox: rotateBox(word.bbox, read, level, geometry.deskew) }));
    return { pixels: level.data, width: level.width, height: level.height, words: moved };
  }

  async function recognize(input: OcrInput, ocrOptions: OcrOptions = {}): Promise<OcrPageResult> {
    const { signal } = ocrOptions;
    if (closed || signal?.aborted) throw cancelledFailure();
    const languages = checkLanguages(input.languages, options.tessdataDir);

    const detection = scriptDetection(input.detectScript, options.tessdataDir);
    const installed = (language: OcrLanguage) => missingLanguages(options.tessdataDir, [language]).length === 0;
    // The page is decoded and measured before its worker is free, and turned into the viewer's image
    // after (pagesInHand.ts): the worker reads one page after the other without waiting for either.
    const giveBack = await inHand.take(signal);
    try {
      const { page, dpi: ocrDpi, scale } = await decodedPage(input.image, input.dpi);
      const geometry = await measureGeometry(page);
      const reading = await pool.run(
        languages,
        async (worker) => {
          const best = await bestReading(worker, page, geometry, { languages, dpi: ocrDpi, detection, installed });
          // Text at an angle of its own (a picture pasted sideways, upside down or tilted): angledText.ts.
          const angled = await readAngled((wanted) => worker.forLanguages(wanted), best.languages, best.read, ocrDpi, best.text.words, worker.abandoned);
          return { ...best, text: withLines(best.text, angled.lines, angled.unsure) };
        },
        { signal, timeoutMs: ocrOptions.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS, onStarted: ocrOptions.onStarted },
      );
      const { rotation, read, text, script } = reading;
      const viewer = await forViewer(read, geometry, text.words);
      if (signal?.aborted) throw cancelledFailure();
      return {
        ...viewer,
        scale,
        rotation,
        skew: geometry.deskew,
        text: text.text,
        confidence: text.confidence,
        script,
        languages: [...reading.languages],
      };
    } finally {
      giveBack();
    }
  }

  async function angledOnly(input: AngledInput, ocrOptions: OcrOptions = {}): Promise<Word[]> {
    const { signal } = ocrOptions;
    if (closed || signal?.aborted) throw cancelledFailure();
    const languages = checkLanguages(input.languages, options.tessdataDir);
    const giveBack = await inHand.take(signal);
    try {
      const { page, dpi: ocrDpi, scale } = await decodedPage(input.image, input.dpi);
      const at = (box: Word['bbox'], by: number): Word['bbox'] => [box[0] * by, box[1] * by, box[2] * by, box[3] * by];
      const known = input.words.map((word) => ({ ...word, bbox: at(word.bbox, scale) }));
      const angled = await pool.run(languages, (worker) => readAngled((wanted) => worker.forLanguages(wanted), languages, page, ocrDpi, known, worker.abandoned), {
        signal,
        timeoutMs: ocrOptions.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        onStarted: ocrOptions.onStarted,
      });
      return [...angled.lines.flatMap((line) => line.words), ...angled.unsure].map((word) => ({ ...word, bbox: at(word.bbox, 1 / scale).map(Math.round) as Word['bbox'] }));
    } finally {
      giveBack();
    }
  }

  return {
    recognize,
    readAngled: angledOnly,
    warmUp(languages, pages) {
      if (closed) return;
      try {
        pool.warmUp(checkLanguages(languages, options.tessdataDir), options.timeoutMs ?? DEFAULT_TIMEOUT_MS, pages);
      } catch {
        // Unknown or missing languages: the pages fail with the reason when they are read.
      }
    },
    async close() {
      closed = true;
      inHand.close();
      await pool.close();
    },
  };
}

/**
 * 'auto' needs osd.traineddata only on the pages it looks at twice; without it they keep their first
 * reading. Asked for outright, detection without its data is a failure the caller sees.
 */
function scriptDetection(asked: boolean | undefined, tessdataDir: string): ScriptDetection {
  if (asked === false) return 'never';
  if (missingLanguages(tessdataDir, [OSD_DATA]).length === 0) return asked ? 'always' : 'auto';
  if (asked) throw new OcrFailure('ocr-failed', `OCR language data is missing: ${OSD_DATA}.`);
  return 'never';
}

function checkLanguages(languages: readonly OcrLanguage[], tessdataDir: string): OcrLanguage[] {
  const unique = [...new Set(languages)];
  const unknown = unique.filter((language) => !(OCR_LANGUAGES as readonly string[]).includes(language));
  if (unique.length === 0 || unknown.length > 0) {
    throw new OcrFailure('ocr-failed', `Unsupported OCR language: ${unknown.join(', ') || '(none given)'}.`);
  }
  // tesseract.js waits forever for a language file it cannot read; fail at once instead.
  const missing = missingLanguages(tessdataDir, unique);
  if (missing.length > 0) {
    throw new OcrFailure('ocr-failed', `OCR language data is missing: ${missing.join(', ')}.`);
  }
  return unique;
}
