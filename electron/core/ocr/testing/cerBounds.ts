/**
 * The accuracy bounds of the OCR tests (accuracy.test.ts for upright pages, orientation.test.ts for
 * turned ones), as mean character error rate per language (ISO-639-1, the document's main language).
 */
// Mean CER per language measured on the 30 upright corpus scans (resources/tessdata as pinned by
// scripts/language-data.mjs): en 2.9%, kk 14.9%, ru 11.8%, zh 16.3% (native CLI: 2.8%, 16.7%, 22.8%,
// 19.5%); the bounds leave about 1–2 points for layout decisions that flip.
export const CER_BOUND: Record<string, number> = { en: 0.04, kk: 0.17, ru: 0.14, zh: 0.19 };
