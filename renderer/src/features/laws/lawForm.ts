import type { Law } from '../../../../shared/domain/tagging';

export const LAW_KINDS = ['law', 'code', 'treaty', 'regulation'] as const satisfies readonly Law['kind'][];

/** A law as its form holds it: every field as typed. */
export interface LawDraft {
  number: string;
  kind: Law['kind'];
  date: string;
  en: string;
  ru: string;
  kk: string;
}

export const EMPTY_LAW_DRAFT: LawDraft = { number: '', kind: 'law', date: '', en: '', ru: '', kk: '' };

export function draftOf(law: Law): LawDraft {
  return { number: law.number ?? '', kind: law.kind, date: law.date ?? '', en: law.title.en, ru: law.title.ru, kk: law.title.kk };
}

const tidy = (text: string) => text.trim().replace(/\s+/g, ' ');

/** A law needs a title in at least one language; the register refuses it otherwise. */
export function hasTitle(draft: LawDraft): boolean {
  return Boolean(tidy(draft.en) || tidy(draft.ru) || tidy(draft.kk));
}

/**
 * An id for a law the lawyer adds, in the register's own style (KZ-477-IV): from its number, with
 * Cyrillic look-alikes written in Latin (477-ІV as typed in Kazakh is 477-IV); without a usable
 * number, or when the id is taken, a numbered one.
 */
export function newLawId(number: string, taken: ReadonlySet<string>): string {
  const latin = tidy(number)
    .replace(/[№#]/g, '')
    .replace(/[ІіӀ]/g, 'I')
    .replace(/[Вв]/g, 'V')
    .replace(/[Хх]/g, 'X')
    .replace(/[Сс]/g, 'C')
    .replace(/[^A-Za-z0-9_.:-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = latin ? `KZ-${latin}`.slice(0, 60) : 'LAW';
  if (latin && !taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** What `laws:save` is sent: an edit keeps the law's id, aliases and Chinese title; a new law gets an id. */
export function lawFromDraft(draft: LawDraft, existing: Law | null, taken: ReadonlySet<string>): Law {
  const number = tidy(draft.number);
  return {
    id: existing?.id ?? newLawId(number, taken),
    number: number || null,
    kind: draft.kind,
    date: draft.date || null,
    title: { ...(existing?.title.zh ? { zh: existing.title.zh } : {}), en: tidy(draft.en), ru: tidy(draft.ru), kk: tidy(draft.kk) },
    aliases: existing?.aliases ?? [],
  };
}
