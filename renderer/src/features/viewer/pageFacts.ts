import type { PageRecord } from '../../../../shared/domain/document';
import type { Size } from './viewGeometry';

/**
 * Word confidences are tesseract's, 0–100. Not tuned on Dalel's corpus yet: 60 is a cut-off
 * tesseract tooling commonly uses for "check this word". Tune it against the corpus truth files.
 */
export const LOW_CONFIDENCE = 60;

export function isLowConfidence(conf: number): boolean {
  return conf >= 0 && conf < LOW_CONFIDENCE;
}

/**
 * The page's size in the pixels its word boxes are measured in: the core's, else the image's own
 * (a page read before sizes were stored, or not read yet).
 */
export function pageSizeOf(page: Pick<PageRecord, 'width' | 'height'>, natural: Size | null): Size | null {
  if (page.width && page.height && page.width > 0 && page.height > 0) return { width: page.width, height: page.height };
  if (natural && natural.width > 0 && natural.height > 0) return natural;
  return null;
}

/**
 * A page still being read shows no text and no boxes: after "re-run OCR" the stored text is the old
 * reading, and showing it as the page's text would claim a result that does not exist yet.
 */
export function readingOf(page: PageRecord): { text: string; words: PageRecord['words'] } | null {
  if (page.status !== 'done') return null;
  return { text: page.text ?? '', words: page.words };
}

/** Confidence is worth showing for OCR only: a PDF's own text layer is not a guess. */
export function shownConfidence(page: Pick<PageRecord, 'status' | 'source' | 'confidence'>): number | null {
  if (page.status !== 'done' || page.source !== 'ocr' || page.confidence === null) return null;
  return Math.max(0, Math.min(100, page.confidence)) / 100;
}
