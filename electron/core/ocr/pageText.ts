/**
 * From tesseract's block tree to what Dalel stores for a page: text in reading order, words with
 * boxes and confidences, mean confidence.
 */
import { wordOffsets, type Word } from '../../../shared/domain/document';

export interface PageText {
  text: string;
  words: Word[];
  confidence: number;
}

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** A line of text (a list of words) with its top edge, so that re-read bands can be merged in order. */
export interface TextLine {
  words: Word[];
  top: number;
  /** the block and paragraph it came from; lines of one paragraph are joined by \n, paragraphs by \n\n */
  block: number;
}

function joinWords(words: readonly Word[]): string {
  let out = '';
  for (const word of words) {
    const text = word.text;
    if (!out) out = text;
    // Tesseract splits Chinese into one word per character or run; Chinese puts no space between
    // characters, nor between a character and a number (2016年8月9日).
    else if (CJK_CHAR.test(out.at(-1) ?? '') || CJK_CHAR.test(text[0] ?? '')) out += text;
    else out += ` ${text}`;
  }
  return out;
}

// A word tesseract itself gives below this confidence, made only of marks (no letter or digit), is
// the trace of a stamp, a signature, dust or a punch hole, not text. Letters are kept at any
// confidence: a poor reading of a name is still findable, a missing one is not.
const NOISE_CONFIDENCE = 50;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

// A line whose words average below this is a stamp's ring, a signature or a picture read as letters.
const NOISE_LINE_CONFIDENCE = 45;

function isNoiseLine(line: TextLine): boolean {
  return line.words.reduce((sum, word) => sum + word.conf, 0) / line.words.length < NOISE_LINE_CONFIDENCE;
}

function isNoise(text: string, confidence: number): boolean {
  return !text || (confidence < NOISE_CONFIDENCE && !HAS_LETTER_OR_DIGIT.test(text));
}

// A word of two letters or more at least this much taller than wide runs down the page (marks and
// digits do not count: "I," or "1]" stand that tall on a level line).
const VERTICAL_WORD = 1.5;
const LETTERS_TWO = /\p{L}.*\p{L}/u;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Lines (in tesseract's reading order) and picture regions from tesseract's TSV output: one row per
 * page, block, paragraph, line and word, with box and confidence. TSV rather than tesseract.js's JSON
 * blocks: the JSON carries every symbol and its alternatives and took 0.5 s more per page, and it
 * leaves out the blocks that hold no word, which are the regions the layout analysis took for pictures.
 */
export function parseTsv(tsv: string | null, blockOffset = 0): { lines: TextLine[]; pictures: Box[] } {
  const lines = new Map<string, TextLine>();
  const blocks = new Map<string, Box>();
  const blocksWithWords = new Set<string>();
  for (const row of (tsv ?? '').split('\n')) {
    const [level, , block, paragraph, line, , left, top, width, height, conf, rawText] = row.split('\t');
    if (level !== '2' && level !== '4' && level !== '5') continue;
    const [x, y, w, h] = [left, top, width, height].map(Number) as [number, number, number, number];
    const blockNumber = Number(block);
    const lineKey = `${block}:${paragraph}:${line}`;
    if (level === '2') blocks.set(block!, { x0: x, y0: y, x1: x + w, y1: y + h });
    else if (level === '4') lines.set(lineKey, { words: [], top: y, block: blockOffset + blockNumber * 1000 + Number(paragraph) });
    else {
      const text = (rawText ?? '').trim();
      const confidence = Number(conf);
      if (text) blocksWithWords.add(block!);
      if (isNoise(text, confidence)) continue;
      const word: Word = { text, bbox: [x, y, x + w, y + h], conf: Math.round(confidence * 10) / 10 };
      // Tesseract reads a line running down the page (a sideways note, vertical writing) on its own and
      // gives its words upright boxes taller than wide: their letters run down, not across, the box.
      if (LETTERS_TWO.test(text) && h > VERTICAL_WORD * w) word.angle = 90;
      lines.get(lineKey)?.words.push(word);
    }
  }
  return {
    lines: [...lines.values()].filter((line) => line.words.length > 0 && !isNoiseLine(line)),
    pictures: [...blocks].filter(([block]) => !blocksWithWords.has(block)).map(([, box]) => box),
  };
}

export function pageTextOf(lines: readonly TextLine[]): PageText {
  let text = '';
  let previousBlock: number | undefined;
  const words: Word[] = [];
  for (const line of lines) {
    if (previousBlock !== undefined) text += line.block === previousBlock ? '\n' : '\n\n';
    text += joinWords(line.words);
    previousBlock = line.block;
    words.push(...line.words);
  }
  const confidence = words.length ? words.reduce((sum, word) => sum + word.conf, 0) / words.length : 0;
  return { text, words, confidence: Math.round(confidence * 10) / 10 };
}

/**
 * A page's text with more lines after it (text read at an angle of its own, angledText.ts): their words
 * join the page's, and `unsure` words join its words only (not its text); the page's confidence stays
 * that of its own reading.
 */
export function withLines(page: PageText, lines: readonly TextLine[], unsure: readonly Word[] = []): PageText {
  if (lines.length === 0 && unsure.length === 0) return page;
  // Level lines the page's reading left out (a heading) go where they stand on the page; lines at an
  // angle of their own (a picture pasted in) after the page's text.
  const level = lines.filter((line) => line.words.every((word) => word.angle === undefined));
  let placed = page;
  for (const block of blocksOf(level)) placed = insertByPosition(placed, pageTextOf(block));
  const more = pageTextOf(lines.filter((line) => !level.includes(line)));
  const text = !more.text ? placed.text : placed.text ? `${placed.text}\n\n${more.text}` : more.text;
  return { text, words: [...placed.words, ...more.words, ...unsure], confidence: page.confidence };
}

function blocksOf(lines: readonly TextLine[]): TextLine[][] {
  const blocks: TextLine[][] = [];
  for (const line of lines) {
    const last = blocks.at(-1);
    if (last && last.at(-1)!.block === line.block) last.push(line);
    else blocks.push([line]);
  }
  return blocks;
}

/** `block`'s text and words before the first line of `page` that starts below it, as a paragraph of its own. */
function insertByPosition(page: PageText, block: PageText): PageText {
  if (!block.text) return page;
  const bottom = Math.max(...block.words.map((word) => word.bbox[3]));
  const offsets = wordOffsets(page.text, page.words);
  const at = page.words.findIndex((word, i) => {
    const offset = offsets[i]?.[0];
    return offset !== undefined && (offset === 0 || page.text[offset - 1] === '\n') && word.bbox[1] >= bottom - (word.bbox[3] - word.bbox[1]) / 2;
  });
  if (at < 0) return { ...page, text: page.text ? `${page.text}\n\n${block.text}` : block.text, words: [...page.words, ...block.words] };
  const offset = offsets[at]![0];
  // the page's text before the line, the block as a paragraph, the rest
  const head = page.text.slice(0, offset).replace(/\n+$/u, '');
  const text = `${head}${head ? '\n\n' : ''}${block.text}\n\n${page.text.slice(offset)}`;
  return { ...page, text, words: [...page.words.slice(0, at), ...block.words, ...page.words.slice(at)] };
}
