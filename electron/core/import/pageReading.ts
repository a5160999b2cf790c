import sharp from 'sharp';
import type { FileKind, OcrLanguage } from '../../../shared/domain/document';
import type { PageResult } from '../documents/documentStore';
import type { OcrEngine } from '../ocr';
import { placeOverlays } from './overlayPlacement';
import type { FileParser } from './parse';

const THUMB_WIDTH = 240;

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
  let read: Omit<PageResult, 'image' | 'thumb'> & { image: Buffer };
  if (content.source === 'text-layer') {
    // Read again as it prints by the background print reader: the text layer misses pictures.
    read = {
      source: 'text-layer',
      text: content.text,
      words: content.words,
      confidence: 100,
      width: content.width,
      height: content.height,
      dpi: content.dpi,
      rotation: 0,
      skew: 0,
      image: content.image,
      overlays: content.overlays,
      flatten: content.flatten,
    };
  } else {
    const ocr = await ports.ocr.recognize({ image: content.image, languages, dpi: content.dpi }, { signal });
    read = {
      source: 'ocr',
      text: ocr.text,
      words: ocr.words,
      confidence: ocr.confidence,
      width: ocr.width,
      height: ocr.height,
      dpi: content.dpi,
      rotation: ocr.rotation,
      skew: ocr.skew,
      image: ocr.image,
      overlays: placeOverlays(content.overlays, content, ocr),
      flatten: content.flatten,
      // The page was rendered as it prints and OCR read that: its reading is its print reading.
      print: { words: null, confidence: ocr.confidence, script: ocr.script?.name ?? null, languages: ocr.languages },
    };
  }
  const image = await sharp(read.image).jpeg({ quality: 85, mozjpeg: true }).toBuffer();
  const thumb = await sharp(read.image).resize({ width: THUMB_WIDTH }).jpeg({ quality: 70 }).toBuffer();
  return { ...read, image: { data: image, mime: 'image/jpeg' }, thumb: { data: thumb, mime: 'image/jpeg' } };
}
