/**
 * Reading a page's text as lines, and finding its dates through OCR's commonest misreadings. Shared by
 * the date, number and document-type extractors.
 */
import type { DateMention } from '../../text';
import { readDates } from './readDates';

export interface Line {
  start: number;
  end: number;
  text: string;
}

export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ start, end: start + part.length, text: part });
    start += part.length + 1;
  }
  return lines;
}

/** Index of the line holding `offset`. */
export function lineIndexAt(lines: readonly Line[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

export const isBlank = (line: Line): boolean => line.text.trim() === '';

/**
 * Every date on the page, in any of the forms readDates.ts knows, with OCR's misreadings mended. Offsets
 * point into the page text.
 */
export function datesOnPage(text: string): DateMention[] {
  return readDates(text);
}

/** The first page that carries text (a scan's first page can come out of OCR empty). */
export function firstTextPage<T extends { text: string }>(pages: readonly T[]): T | undefined {
  return pages.find((page) => (page.text.match(/\p{L}/gu)?.length ?? 0) >= 8) ?? pages[0];
}
