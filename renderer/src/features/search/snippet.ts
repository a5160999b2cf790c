import type { MatchForm, SnippetPart } from '../../../../shared/domain/search';

/**
 * A snippet ready to show: OCR line breaks become spaces (a snippet is one line of context), runs of
 * spaces shrink to one, empty pieces go, and neighbours of the same kind join so one matched word is
 * one <mark>. The text stays text: the parts are rendered as text nodes, never as HTML.
 */
export function snippetParts(parts: readonly SnippetPart[]): SnippetPart[] {
  const out: SnippetPart[] = [];
  for (const part of parts) {
    const text = part.text.replace(/\s+/g, ' ');
    if (text === '') continue;
    const last = out.at(-1);
    if (last && last.match === part.match) last.text += text;
    else out.push({ text, match: part.match });
  }
  const first = out[0];
  if (first && !first.match) first.text = first.text.trimStart();
  const last = out.at(-1);
  if (last && !last.match) last.text = last.text.trimEnd();
  return out.filter((part) => part.text !== '');
}

/** The plain text of a snippet, for a tooltip or a screen reader summary. */
export function snippetText(parts: readonly SnippetPart[]): string {
  return parts.map((part) => part.text).join('');
}

/** How a hit matched, in the lawyer's words; an exact match needs no label. */
export const FORM_LABEL_KEYS = {
  stem: 'search.forms.stem',
  translit: 'search.forms.translit',
  fuzzy: 'search.forms.fuzzy',
  date: 'search.forms.date',
  alias: 'search.forms.alias',
  law: 'search.forms.law',
} as const satisfies Record<Exclude<MatchForm, 'exact'>, string>;

export type FormLabelKey = (typeof FORM_LABEL_KEYS)[keyof typeof FORM_LABEL_KEYS];

/** Labels for the ways a hit matched other than exactly, each once, in the core's order (best first). */
export function formLabelKeys(forms: readonly MatchForm[]): FormLabelKey[] {
  const keys: FormLabelKey[] = [];
  for (const form of forms) {
    if (form === 'exact') continue;
    const key = FORM_LABEL_KEYS[form];
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys;
}
