/**
 * The label vocabulary (dateVocabulary.ts) as matchers: is this cell a field's label, does this text end
 * with one, is this a label's second half wrapped onto the next line («Valid» / «until»).
 */
import { DATE_LABELS, kazakhLoose, type LabelRole } from './dateVocabulary';

/** The specific roles first: «дата» alone is a document date, «дата выдачи» an issue date. */
const ROLE_ORDER: LabelRole[] = ['birth_date', 'issue_date', 'valid_until', 'valid_from', 'document_date'];

const sourceOf = (role: LabelRole) => {
  const { ru, kk, en, zh } = DATE_LABELS[role];
  return [...ru, ...kk.map(kazakhLoose), ...en, ...zh].join('|');
};

/** A field's number in front of its label on a passport or ID card: «4b. Date of expiry». */
const FIELD_NUMBER = String.raw`(?:\(?\d{1,2}[a-zа-я]?[.)]\s*)?`;

const WHOLE = ROLE_ORDER.map((role) => ({ role, regex: new RegExp(`^${FIELD_NUMBER}(?:${sourceOf(role)})\\s*[:：.]?$`, 'iu') }));

/** Text after a label that still belongs to it: its translations («/ Дата выдачи / Issued») and a colon. */
const TAIL = String.raw`(?:\s*[/|]\s*[^/|\n]{1,30}?)*\s*[:：]?\s*$`;
const AT_END = ROLE_ORDER.filter((role) => role !== 'document_date').map((role) => ({
  role,
  regex: new RegExp(`(?<![\\p{Script=Latin}\\p{Script=Cyrillic}])(?:${sourceOf(role)})${TAIL}`, 'iu'),
}));

const trimPart = (part: string) => part.replace(/^[\s\-–—•*,.;'‘’`"_]+|[\s\-–—•*,;'‘’`"_]+$/gu, '');

/**
 * The role of a cell that is nothing but a label, in one language or several split by slashes; a part
 * OCR garbled may stay unread if another part names the field and the parts do not disagree.
 */
export function labelOfCell(text: string): LabelRole | null {
  const parts = text.split(/[/|\\]/u).map(trimPart).filter((part) => part !== '');
  if (parts.length === 0 || parts.some((part) => part.length > 45)) return null;
  const roles = new Set<LabelRole>();
  for (const part of parts) {
    const role = WHOLE.find(({ regex }) => regex.test(part))?.role;
    if (role) roles.add(role);
  }
  // «Дата / Date of issue»: the document-date word is the short form of the other part's label.
  if (roles.size > 1) roles.delete('document_date');
  return roles.size === 1 ? [...roles][0]! : null;
}

/** The role of the label `text` ends with, translations and a colon allowed after it. */
export function labelAtEnd(text: string): LabelRole | null {
  return AT_END.find(({ regex }) => regex.test(text))?.role ?? null;
}

/** A label's last word wrapped onto the next line: «until», «birth», «of issue», «мерзімі». */
export function isLabelFragment(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= 24 && !/\p{N}/u.test(trimmed) && /^[\p{L}\s.:/]+$/u.test(trimmed);
}
