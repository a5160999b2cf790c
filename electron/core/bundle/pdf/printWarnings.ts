import type { BundleWarning } from '../../../../shared/domain/bundle';
import type { Typefaces } from './fonts';
import type { BundlePdfInput } from './types';

type UnprintableWarning = Extract<BundleWarning, { code: 'unprintable' }>;

/**
 * Warnings for the bundle plan: every text the bundle prints in which some character has no glyph in any
 * of the bundle's fonts (an emoji, a script none of them covers). Such a character prints as "�" and copies
 * as "�", so the lawyer hears of it before the bundle goes out rather than from the court. One warning per
 * text, naming the characters; the interface words it.
 */
export function unprintableTextWarnings(typefaces: Typefaces, input: BundlePdfInput): BundleWarning[] {
  const warnings: BundleWarning[] = [];
  const check = (where: UnprintableWarning['where'], text: string | null, title: string | null = null, page: number | null = null) => {
    const missing = text ? typefaces.unprintable(text) : [];
    if (missing.length > 0) warnings.push({ code: 'unprintable', where, title, page, characters: missing });
  };
  check('bundle-title', input.title);
  check('cover-case', input.cover.caseTitle);
  check('cover-person', input.cover.personName);
  check('prepared-by', input.cover.preparedBy);
  check('stamp', input.stampPrefix);
  for (const section of input.sections) {
    check('section-title', section.title, section.title);
    for (const document of section.documents) {
      const name = document.title || document.fileName;
      check('document-title', document.title, name);
      check('document-description', document.description, name);
      check('file-name', document.fileName, name);
    }
  }
  for (const entry of input.manifest.redactions) check('redaction-label', entry.label, entry.label, entry.page);
  return warnings;
}
