import type { OriginalPageReader } from '../../../import/parse/originalPageData';
import { readOriginalPages } from '../../../import/parse/originalPages';

/**
 * For tests of the PDF writer alone: originals read in the test's own process, by the same code the
 * parser process runs. The app never does this (originals.ts); the process boundary has its own test
 * (originalsIsolation.test.ts).
 */
export const inProcessOriginals: OriginalPageReader = {
  originalPages: (pdf, pages) => readOriginalPages(pdf, pages),
};
