import sharp, { type Sharp } from 'sharp';
import type { FileKind, OcrLanguage } from '../../../shared/domain/document';
import type { PageResult } from '../documents/documentStore';
import type { OcrEngine } from '../ocr';
import { placeOverlays } from './overlayPlacement';
import type { FileParser } from './parse';

const THUMB_WIDTH = 240;

/**
 * The stored page image. mozjpeg's trellis quantisation and scan optimisation took 0.25–0.5 s of an
 * A4 page at 200 dpi (a tenth of a page's import, issue 13 item 6) to save a quarter of the bytes;
 * libjpeg-turbo with optimised Huffman tables and the quantisation table mozjpeg uses (3, tuned for
 * perceived quality) takes 30 ms and writes 20–30% more (scan_0001: 446 against 345 KiB, the
 * original file being 1.2 MB). The lawyer waits for the import; the vault can hold the difference.
 */
const PAGE_JPEG = { quality: 85, optimiseCoding: true, quantisationTable: 3 } as const;
const THUMB_JPEG = { quality: 70 } as const;

function rawPage(page: { pixels: Buffer; width: number; height: number; channels: 1 | 3 }): Sharp {
  return sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: page.channels } });
}

/** The page image and its thumbnail as the vault keeps them, from one decoded source. */
export async function encodeForVault(source: Sharp): Promise<Pick<PageResult, 'image' | 'thumb'>> {
  const [image, thumb] = await Promise.all([
    source.clone().jpeg(PAGE_JPEG).toBuffer(),
    source.clone().resize({ width: THUMB_WIDTH }).jpeg(THUMB_JPEG).toBuffer(),
  ]);
  return { image: { data: image, mime: 'image/jpeg' }, thumb: { data: thumb, mime: 'image/jpeg' } };
}

/**
 * One page of an original, read: rendered (as it prints) in the parser process, then its text layer
 * taken or its image read by OCR, and the image and thumbnail encoded for the vault. The importer reads
 * new pages with it; the print reader reads again pages stored before pages were rendered as they print.
 */
export async function readPageContent(
  ports: { parser: FileParser; ocr: OcrEngine },
  original: { kind: FileKind; data: Uint8Array },
  page: number,
  languages: readonly OcrLanguage[],
  signal: AbortSignal,
): Promise<PageResult> {
  const content = await ports.parser.page(original.data, original.kind, page, { signal });
  if (content.source === 'text-layer') {
    // Read again as it prints by the background print reader: the text layer misses pictures.
    const read: Omit<PageResult, 'image' | 'thumb'> = {
      source: 'text-layer',
      text: content.text,
      words: content.words,
      confidence: 100,
      width: content.width,
      height: content.height,
      dpi: content.dpi,
      rotation: 0,
      skew: 0,
      overlays: content.overlays,
      flatten: content.flatten,
    };
    return { ...read, ...(await encodeForVault(rawPage(content))) };
  }
  const image = { data: content.pixels, width: content.width, height: content.height, channels: content.channels };
  const ocr = await ports.ocr.recognize({ image, languages, dpi: content.dpi }, { signal });
  const read: Omit<PageResult, 'image' | 'thumb'> = {
    source: 'ocr',
    text: ocr.text,
    words: ocr.words,
    confidence: ocr.confidence,
    width: ocr.width,
    height: ocr.height,
    // The resolution of the pixels kept: OCR's, which may be below the render's (see `scale`).
    dpi: Math.round(content.dpi * ocr.scale),
    rotation: ocr.rotation,
    skew: ocr.skew,
    overlays: placeOverlays(content.overlays, content, ocr),
    flatten: content.flatten,
    // The page was rendered as it prints and OCR read that: its reading is its print reading.
    print: { words: null, confidence: ocr.confidence, script: ocr.script?.name ?? null, languages: ocr.languages },
  };
  return { ...read, ...(await encodeForVault(rawPage({ pixels: ocr.pixels, width: ocr.width, height: ocr.height, channels: 1 }))) };
}
