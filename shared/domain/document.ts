/**
 * Domain types for imported documents, shared by the core, the contract and the renderer. Pure TypeScript.
 *
 * What crosses the process boundary is written once, as a schema in shared/schemas/documents.ts; its type
 * is inferred there and re-exported here (type-only, so importing this file never loads zod). The code
 * lists are in documentKinds.ts, which the schemas read too.
 */
import type { Word } from '../schemas/documents';

export {
  DEFAULT_OCR_LANGUAGES,
  IMPORT_ERROR_CODES,
  IMPORT_WARNINGS,
  OCR_LANGUAGES,
  type ImportErrorCode,
  type ImportWarning,
  type OcrLanguage,
  type SkipReason,
} from './documentKinds';
export type {
  DocumentEdit,
  DocumentPerson,
  DocumentStatus,
  DocumentSummary,
  FileImportProgress,
  FileImportStatus,
  FileKind,
  ImportProgress,
  PageRecord,
  PageSource,
  PageStatus,
  PrintReading,
  PrintReadingStatus,
  ReadingOrigin,
  Word,
} from '../schemas/documents';

/**
 * Text a PDF page prints from a filled form field or an annotation with an appearance (a FreeText note,
 * a stamp), not from its own content: its box in page-image pixels, and the whole field or annotation
 * it belongs to (`area`), which a redaction covers entirely. The core's own (kept for redaction); not in
 * the contract, so it has no schema.
 */
export interface OverlayWord extends Word {
  origin: 'form-field' | 'annotation';
  area: [number, number, number, number];
}

/**
 * Where each OCR word is in its page's text (the words are the text, in order): searched for from the
 * end of the word before; null for a word the text does not hold. The core's highlights, snippets and
 * date fields and the viewer's boxes all place words this one way.
 */
export function wordOffsets(text: string, words: readonly Pick<Word, 'text'>[]): Array<[number, number] | null> {
  let cursor = 0;
  return words.map((word) => {
    const at = word.text ? text.indexOf(word.text, cursor) : -1;
    if (at < 0) return null;
    cursor = at + word.text.length;
    return [at, cursor];
  });
}
