/**
 * The corpus's scanned pages with their ground truth, for the OCR accuracy tests and the OCR benches.
 * Image-only PDF pages are rendered with poppler's `pdftoppm` at the scan's own DPI, straight into memory
 * (no files, testing/pdfRender), and TIFF pages are taken out with sharp.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { OcrLanguage } from '../../../../shared/domain/document';
import { CORPUS_DIR } from '../../testing/corpusDir';
import { renderPdfPagePng } from '../../testing/pdfRender';

export { CORPUS_DIR };

const TESSERACT_CODE: Record<string, OcrLanguage> = { ru: 'rus', kk: 'kaz', en: 'eng', zh: 'chi_sim' };

export interface CorpusPage {
  /** e.g. `scan_0001.jpg` or `verdict_Kadyrbekuly.pdf#2` */
  id: string;
  file: string;
  page: number; // 1-based
  /** main language of the document (ISO-639-1), the one its CER is reported under */
  language: string;
  /** tesseract languages for the page, from the truth, main language first */
  ocrLanguages: OcrLanguage[];
  text: string;
  orientation: 0 | 90 | 180 | 270;
  skewDeg: number | null;
  dpi: number | null;
  capture: string;
}

interface Truth {
  file: string;
  languages?: string[];
  format?: string;
  has_text_layer?: boolean;
  page_text?: string[];
  page_orientation?: number[];
  images?: { dpi?: number | null; skew_deg?: number | null; capture?: string }[];
}

/** Every page that needs OCR: scans, image-only PDFs and the valid multi-page TIFF (not the duplicate). */
export function corpusScanPages(dir = CORPUS_DIR): CorpusPage[] {
  const truths = [
    ...readdirSync(dir).filter((f) => f.endsWith('.truth.json')),
    ...(existsSync(join(dir, 'bad/scan_multipage.truth.json')) ? ['bad/scan_multipage.truth.json'] : []),
  ];
  const pages: CorpusPage[] = [];
  for (const name of truths.sort()) {
    const truth = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Truth;
    if (truth.has_text_layer || !truth.languages || !truth.page_text || !truth.images?.length) continue;
    truth.page_text.forEach((text, i) => {
      const image = truth.images?.[i];
      pages.push({
        id: truth.page_text!.length > 1 ? `${truth.file}#${i + 1}` : truth.file,
        file: truth.file,
        page: i + 1,
        language: truth.languages![0]!,
        ocrLanguages: truth.languages!.map((l) => TESSERACT_CODE[l]).filter((l): l is OcrLanguage => !!l),
        text,
        orientation: (truth.page_orientation?.[i] ?? 0) as CorpusPage['orientation'],
        skewDeg: image?.skew_deg ?? null,
        dpi: image?.dpi ?? null,
        capture: image?.capture ?? '',
      });
    });
  }
  return pages;
}

/**
 * The page as an encoded image (the file itself for single images; PNG for PDF and TIFF pages). PDF
 * pages are rendered at the scan's DPI unless `renderDpi` asks for less (quicker, for geometry tests).
 */
export async function loadCorpusPage(page: CorpusPage, { renderDpi, dir = CORPUS_DIR }: { renderDpi?: number; dir?: string } = {}): Promise<Buffer> {
  const path = join(dir, page.file);
  if (page.file.toLowerCase().endsWith('.pdf')) {
    return renderPdfPagePng(path, page.page, renderDpi ?? page.dpi ?? 300, { gray: true });
  }
  if (/\.tiff?$/i.test(page.file)) {
    return sharp(path, { page: page.page - 1 }).png().toBuffer();
  }
  return readFileSync(path);
}
