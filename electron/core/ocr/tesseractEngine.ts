/**
 * OcrEngine on tesseract.js: decode and measure the page with sharp, turn it upright and level, read it
 * on a pooled worker, and map the result to what Dalel stores. Nothing touches the network (language
 * data comes from `tessdataDir`, the worker and core from node_modules) or the disk (no cache writes,
 * images stay in memory).
 */
import { availableParallelism } from 'node:os';
import { OCR_LANGUAGES, type OcrLanguage, type Word } from '../../../shared/domain/document';
import { OcrFailure, type OcrEngine, type OcrInput, type OcrOptions, type OcrPageResult } from './ocrEngine';
import { decodeGrey, encodePng, imageInfo, measureGeometry, rotateBox, rotatePage, type GreyImage, type PageGeometry } from './pageGeometry';
import type { PageText } from './pageText';
import { readPage } from './readPage';
import { missingLanguages } from './tessdata';
import { cancelledFailure, WorkerPool } from './workerPool';

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

// A dense A4 page at 300 dpi takes 2–4 s on one worker of the 2-core CI machine (bench:ocr), up to
// three times that when it also has to be tried the other way up. Two minutes is far beyond that.
const DEFAULT_TIMEOUT_MS = 120_000;

// Mean word confidence of the 18 upright corpus image scans read the right way up: 78 (the fax) to 95;
// read upside down: 47 to 61 (a trilingual card). Below this the other way up is tried. Sideways pages
// cannot be told by confidence (tesseract reads them as vertical text at 88–95): the projection
// profile decides the axis.
const CONFIDENT = 70;
// Projection-profile spikiness across text lines over along them: 1.5–7 on the corpus pages, 1.05 on
// the phone photo taken at an angle. Below this both axes are tried, upright first: most pages are,
// and tesseract's layout analysis reads a sideways page as vertical text with a confidence high enough
// to pass (the phone photo read at 270° scored 92 and lost 12 points of CER).
const CLEAR_AXIS = 1.3;

type Rotation = OcrPageResult['rotation'];

// Tesseract scales every text line to a fixed height before recognising it, so a scan finer than this
// only adds layout-analysis time. bench:ocr and the accuracy test on the corpus: reading its 300-dpi
// scans at 200 dpi took a quarter less time; mean CER per language moved both ways by a few points
// (ru 14.8% → 7.7%, kk 12.0% → 14.0%, en 2.7% → 2.9%), through changed layout decisions rather than
// misread letters. The viewer's image has this resolution too; the importer keeps the original file.
const OCR_DPI = 200;

/** The orientations worth trying, most likely first (rotation = degrees the input was turned clockwise). */
export function orientationCandidates(geometry: PageGeometry): Rotation[] {
  if (geometry.axisRatio < CLEAR_AXIS) return [0, 180, 90, 270];
  return geometry.vertical ? [90, 270] : [0, 180];
}

function plausibleDpi(dpi: number | undefined): number | undefined {
  return dpi && dpi >= 100 && dpi <= 1200 ? Math.round(dpi) : undefined;
}

export function createTesseractEngine(options: TesseractEngineOptions): OcrEngine {
  const pool = new WorkerPool({
    tessdataDir: options.tessdataDir,
    size: options.workers ?? availableParallelism(),
    workerPath: options.workerPath,
  });
  let closed = false;

  /** The page (at OCR_DPI at most) turned by quarter turns: what tesseract reads. */
  function turned(page: GreyImage, rotation: Rotation): Promise<GreyImage> {
    return rotatePage(page, (4 - rotation / 90) % 4, 0);
  }

  /**
   * The viewer's image: the page tesseract read, deskewed, with the words' boxes moved onto it.
   * Tesseract reads the page before deskewing: its layout analysis copes with a few degrees of skew,
   * and on a deskewed copy it split a letterhead differently (scan_0005: CER 1.4% as scanned, 10.9%
   * deskewed).
   */
  async function forViewer(read: GreyImage, geometry: PageGeometry, words: readonly Word[], dpi: number | undefined) {
    const level = geometry.deskew === 0 ? read : await rotatePage(read, 0, geometry.deskew, geometry.paper);
    const moved = geometry.deskew === 0 ? [...words] : words.map((word) => ({ ...word, bbox: rotateBox(word.bbox, read, level, geometry.deskew) }));
    return { image: await encodePng(level, dpi), width: level.width, height: level.height, words: moved };
  }

  async function recognize(input: OcrInput, ocrOptions: OcrOptions = {}): Promise<OcrPageResult> {
    const { signal } = ocrOptions;
    if (closed || signal?.aborted) throw cancelledFailure();
    const languages = checkLanguages(input.languages, options.tessdataDir);

    // Decoding and measuring happen on the worker's turn, so that at most one page per worker is held
    // in memory however many pages an import hands in at once (all 33 corpus pages at once: 1 GB).
    const { geometry, ocrDpi, rotation, read, text } = await pool.run(
      languages,
      async (worker, abandoned) => {
        let page: GreyImage;
        let ocrDpi: number | undefined;
        try {
          const info = await imageInfo(input.image);
          const dpi = plausibleDpi(input.dpi) ?? plausibleDpi(info.density);
          const scale = dpi ? Math.min(1, OCR_DPI / dpi) : 1;
          ocrDpi = dpi ? Math.round(dpi * scale) : undefined;
          page = await decodeGrey(input.image, scale, info.width);
        } catch (error) {
          throw new OcrFailure('ocr-failed', 'The page image could not be decoded.', { cause: error });
        }
        const geometry = await measureGeometry(page);
        let best: { rotation: Rotation; read: GreyImage; text: PageText } | undefined;
        for (const rotation of orientationCandidates(geometry)) {
          const read = await turned(page, rotation);
          if (abandoned.aborted) throw cancelledFailure();
          const text = await readPage(worker, read, ocrDpi, abandoned);
          if (!best || text.confidence > best.text.confidence) best = { rotation, read, text };
          if (text.confidence >= CONFIDENT) break;
        }
        return { geometry, ocrDpi, ...best! };
      },
      { signal, timeoutMs: ocrOptions.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
    );
    // The deskewed image for the viewer is made after the worker is free for the next page.
    const viewer = await forViewer(read, geometry, text.words, ocrDpi);
    if (signal?.aborted) throw cancelledFailure();
    return { ...viewer, rotation, skew: geometry.deskew, text: text.text, confidence: text.confidence };
  }

  return {
    recognize,
    async close() {
      closed = true;
      await pool.close();
    },
  };
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
