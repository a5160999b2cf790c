/**
 * Bundle inputs built from the corpus, for the writer's tests and `npm run bench:export`: page images as
 * the vault hands them over, with an OCR layer made from the truth text (its lines spread down the page,
 * each word on a box proportional to its length), and originals that are PDFs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import type { Word } from '../../../../../shared/domain/document';
import { readJpeg, readPng } from '../images';
import type { BundleImagePage, BundlePdfDocument, BundlePdfInput, BundleSourcePage } from '../types';
import { CORPUS_DIR } from '../../../testing/corpusDir';
import { inProcessOriginals } from './inProcessOriginals';

export { CORPUS_DIR };
export const FONTS_DIR = resolve(__dirname, '../../../../../resources/fonts');

export interface CorpusImage {
  file: string;
  bytes: Buffer;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  dpi: number;
  /** the truth's text lines of the page */
  lines: string[];
}

interface Truth {
  page_text?: string[];
  images?: Array<{ dpi?: number | null }>;
  page_orientation?: number[];
}

/**
 * Every single-page corpus scan (JPEG and PNG), in file-name order, upright as the vault stores page
 * images (the two scans stored turned are turned back, and re-encoded, once).
 */
export async function corpusImages(dir = CORPUS_DIR): Promise<CorpusImage[]> {
  const files = readdirSync(dir)
    .filter((file) => /\.(jpe?g|png)$/i.test(file))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      let bytes = readFileSync(join(dir, file));
      const truth = JSON.parse(readFileSync(join(dir, file.replace(/\.[^.]+$/, '.truth.json')), 'utf8')) as Truth;
      const jpeg = readJpeg(bytes) !== null;
      const turned = truth.page_orientation?.[0] ?? 0;
      if (turned) {
        const upright = sharp(bytes).rotate(-turned);
        bytes = await (jpeg ? upright.jpeg({ quality: 90 }) : upright.png()).toBuffer();
      }
      const header = readJpeg(bytes) ?? readPng(bytes);
      if (!header) throw new Error(`${file} is neither a JPEG nor a PNG`);
      return {
        file,
        bytes,
        mime: jpeg ? ('image/jpeg' as const) : ('image/png' as const),
        width: header.width,
        height: header.height,
        dpi: truth.images?.[0]?.dpi ?? 300,
        lines: (truth.page_text?.[0] ?? '').split('\n').filter((line) => line.trim()),
      };
    }),
  );
}

/** The lines as OCR words: spread between 8 % and 92 % of the height, words across 10–90 % of the width. */
export function wordsOnLines(lines: string[], width: number, height: number): Word[] {
  const words: Word[] = [];
  const pitch = Math.min((0.84 * height) / Math.max(1, lines.length), 0.03 * height);
  lines.forEach((line, i) => {
    const tokens = line.split(/\s+/).filter(Boolean);
    const chars = tokens.reduce((sum, token) => sum + [...token].length + 1, 0);
    const unit = (0.8 * width) / Math.max(chars, 40);
    let x = 0.1 * width;
    const y = 0.08 * height + i * pitch;
    for (const token of tokens) {
      const w = [...token].length * unit;
      words.push({ text: token, bbox: [Math.round(x), Math.round(y), Math.round(x + w), Math.round(y + 0.7 * pitch)], conf: 90 });
      x += w + unit;
    }
  });
  return words;
}

export function imagePage(image: CorpusImage, words = wordsOnLines(image.lines, image.width, image.height)): BundleImagePage {
  return { kind: 'image', image: image.bytes, mime: image.mime, width: image.width, height: image.height, dpi: image.dpi, words };
}

export interface DocumentOptions {
  /** the vault id; the title when not given */
  id?: string;
  title: string;
  fileName?: string;
  date?: string | null;
  description?: string;
  /** the original's id */
  translationOf?: string | null;
  translationOfTitle?: string | null;
  sha256?: string;
}

/** A document whose pages come from `pages(i)`; counts how often each page was loaded. */
export function bundleDocument(options: DocumentOptions, pageCount: number, pages: (index: number) => BundleSourcePage): BundlePdfDocument & { loads: number[] } {
  const loads = Array.from({ length: pageCount }, () => 0);
  return {
    id: options.id ?? options.title,
    title: options.title,
    date: options.date ?? null,
    description: options.description ?? '',
    fileName: options.fileName ?? `${options.title}.pdf`,
    sha256: options.sha256 ?? '0'.repeat(64),
    translationOf: options.translationOf ?? null,
    translationOfTitle: options.translationOfTitle ?? null,
    pageCount,
    loads,
    async page(index) {
      loads[index] = (loads[index] ?? 0) + 1;
      return pages(index);
    },
  };
}

/** A document whose pages are pages of an original PDF, with `fallback` as the page image. */
export function pdfDocument(options: DocumentOptions, pdf: Uint8Array, pageCount: number, fallback: (index: number) => BundleImagePage) {
  const fallbacks: number[] = [];
  const document = bundleDocument(options, pageCount, (pageIndex) => ({
    kind: 'pdf',
    pdf,
    pageIndex,
    async fallback() {
      fallbacks.push(pageIndex);
      return fallback(pageIndex);
    },
  }));
  return Object.assign(document, { fallbacks });
}

export function bundleInput(sections: BundlePdfInput['sections'], overrides: Partial<BundlePdfInput> = {}): BundlePdfInput {
  return {
    title: 'Askaruly v. Migration Service — appeal bundle',
    cover: { caseTitle: 'Askaruly v. Migration Service Committee', personName: 'Асқарұлы Нұрлан', preparedBy: 'Madina Seitkaliyeva, advocate', date: '2026-11-28' },
    stampPrefix: '',
    sections,
    manifest: { auditHead: '7f3a9c0e5b2d41f8a6e0c9b7d3f1a2e4c6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6', generatedAt: '2026-11-28T20:00:00.000Z', redactions: [] },
    fontsDir: FONTS_DIR,
    originals: inProcessOriginals,
    ...overrides,
  };
}
