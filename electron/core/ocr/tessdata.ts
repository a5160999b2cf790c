/**
 * Where the language data lives. resources/tessdata is filled by scripts/language-data.mjs; the app
 * passes its packaged copy's path in, Node tools and tests use the repository's.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Every traineddata Dalel ships: the OCR languages and tesseract's orientation model. */
export const TESSDATA_LANGUAGES = ['rus', 'kaz', 'eng', 'chi_sim', 'uig', 'osd'] as const;

/** Tesseract's orientation and script detection model (legacy engine only). */
export const OSD_DATA = 'osd';

/** resources/tessdata in this repository (for Node tools and tests; the app resolves its own). */
export function defaultTessdataDir(): string {
  return resolve(__dirname, '../../../resources/tessdata');
}

export function traineddataPath(tessdataDir: string, language: string): string {
  return join(tessdataDir, `${language}.traineddata`);
}

export function missingLanguages(tessdataDir: string, languages: readonly string[]): string[] {
  return languages.filter((language) => !existsSync(traineddataPath(tessdataDir, language)));
}
