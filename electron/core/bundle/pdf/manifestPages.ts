import { BUNDLE_WORDS } from '../../../../shared/domain/bundleWords';
import type { Block } from './blocks';
import type { Typefaces } from './fonts';
import { pageRange } from './frontMatter';
import { A4, MARGIN } from './geometry';
import type { BundlePdfInput, FlatDocument } from './types';

/**
 * The manifest at the end of the bundle: when it was made, the vault's audit-chain head, every document
 * with the SHA-256 of its original as imported, and the redaction log — where and why, never what.
 */

const RIGHT = A4.width - MARGIN;
const TEXT_WIDTH = RIGHT - MARGIN;
const GREY = 0.35;
const SIZE = 9;
const LEADING = 11.5;
const SMALL = 8;
const SMALL_LEADING = 10;
const PADDING = 3;
const FIELD_LABEL_WIDTH = 110;

/** Documents table: pages | title and file | SHA-256 (two lines of 32 hex digits). */
const DOC_PAGES_WIDTH = 58;
const SHA_WIDTH = 165;
const DOC_X = MARGIN + DOC_PAGES_WIDTH;
const SHA_X = RIGHT - SHA_WIDTH;
const DOC_WIDTH = SHA_X - DOC_X - 10;

/** Redaction log: page | reason | label | box. */
const LOG_REASON_X = MARGIN + 48;
const LOG_LABEL_X = MARGIN + 150;
const LOG_BOX_X = RIGHT - 120;
const LOG_LABEL_WIDTH = LOG_BOX_X - LOG_LABEL_X - 10;

function heading(text: string, size: number, space: number): Block {
  return { height: space + size + 8, keepWithNext: true, draw: (content, top) => content.text(text, MARGIN, top - space - size, size, 'bold') };
}

function columnHeadings(cells: Array<[string, number]>): Block {
  return {
    height: 18,
    keepWithNext: true,
    draw(content, top) {
      for (const [text, x] of cells) content.text(text, x, top - 10, SMALL, 'bold', GREY);
      content.line(MARGIN, top - 14, RIGHT, top - 14, 0.5, 0.6);
    },
  };
}

/** A label and a value that may wrap (the audit head, a long title). */
function field(typefaces: Typefaces, label: string, value: string): Block {
  const lines = typefaces.wrap(value, SIZE, 'regular', TEXT_WIDTH - FIELD_LABEL_WIDTH, 4);
  return {
    height: Math.max(1, lines.length) * LEADING + 2,
    draw(content, top) {
      content.text(label, MARGIN, top - SIZE, SIZE, 'regular', GREY);
      lines.forEach((line, i) => content.text(line, MARGIN + FIELD_LABEL_WIDTH, top - SIZE - i * LEADING, SIZE));
    },
  };
}

export function manifestBlocks(typefaces: Typefaces, input: BundlePdfInput, documents: FlatDocument[]): Block[] {
  const words = BUNDLE_WORDS[input.language ?? 'en'].manifest;
  const { untitledDocument, translationOf } = BUNDLE_WORDS[input.language ?? 'en'];
  const blocks: Block[] = [
    heading(words.heading, 18, 2),
    field(typefaces, words.bundle, input.title),
    field(typefaces, words.generated, input.manifest.generatedAt),
    field(typefaces, words.auditHead, input.manifest.auditHead),
    {
      height: LEADING + 2,
      draw(content, top, env) {
        content.text(words.pages, MARGIN, top - SIZE, SIZE, 'regular', GREY);
        content.text(String(env.layout.pages), MARGIN + FIELD_LABEL_WIDTH, top - SIZE, SIZE);
      },
    },
    heading(words.documents, 12, 12),
  ];
  const docColumns = columnHeadings([
    [words.pages, MARGIN],
    [words.documentColumn, DOC_X],
    [words.shaColumn, SHA_X],
  ]);
  blocks.push(docColumns);
  for (const flat of documents) {
    const { document } = flat;
    const title = typefaces.wrap(document.title || untitledDocument, SIZE, 'regular', DOC_WIDTH, 4);
    const file = typefaces.wrap(document.fileName, SMALL, 'regular', DOC_WIDTH, 3);
    const translation = document.translationOf !== null ? typefaces.wrap(translationOf(document.translationOfTitle || untitledDocument), SMALL, 'regular', DOC_WIDTH, 2) : [];
    const sha = [document.sha256.slice(0, 32), document.sha256.slice(32)].filter(Boolean);
    const height = 2 * PADDING + Math.max(title.length * LEADING + (file.length + translation.length) * SMALL_LEADING, sha.length * SMALL_LEADING + 2);
    blocks.push({
      height,
      header: docColumns,
      draw(content, top, env) {
        const y = top - PADDING - SIZE;
        const placed = env.layout.documents[flat.index]!;
        content.text(pageRange(placed.firstPage, placed.lastPage), MARGIN, y, SIZE);
        sha.forEach((line, i) => content.text(line, SHA_X, y - i * SMALL_LEADING, SMALL));
        title.forEach((line, i) => content.text(line, DOC_X, y - i * LEADING, SIZE));
        const below = y - (title.length - 1) * LEADING;
        [...file, ...translation].forEach((line, i) => content.text(line, DOC_X, below - (i + 1) * SMALL_LEADING, SMALL, 'regular', GREY));
      },
    });
  }
  if (documents.length === 0) blocks.push(line(typefaces, words.noDocuments));

  blocks.push(heading(words.redactionLog, 12, 14));
  const { redactions } = input.manifest;
  if (redactions.length === 0) {
    blocks.push(line(typefaces, words.noRedactions));
    return blocks;
  }
  blocks.push(line(typefaces, words.boxesExplained, GREY));
  const logColumns = columnHeadings([
    [words.pageColumn, MARGIN],
    [words.reasonColumn, LOG_REASON_X],
    [words.labelColumn, LOG_LABEL_X],
    [words.boxColumn, LOG_BOX_X],
  ]);
  blocks.push(logColumns);
  for (const entry of redactions) {
    const label = typefaces.wrap(entry.label, SIZE, 'regular', LOG_LABEL_WIDTH, 3);
    blocks.push({
      height: 2 * PADDING + Math.max(1, label.length) * LEADING,
      header: logColumns,
      draw(content, top) {
        const y = top - PADDING - SIZE;
        content.text(String(entry.page), MARGIN, y, SIZE);
        content.text(words.reasons[entry.reason] ?? entry.reason, LOG_REASON_X, y, SIZE);
        label.forEach((text, i) => content.text(text, LOG_LABEL_X, y - i * LEADING, SIZE));
        content.text(entry.box.map((v) => Math.round(v)).join(', '), LOG_BOX_X, y, SIZE);
      },
    });
  }
  return blocks;
}

function line(typefaces: Typefaces, text: string, grey = 0): Block {
  const lines = typefaces.wrap(text, SIZE, 'regular', TEXT_WIDTH, 3);
  return {
    height: lines.length * LEADING + 4,
    draw(content, top) {
      lines.forEach((text, i) => content.text(text, MARGIN, top - SIZE - i * LEADING, SIZE, 'regular', grey));
    },
  };
}
