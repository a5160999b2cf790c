/**
 * Which languages read a page's script, and whether a reading looks like the wrong ones did it.
 *
 * Tesseract's orientation and script detection (OSD, osd.traineddata) names the script most of the
 * page is written in; Dalel ships one or two models per script it meets in its casework. A reading in
 * languages that do not write the page's script is garbage at a confidence that can look ordinary
 * (a Chinese police notice read with rus+kaz+eng: Cyrillic letters at 56), which is why the engine
 * asks OSD when a reading is poor (bestReading.ts) rather than trusting the caller's languages.
 */
import type { OcrLanguage } from '../../../shared/domain/document';

/** The script OSD found on the page: its name as OSD spells it and OSD's own confidence in it. */
export interface PageScript {
  /** 'Han', 'Cyrillic', 'Latin', 'Arabic', … (the script names of osd.traineddata) */
  name: string;
  /**
   * OSD's margin of this script over the next best; not a percentage. Corpus pages: Han 1.2, Latin
   * 1.1–3.3, Cyrillic 0.6–43 (a zh+en passport copy came out Cyrillic at 0.6).
   */
  confidence: number;
}

/**
 * Dalel's models for the scripts OSD names. Japanese, Hiragana and Katakana go to Chinese: chi_sim is
 * the one model shipped that reads the Han characters Japanese shares (and OSD may name a Chinese page
 * Japanese if it takes a few characters for kana). Arabic goes to Uyghur, the one Arabic-script model
 * shipped (Kazakh in Xinjiang is written in a closely related alphabet). Fraktur is Latin type. OSD's other scripts (Hangul, Greek, Hebrew, the Indic
 * scripts, Thai) have no model here: the caller's reading is kept, and its low confidence says so.
 */
const SCRIPT_LANGUAGES: Readonly<Record<string, readonly OcrLanguage[]>> = {
  Han: ['chi_sim'],
  Japanese: ['chi_sim'],
  Hiragana: ['chi_sim'],
  Katakana: ['chi_sim'],
  Cyrillic: ['rus', 'kaz'],
  Latin: ['eng'],
  Fraktur: ['eng'],
  Arabic: ['uig'],
};

/** The script each model writes (chi_sim also reads Latin letters and digits, but a Chinese page is Han). */
const LANGUAGE_SCRIPT: Readonly<Record<OcrLanguage, RegExp>> = {
  rus: /\p{Script=Cyrillic}/u,
  kaz: /\p{Script=Cyrillic}/u,
  eng: /\p{Script=Latin}/u,
  chi_sim: /\p{Script=Han}/u,
  uig: /\p{Script=Arabic}/u,
};

/** The same languages, in any order. */
export function sameLanguages(a: readonly OcrLanguage[], b: readonly OcrLanguage[]): boolean {
  return a.length === b.length && a.every((language) => b.includes(language));
}

/**
 * The languages to read a page in, given the script OSD found there. The caller's languages stay when
 * one of them writes that script (a Cyrillic page with rus+kaz+eng) or when Dalel has no model for it
 * (or its data is not installed). Otherwise the script's own models, without the caller's: chi_sim
 * alone read the Chinese notice (scan_0017) at CER 10.5% in 0.9 s, chi_sim+rus+kaz+eng at 12.4% in
 * 2.3 s (one worker).
 */
export function languagesForScript(
  script: PageScript | null,
  callerLanguages: readonly OcrLanguage[],
  installed: (language: OcrLanguage) => boolean = () => true,
): readonly OcrLanguage[] {
  const own = script ? SCRIPT_LANGUAGES[script.name] : undefined;
  if (!own || !own.every(installed) || callerLanguages.some((language) => own.includes(language))) return callerLanguages;
  return own;
}

// Below this many letters a reading says too little about its script (a stamp, a page number).
const MIN_LETTERS = 20;
// Corpus scans read in their own languages: 0.95 or more of their letters in those languages' scripts.
// chi_sim reading Cyrillic or Latin pages: 0.31 at most (it writes Latin letters). A zh+en passport
// copy read with chi_sim alone (0.19) is looked at again needlessly: OSD, then a rus+kaz reading that
// loses to chi_sim's on confidence.
const MIN_SCRIPT_SHARE = 0.5;

/**
 * True when most letters of a reading are in scripts none of its languages writes: chi_sim turning a
 * Cyrillic page into Latin letters, sometimes at a confidence as high as a right reading's (76).
 */
export function implausibleScript(text: string, languages: readonly OcrLanguage[]): boolean {
  const scripts = languages.map((language) => LANGUAGE_SCRIPT[language]);
  let letters = 0;
  let inScript = 0;
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    letters++;
    if (scripts.some((script) => script.test(char))) inScript++;
  }
  return letters >= MIN_LETTERS && inScript < letters * MIN_SCRIPT_SHARE;
}
