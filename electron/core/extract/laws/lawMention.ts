import type { Law } from '../types';

/**
 * Where a page names an act of the register, as the finders report it: by number and Chinese title
 * (lawNames), by title, alias or abbreviation (lawTitles). A module of its own because both make them and
 * lawNames calls lawTitles.
 */
export interface LawMention {
  law: Law;
  /** [start, end) in the normalised page text, and the tokens it covers */
  start: number;
  end: number;
  first: number;
  last: number;
  by: 'number' | 'title' | 'abbreviation' | 'chinese';
  /** named plainly enough to be a citation without an article (not a bare «УК», not a number alone) */
  strong: boolean;
  confidence: number;
}
