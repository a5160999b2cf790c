import type { Typefaces } from './fonts';
import type { BundlePdfInput } from './types';

/**
 * Warnings for the bundle plan: every text the bundle prints in which some character has no glyph in any
 * of the bundle's fonts (an emoji, a script none of them covers). Such a character prints as "�" and copies
 * as "�", so the lawyer hears of it before the bundle goes out rather than from the court. One plain
 * sentence per text, naming the characters, in the shape of the bundle plan's other warnings.
 */
export function unprintableTextWarnings(typefaces: Typefaces, input: BundlePdfInput): string[] {
  const warnings: string[] = [];
  const check = (what: string, text: string | null) => {
    const missing = text ? typefaces.unprintable(text) : [];
    if (missing.length === 0) return;
    const characters = missing.map((cluster) => `“${cluster}”`).join(', ');
    const [has, prints] = missing.length === 1 ? ['a character', 'it prints'] : ['characters', 'they print'];
    const subject = what[0]!.toUpperCase() + what.slice(1);
    warnings.push(`${subject} has ${has} the bundle's fonts cannot print (${characters}): ${prints} as “�” in the PDF.`);
  };
  check('the bundle title', input.title);
  check('the case on the cover', input.cover.caseTitle);
  check('the person on the cover', input.cover.personName);
  check('“Prepared by” on the cover', input.cover.preparedBy);
  check('the page stamp', input.stampPrefix);
  for (const section of input.sections) {
    check(`the section title “${section.title}”`, section.title);
    for (const document of section.documents) {
      const name = document.title || document.fileName;
      check(`the title of “${name}”`, document.title);
      check(`the description of “${name}”`, document.description);
      check(`the file name of “${name}”`, document.fileName);
    }
  }
  for (const entry of input.manifest.redactions) check(`the redaction label “${entry.label}” (page ${entry.page})`, entry.label);
  return warnings;
}
