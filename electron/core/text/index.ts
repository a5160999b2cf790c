/**
 * Text analysis for full-text search. Page text at index time and the query at search time go through
 * the same functions; ANALYZER_VERSION says when an index was built with different ones.
 */
export { ANALYZER_VERSION, analyze, type Token, type TokenKind } from './analyze';
export { findDates, type DateMention } from './findDates';
export { fold } from './fold';
export { stem } from './stem';
export { isStopword } from './stopwords';
export { hasNameEnding, translitKey, uncutKey } from './translitKey';
