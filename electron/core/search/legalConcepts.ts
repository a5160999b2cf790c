import { z } from 'zod';
import data from './legalConcepts.json';
import { analyze, isStopword, type Token } from './text';

/**
 * The legal concepts of this casework in English, Russian and Kazakh (and Chinese where the papers from
 * Xinjiang use them). A lawyer writing an appeal in English searches "illegal border crossing" and must
 * find the Russian verdict that says «незаконном пересечении Государственной границы» and the Kazakh one
 * that says «шекараны заңсыз кесіп өткені»; a query naming one of these concepts also finds the others
 * (all their words on the page, in any form), ranked as another name of the same thing, and the pages
 * that cite the article of law that is the concept (Criminal Code art. 392 is illegal border crossing).
 *
 * The vocabulary lives in legalConcepts.json so that a lawyer or translator can review it without reading
 * code; `version` goes up with every change to it. legalConcepts.test.ts checks the file: the schema, one
 * concept per phrase, every phrase reduced to stems of its own language, en + ru + kk in each entry.
 */

const LAW_REFERENCE = z.object({ law: z.string().min(1), article: z.string().min(1).nullable() });
const phrases = z.array(z.string().trim().min(1)).min(1);

export const LEGAL_CONCEPTS_SCHEMA = z.object({
  version: z.number().int().positive(),
  concepts: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      en: phrases,
      ru: phrases,
      kk: phrases,
      zh: phrases.optional(),
      /** articles of law (ids of the law register) that are this concept */
      laws: z.array(LAW_REFERENCE).optional(),
    }),
  ),
});

export type LegalConcepts = z.infer<typeof LEGAL_CONCEPTS_SCHEMA>;
export type LegalConcept = LegalConcepts['concepts'][number];
export const CONCEPT_LANGUAGES = ['en', 'ru', 'kk', 'zh'] as const;

/** Every phrase of a concept, in all its languages. */
export function conceptPhrases(concept: LegalConcept): string[] {
  return CONCEPT_LANGUAGES.flatMap((language) => concept[language] ?? []);
}

/** The stems of a phrase's meaningful words, in order: what a query and a concept phrase are compared on. */
export function stemSignature(tokens: readonly Pick<Token, 'kind' | 'exact' | 'stem'>[]): string {
  return tokens
    .filter((t) => t.kind !== 'compound' && !isStopword(t.exact))
    .map((t) => t.stem)
    .join(' ');
}

let bySignature: Map<string, LegalConcept> | null = null;

/** The concept one of whose phrases has these stems, if any (the bundled file, read on first use). */
export function conceptBySignature(signature: string): LegalConcept | undefined {
  if (!bySignature) {
    bySignature = new Map();
    for (const concept of LEGAL_CONCEPTS_SCHEMA.parse(data).concepts) {
      for (const phrase of conceptPhrases(concept)) bySignature.set(stemSignature(analyze(phrase)), concept);
    }
  }
  return signature ? bySignature.get(signature) : undefined;
}
