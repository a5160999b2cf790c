import { describe, expect, it } from 'vitest';
import type { PageRecord } from '../../../../shared/domain/document';
import { isLowConfidence, pageSizeOf, readingOf, shownConfidence } from './pageFacts';

function page(change: Partial<PageRecord>): PageRecord {
  return {
    page: 1,
    status: 'done',
    source: 'ocr',
    errorCode: null,
    errorMessage: null,
    width: 2480,
    height: 3508,
    dpi: 300,
    rotation: 0,
    skew: 0,
    confidence: 87.4,
    text: 'Unofficial translation',
    words: [{ text: 'Unofficial', bbox: [10, 10, 200, 40], conf: 91 }],
    print: { status: 'done', confidence: 88, script: 'Latin', error: null },
    lowConfidence: false,
    readingConfirmedAt: null,
    ...change,
  };
}

describe('page facts', () => {
  it('tints words tesseract was unsure of', () => {
    expect(isLowConfidence(35)).toBe(true);
    expect(isLowConfidence(91)).toBe(false);
    // tesseract gives -1 for blocks it did not score; that is not a low score.
    expect(isLowConfidence(-1)).toBe(false);
  });

  it('measures boxes in the core’s page size, else the image’s', () => {
    expect(pageSizeOf(page({}), { width: 1, height: 1 })).toEqual({ width: 2480, height: 3508 });
    expect(pageSizeOf(page({ width: null, height: null }), { width: 800, height: 600 })).toEqual({ width: 800, height: 600 });
    expect(pageSizeOf(page({ width: null, height: null }), null)).toBeNull();
  });

  it('shows no text for a page still being read, even if an old reading is stored', () => {
    expect(readingOf(page({ status: 'pending' }))).toBeNull();
    expect(readingOf(page({ status: 'failed', text: null }))).toBeNull();
    expect(readingOf(page({}))?.text).toBe('Unofficial translation');
  });

  it('gives a confidence for OCR only', () => {
    expect(shownConfidence(page({}))).toBeCloseTo(0.874);
    expect(shownConfidence(page({ source: 'text-layer', confidence: 100 }))).toBeNull();
    expect(shownConfidence(page({ status: 'pending' }))).toBeNull();
  });
});
