import { z } from 'zod';
import data from './legalConcepts.json';
import { analyze, isStopword, type Token } from '../text';
import { inflectedStems } from '../text/inflections';
import { KAZAKH_ENDINGS } from '../text/kazakhStemmer';

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
const PHRASES = z.array(z.string().trim().min(1)).min(1);

export const LEGAL_CONCEPTS_SCHEMA = z.object({
  version: z.number().int().positive(),
  concepts: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      en: PHRASES,
      ru: PHRASES,
      kk: PHRASES,
      zh: PHRASES.optional(),
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

/** The stems of a phrase's meaningful words, in order (function words and identifiers left out). */
export function stemSignature(tokens: readonly Pick<Token, 'kind' | 'exact' | 'stem'>[]): string {
  return tokens
    .filter((t) => t.kind !== 'compound' && !isStopword(t.exact))
    .map((t) => t.stem)
    .join(' ');
}

/** A meaningful word of a concept's phrase, with the stems its forms take on a page (see inflections.ts). */
export interface ConceptWord {
  token: Token;
  stems: readonly string[];
}

export interface ConceptPhrase {
  concept: LegalConcept;
  text: string;
  words: ConceptWord[];
}

/** A stem no form of a word should be looked for as: a function word's (при from прием), or one of two letters. */
const usable = (stem: string) => stem.length >= 3 && !isStopword(stem);

/** The words of a phrase; their forms' stems are made when first asked for (only a first word's are, to look the phrase up). */
function phraseOf(concept: LegalConcept, language: (typeof CONCEPT_LANGUAGES)[number], text: string): ConceptPhrase {
  const words = analyze(text)
    .filter((t) => t.kind !== 'compound' && !isStopword(t.exact))
    .map((token): ConceptWord => {
      let stems: readonly string[] | null = null;
      return {
        token,
        get stems() {
          return (stems ??= [...new Set([token.stem, ...inflectedStems(token.exact, language).filter(usable)])]);
        },
      };
    });
  return { concept, text, words };
}

interface Loaded {
  byFirstStem: Map<string, ConceptPhrase[]>;
  byConcept: Map<string, ConceptPhrase[]>;
}

// eslint-disable-next-line no-restricted-syntax -- constant data of the bundled concept file, read on first use
let loaded: Loaded | null = null;

/** Every phrase of the bundled file, by the stems its first word may have and by concept (read and checked on first use). */
function phrases(): Loaded {
  if (!loaded) {
    loaded = { byFirstStem: new Map(), byConcept: new Map() };
    for (const concept of LEGAL_CONCEPTS_SCHEMA.parse(data).concepts) {
      const own: ConceptPhrase[] = [];
      loaded.byConcept.set(concept.id, own);
      for (const language of CONCEPT_LANGUAGES) {
        for (const text of concept[language] ?? []) {
          const phrase = phraseOf(concept, language, text);
          own.push(phrase);
          for (const stem of phrase.words[0]?.stems ?? []) {
            let list = loaded.byFirstStem.get(stem);
            if (!list) loaded.byFirstStem.set(stem, (list = []));
            list.push(phrase);
          }
        }
      }
    }
  }
  return loaded;
}

/** Every phrase of a concept, with its words' stems. */
export function phrasesOf(concept: LegalConcept): readonly ConceptPhrase[] {
  return phrases().byConcept.get(concept.id) ?? [];
}

const KAZAKH_ENDING = new Set(KAZAKH_ENDINGS.map(([ending]) => ending));

/**
 * A word that counts in a query naming a concept: not a function word, not an identifier, not a Kazakh
 * ending written after a hyphen (БЖКБ-ға, 2021-жылғы).
 */
export function isPhraseWord(token: Pick<Token, 'kind' | 'exact'>): boolean {
  return token.kind !== 'compound' && !isStopword(token.exact) && !KAZAKH_ENDING.has(token.exact);
}

/**
 * The phrase of a concept that these query words say, in any of its forms (о временной защите,
 * босқын мәртебесін), or undefined: the same meaningful words in the same order. A phrase whose
 * dictionary form the query has is preferred.
 */
export function conceptPhraseOf(tokens: readonly Pick<Token, 'kind' | 'exact' | 'stem'>[]): ConceptPhrase | undefined {
  const words = tokens.filter(isPhraseWord);
  if (words.length === 0) return undefined;
  const fits = (phrase: ConceptPhrase) => phrase.words.length === words.length && phrase.words.every((word, i) => word.stems.includes(words[i]!.stem));
  const candidates = (phrases().byFirstStem.get(words[0]!.stem) ?? []).filter(fits);
  const own = stemSignature(words);
  return candidates.find((phrase) => phrase.words.map((w) => w.token.stem).join(' ') === own) ?? candidates[0];
}
