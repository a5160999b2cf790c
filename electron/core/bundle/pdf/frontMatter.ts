import { BUNDLE_WORDS, type BundleWords } from '../../../../shared/domain/bundleWords';
import type { Block } from './blocks';
import type { PageContent } from './content';
import type { Typefaces } from './fonts';
import { A4, MARGIN } from './geometry';
import type { BundlePdfInput, BundlePdfLayout, FlatDocument } from './types';

/**
 * The cover and the index, labelled in the bundle's language (English for an agency abroad, Russian or
 * Kazakh for a court at home: the lawyer chooses per bundle).
 */

const RIGHT = A4.width - MARGIN;
const TEXT_WIDTH = RIGHT - MARGIN;
const GREY = 0.35;

/** Index columns: title, date, pages (right-aligned). */
const PAGES_WIDTH = 62;
const DATE_WIDTH = 66;
const GAP = 10;
const TITLE_WIDTH = TEXT_WIDTH - PAGES_WIDTH - DATE_WIDTH - 2 * GAP;
const DATE_X = MARGIN + TITLE_WIDTH + GAP;
const TRANSLATION_INDENT = 16;

const ROW = { size: 10, leading: 13, descriptionSize: 8.5, descriptionLeading: 11, padding: 4, titleLines: 4, descriptionLines: 3 };

export function pageRange(first: number, last: number): string {
  if (last < first) return '—';
  return first === last ? String(first) : `${first}–${last}`;
}

const COVER_TITLE = { size: 24, leading: 30, lines: 5, top: A4.height - 230 } as const;

/** Where the cover prints the bundle's title: each line with the x and baseline it starts at, in points. */
export function coverTitleLines(typefaces: Typefaces, title: string): Array<{ text: string; x: number; baseline: number; size: number }> {
  const { size, leading, lines, top } = COVER_TITLE;
  return typefaces.wrap(title, size, 'bold', TEXT_WIDTH, lines).map((text, i) => ({ text, x: MARGIN, baseline: top - i * leading, size }));
}

/** The cover: drawn directly on page 1 (every text is capped, so it always fits). */
export function drawCover(content: PageContent, typefaces: Typefaces, input: BundlePdfInput, layout: BundlePdfLayout): void {
  const words = BUNDLE_WORDS[input.language ?? 'en'];
  content.text(words.cover.heading, MARGIN, COVER_TITLE.top + 40, 12, 'regular', GREY);
  const title = coverTitleLines(typefaces, input.title);
  for (const line of title) content.text(line.text, line.x, line.baseline, line.size, 'bold');
  let y = COVER_TITLE.top - title.length * COVER_TITLE.leading - 30;
  const rows: Array<[string, string | null]> = [
    [words.cover.case, input.cover.caseTitle],
    [words.cover.person, input.cover.personName],
    [words.cover.preparedBy, input.cover.preparedBy],
    [words.cover.date, words.day(input.cover.date)],
    [words.cover.pages, String(layout.pages)],
  ];
  const labelWidth = 100;
  for (const [label, value] of rows) {
    if (!value) continue;
    content.text(label, MARGIN, y, 11, 'regular', GREY);
    const lines = typefaces.wrap(value, 12, 'regular', TEXT_WIDTH - labelWidth, 3);
    for (const line of lines) {
      content.text(line, MARGIN + labelWidth, y, 12);
      y -= 16;
    }
    y -= 8;
  }
}

/** The index as blocks: its heading, the column headings, then per section its heading and its documents. */
export function indexBlocks(typefaces: Typefaces, input: BundlePdfInput, documents: FlatDocument[]): Block[] {
  const words = BUNDLE_WORDS[input.language ?? 'en'];
  const columns: Block = {
    height: 22,
    keepWithNext: true,
    draw(content, top) {
      const y = top - 12;
      content.text(words.index.document, MARGIN, y, 8.5, 'bold', GREY);
      content.text(words.index.date, DATE_X, y, 8.5, 'bold', GREY);
      content.textRight(words.index.pages, RIGHT, y, 8.5, 'bold', GREY);
      content.line(MARGIN, top - 17, RIGHT, top - 17, 0.5, 0.6);
    },
  };
  const blocks: Block[] = [
    {
      height: 40,
      keepWithNext: true,
      draw: (content, top) => content.text(words.index.heading, MARGIN, top - 20, 18, 'bold'),
    },
    columns,
  ];
  if (documents.length === 0) {
    blocks.push({ height: 20, header: columns, draw: (content, top) => content.text(words.index.empty, MARGIN, top - 14, ROW.size) });
  }
  input.sections.forEach((section, sectionIndex) => {
    const lines = typefaces.wrap(section.title, 11.5, 'bold', TEXT_WIDTH, 3);
    blocks.push({
      height: 10 + lines.length * 15 + 2,
      keepWithNext: true,
      header: columns,
      draw(content, top) {
        lines.forEach((line, i) => content.text(line, MARGIN, top - 10 - 11.5 - i * 15, 11.5, 'bold'));
      },
    });
    for (const flat of documents) {
      if (flat.section === sectionIndex) blocks.push(documentRow(typefaces, flat, columns, words));
    }
  });
  return blocks;
}

function documentRow(typefaces: Typefaces, flat: FlatDocument, columns: Block, words: BundleWords): Block {
  const indent = flat.document.translationOf !== null ? TRANSLATION_INDENT : 0;
  const width = TITLE_WIDTH - indent;
  const title = typefaces.wrap(flat.document.title || flat.document.fileName || words.untitledDocument, ROW.size, 'regular', width, ROW.titleLines);
  const description = typefaces.wrap(flat.document.description, ROW.descriptionSize, 'regular', width, ROW.descriptionLines);
  const height = 2 * ROW.padding + title.length * ROW.leading + description.length * ROW.descriptionLeading;
  return {
    height,
    header: columns,
    link: flat.index,
    draw(content, top, env) {
      const x = MARGIN + indent;
      const y = top - ROW.padding - ROW.size;
      const placed = env.layout.documents[flat.index]!;
      content.text(flat.document.date === null ? '—' : words.day(flat.document.date), DATE_X, y, ROW.size);
      content.textRight(pageRange(placed.firstPage, placed.lastPage), RIGHT, y, ROW.size);
      title.forEach((line, i) => content.text(line, x, y - i * ROW.leading, ROW.size));
      const below = y - (title.length - 1) * ROW.leading;
      description.forEach((line, i) => content.text(line, x, below - (i + 1) * ROW.descriptionLeading, ROW.descriptionSize, 'regular', GREY));
    },
  };
}
