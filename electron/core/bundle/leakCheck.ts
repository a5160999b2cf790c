/**
 * The last look before a bundle leaves the vault: the finished PDF is read back as anyone receiving it
 * could read it, and every protected spelling and redaction term is looked for again (issue 11):
 * - its bytes: every stream that is not a picture or a font program decompressed, and what lies between
 *   streams, searched for each spelling as UTF-8, UTF-16BE and hex strings (titles, outline, metadata,
 *   a literal string in an original's page);
 * - its text, as pdf.js extracts it page by page (in parser processes, since the bundle embeds pages of
 *   originals), through the same matcher as the planner;
 * - its pixels. Every document page shows an image or page the vault has already read by OCR as it
 *   prints; those readings are matched again with every rule, so a name a planner reading skipped, or a
 *   waiver not recorded, shows up here. A page with burned redactions shows the same pixels but inside
 *   its boxes: its image is read back out of the file and every box must be black there, and the readings
 *   outside the boxes are matched. OCR of the pages again would read the same pixels a second time: on
 *   the 500-page bench bundle with 59 redacted pages that took 22 s more and found nothing the stored
 *   readings did not (reading the region around each box, where a half-covered glyph would show, is
 *   what the tests do with native tesseract; at run time the boxes are cut to the glyphs' ink instead).
 * A hit that the lawyer did not waive on that page fails the export with `redaction-leak`.
 */
import { readFile } from 'node:fs/promises';
import type { PixelBox } from '../../../shared/domain/bundle';
import type { Word } from '../../../shared/domain/document';
import { DalelFailure } from '../errors';
import type { FileParser } from '../import/parse';
import { byteNeedles, holdsWord, readableBytes } from './leakBytes';
import { burnedBlack, readPageImage, type FileImage } from './leakPixels';
import { findInText, findSpansInWords } from './redactionMatcher';
import { wordsOutside, type RedactionRules } from './redactionPlan';

/** What is known of one page of the finished bundle. */
export interface CheckedPage {
  /** 1-based page number in the bundle */
  page: number;
  /** sources (p1, t2…) whose matches the lawyer waived on this page: shown on purpose */
  waived: ReadonlySet<string>;
  /**
   * How its pixels are checked:
   * - `known`: it shows an image or page the vault has read as it prints, unchanged: its readings (`words`)
   *   are matched again;
   * - `burned`: the same with black boxes burned in: the image is read back from the file, every box must
   *   be black there, and the readings outside the boxes are matched again;
   * - `text`: Dalel drew it (cover, index, manifest): its text says everything.
   */
  pixels:
    | { kind: 'known'; words: readonly Word[] }
    | { kind: 'burned'; words: readonly Word[]; boxes: readonly PixelBox[] }
    | { kind: 'text' };
}

export interface LeakCheckPorts {
  parser: Pick<FileParser, 'fileText'>;
  /** where each page's image is in the file (from the writer) */
  pageImages: ReadonlyMap<number, FileImage>;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

export interface LeakFinding {
  /** 0 when the bytes of the file as a whole hold it */
  page: number;
  source: string;
  where: 'bytes' | 'text' | 'pixels';
}

/** Pages of text asked of the parser at a time (each call has the parser's time limit). */
const TEXT_BATCH = 100;

function fail(finding: LeakFinding, label: string): never {
  const where = finding.where === 'bytes' ? 'in the file itself (a title, a bookmark or the document information)' : finding.where === 'text' ? 'in the text of the page' : 'on the page as it prints';
  const page = finding.page > 0 ? `on page ${finding.page} ` : '';
  // The interface words it from the reason: the redaction's label as printed (or none for a box not burned
  // black), the page (0: the file's own bytes) and where it was seen.
  throw new DalelFailure('redaction-leak', `The finished bundle still showed ${label} ${page}${where}. Nothing was saved.`, finding).because('leak-on-page', {
    page: finding.page,
    where: finding.where,
    label: finding.source === 'box' ? '' : label,
  });
}

/**
 * Look for every protected spelling and term in the finished bundle at `path`; throws `redaction-leak`
 * (nothing is saved) on the first hit the lawyer did not waive on that page. `spellings` are the raw
 * spellings behind the rules, for the byte search.
 */
export async function checkForLeaks(
  path: string,
  rules: RedactionRules,
  spellings: ReadonlyMap<string, readonly string[]>,
  pages: readonly CheckedPage[],
  ports: LeakCheckPorts,
): Promise<void> {
  if (rules.patterns.length === 0) return;
  const label = (source: string) => rules.sources.get(source)?.label.toLowerCase() ?? 'a redacted name';
  const stop = () => {
    if (ports.signal?.aborted) throw new DalelFailure('cancelled', 'The export was cancelled.');
  };
  const burned = pages.filter((page) => page.pixels.kind === 'burned').length;
  const total = 1 + Math.ceil(pages.length / TEXT_BATCH) + burned;
  let done = 0;
  const step = () => ports.onProgress?.(++done, total);

  // Text, page by page, as pdf.js extracts it: batches in flight at once, one per parser process.
  const byPage = new Map(pages.map((page) => [page.page, page]));
  const pageCount = pages.length;
  const batches = Array.from({ length: Math.ceil(pageCount / TEXT_BATCH) }, (_, i) => 1 + i * TEXT_BATCH);
  // Started first: the parser processes read the text while this thread looks at bytes and pixels.
  const text = Promise.all(
    batches.map(async (from) => {
      stop();
      const { pages: texts } = await ports.parser.fileText(path, from, Math.min(pageCount, from + TEXT_BATCH - 1), { signal: ports.signal });
      texts.forEach((text, index) => {
        const page = from + index;
        const waived = byPage.get(page)?.waived ?? new Set();
        const hit = findInText(text, rules).find((match) => !waived.has(match.source));
        if (hit) fail({ page, source: hit.source, where: 'text' }, label(hit.source));
      });
      step();
    }),
  );
  text.catch(() => undefined); // awaited at the end; a leak found first must not leave it unobserved
  // Bytes: each stream decompressed once, every spelling looked for in it.
  const file = await readFile(path);
  const needles = [...spellings].flatMap(([source, list]) => byteNeedles(list).map((needle) => ({ source, needle })));
  for (const chunk of readableBytes(file)) {
    const found = needles.find(({ needle }) => holdsWord(chunk, needle));
    if (found) fail({ page: 0, source: found.source, where: 'bytes' }, label(found.source));
  }
  step();

  // Pixels.
  const pixelHit = (page: CheckedPage, words: readonly Word[]) => {
    const hit = findSpansInWords(words, rules).find((match) => !page.waived.has(match.source));
    if (hit) fail({ page: page.page, source: hit.source, where: 'pixels' }, label(hit.source));
  };
  for (const page of pages) {
    stop();
    const { pixels } = page;
    if (pixels.kind === 'known') pixelHit(page, pixels.words);
    if (pixels.kind !== 'burned') continue;
    pixelHit(page, wordsOutside(pixels.words, pixels.boxes));
    const located = ports.pageImages.get(page.page);
    if (!located) throw new DalelFailure('internal', `The image of page ${page.page} could not be found in the finished bundle, so it could not be checked.`);
    const image = await readPageImage(file, located);
    if (!burnedBlack(image, located, pixels.boxes)) fail({ page: page.page, source: 'box', where: 'pixels' }, 'a redaction that is not black');
    step();
  }
  await text;
}
