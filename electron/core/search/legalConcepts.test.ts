/**
 * The legal concepts file (legalConcepts.json) checked as data, and searched across languages on
 * generated pages: each concept's phrases in Russian and Kazakh put into a case a letter would use
 * (testing/inflect.ts), English and Chinese as a translation writes them; a query in one language must
 * find the pages in the others, typed in its dictionary form or inflected. Nothing here is copied from
 * the corpus. (The search makes the forms of a concept's words too, from the stemmers' ending tables, to
 * know their stems: text/inflections.ts. The forms here are made from the grammar, with vowel harmony.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_LAWS } from '../extract/laws/seedLaws';
import { addTextDocument } from '../testing/textDocuments';
import { seededRandom } from '../testing/seededRandom';
import data from './legalConcepts.json';
import { CONCEPT_LANGUAGES, conceptPhraseOf, conceptPhrases, LEGAL_CONCEPTS_SCHEMA, stemSignature, type LegalConcept } from './legalConcepts';
import { SearchService } from './searchService';
import { declineKazakh, declineRussian, KAZAKH_CASES, RUSSIAN_CASES } from './testing/inflect';
import { analyze, isStopword } from '../text';
import { testIndex } from '../testing/testIndex';
import { testDatabase } from '../testing/testDatabase';

const concepts = LEGAL_CONCEPTS_SCHEMA.parse(data).concepts;

const SCRIPT: Record<(typeof CONCEPT_LANGUAGES)[number], RegExp> = {
  en: /^[a-z]+$/,
  ru: /^[а-яё]+$/,
  kk: /^[а-яёәғқңөұүһі]+$/,
  zh: /^\p{Script=Han}+$/u,
};

describe('legalConcepts.json', () => {
  it('has a version and concepts in English, Russian and Kazakh, each with a unique id', () => {
    expect(Number.isInteger(data.version) && data.version >= 1).toBe(true);
    expect(concepts.length).toBeGreaterThanOrEqual(40);
    for (const concept of concepts) for (const language of ['en', 'ru', 'kk'] as const) expect(concept[language].length, concept.id).toBeGreaterThan(0);
    expect(new Set(concepts.map((c) => c.id)).size).toBe(concepts.length);
  });

  it('names no phrase twice: each phrase (by its stems) belongs to one concept', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const concept of concepts) {
      for (const phrase of conceptPhrases(concept)) {
        const signature = stemSignature(analyze(phrase));
        const other = owner.get(signature);
        if (other && other !== concept.id) clashes.push(`${phrase} (${concept.id} and ${other})`);
        owner.set(signature, concept.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('reduces every phrase to at least one stem, all in the script of its language', () => {
    const wrong: string[] = [];
    for (const concept of concepts) {
      for (const language of CONCEPT_LANGUAGES) {
        for (const phrase of concept[language] ?? []) {
          const words = analyze(phrase).filter((t) => t.kind !== 'compound' && !isStopword(t.exact));
          const ok = words.length > 0 && words.every((t) => t.stem.length > 0 && SCRIPT[language].test(t.exact));
          if (!ok) wrong.push(`${concept.id} ${language}: ${phrase}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reads every phrase, in its dictionary form, as its own concept', () => {
    const misread = concepts.flatMap((concept) =>
      conceptPhrases(concept)
        .map((phrase) => ({ phrase, read: conceptPhraseOf(analyze(phrase))?.concept.id }))
        .filter(({ read }) => read !== concept.id)
        .map(({ phrase, read }) => `${phrase}: ${concept.id} read as ${read}`),
    );
    expect(misread).toEqual([]);
  });

  it('refers only to laws of the register', () => {
    const known = new Set(SEED_LAWS.map((law) => law.id));
    const unknown = concepts.flatMap((c) => (c.laws ?? []).filter((ref) => !known.has(ref.law)).map((ref) => `${c.id}: ${ref.law}`));
    expect(unknown).toEqual([]);
  });
});

// ——— pages generated from the file ———

const random = seededRandom(20_261_307);
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Sentences around the phrase, as letters in each language frame it (nothing from the corpus). */
const FRAMES = {
  ru: (phrase: string) => `Рассмотрев материалы дела, комиссия отмечает следующее. В части вопроса о ${phrase} заявителю разъяснены его права.`,
  kk: (phrase: string) => `Іс материалдарын қарап, комиссия мынаны атап өтеді. Өтініш берушіге ${phrase} қатысты құқықтары түсіндірілді.`,
  en: (phrase: string) => `Having reviewed the file, the panel notes the following. As regards the ${phrase}, the applicant was informed of his rights.`,
  // OCR of Chinese puts spaces between characters
  zh: (phrase: string) => `经审查，现通知如下：关于 ${[...phrase].join(' ')} 问题，已告知申请人。`,
};

interface GeneratedPage {
  concept: string;
  language: keyof typeof FRAMES;
  title: string;
  text: string;
}

function pagesOf(concept: LegalConcept): GeneratedPage[] {
  const out: GeneratedPage[] = [];
  for (const language of CONCEPT_LANGUAGES) {
    const phrases = concept[language];
    if (!phrases) continue;
    const phrase = pick(phrases);
    let form = phrase;
    if (language === 'ru') form = declineRussian(phrase, pick(RUSSIAN_CASES));
    if (language === 'kk') form = declineKazakh(phrase, pick(KAZAKH_CASES));
    if (language === 'en') form = phrase.toUpperCase() === phrase ? phrase : `${phrase}s`;
    out.push({ concept: concept.id, language, title: `${concept.id}-${language}`, text: FRAMES[language](form) });
  }
  return out;
}

describe('a legal concept searched in one language', () => {
  let search: SearchService;
  let pages: GeneratedPage[];

  beforeAll(() => {
    const db = testDatabase();
    pages = concepts.flatMap(pagesOf);
    for (const page of pages) addTextDocument(db, { title: page.title, pages: [page.text] });
    search = new SearchService(db, testIndex(db));
  });

  it('finds the pages that state it in the other languages, in inflected forms, at least 95 in 100', () => {
    let wanted = 0;
    const missed: string[] = [];
    for (const concept of concepts) {
      const queries = [
        { language: 'en' as const, query: concept.en[0]! },
        { language: 'ru' as const, query: concept.ru[0]! },
        { language: 'kk' as const, query: concept.kk[0]! },
        // typed as a letter has it: о временной защите, босқын мәртебесін
        { language: 'ru' as const, query: declineRussian(concept.ru[0]!, pick(RUSSIAN_CASES)) },
        { language: 'kk' as const, query: declineKazakh(concept.kk[0]!, pick(KAZAKH_CASES)) },
      ];
      for (const { language, query } of queries) {
        const found = new Set(search.search({ query, limit: 100 }).hits.map((hit) => hit.title));
        for (const page of pages.filter((p) => p.concept === concept.id && p.language !== language)) {
          wanted++;
          if (!found.has(page.title)) missed.push(`${language} «${query}» → ${page.language}: ${page.text}`);
        }
      }
    }
    const recall = 1 - missed.length / wanted;
    console.log(`legal concepts across languages: ${wanted - missed.length}/${wanted} pages found (recall ${recall.toFixed(3)})`, missed);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('ranks the pages in the language typed above those found through the other languages', () => {
    const hits = search.search({ query: 'статус беженца' }).hits;
    const own = hits.findIndex((hit) => hit.title === 'refugee-status-ru');
    const other = hits.findIndex((hit) => hit.title === 'refugee-status-kk');
    expect(own).toBeGreaterThanOrEqual(0);
    expect(other).toBeGreaterThan(own);
    expect(hits[other]!.forms).toEqual(['alias']);
    // Every page with the typed words in some form comes before every page found through another language.
    const typed = hits.map((hit) => hit.forms.some((form) => form === 'exact' || form === 'stem'));
    expect(typed.indexOf(false)).toBeGreaterThan(typed.lastIndexOf(true));
  });

  it('expands a concept named among other words of the query, and finds the pages citing the article that is it', () => {
    const db = testDatabase();
    addTextDocument(db, { title: 'release-ru', pages: ['Справка. Осужден по ч. 1 ст. 392 УК РК к шести месяцам лишения свободы.'] });
    addTextDocument(db, { title: 'reunion-kk', pages: ['Өтініш берушінің отбасын біріктіруге қатысты өтініші қаралды. Алматы қаласы.'] });
    const local = new SearchService(db, testIndex(db));
    expect(local.search({ query: 'illegal border crossing' }).hits.map((hit) => hit.title)).toEqual(['release-ru']);
    expect(local.search({ query: 'family reunification Almaty' }).hits.map((hit) => hit.title)).toEqual(['reunion-kk']);
  });

  it('control: a quoted phrase is searched as typed, so the other languages are not found', () => {
    const found = search.search({ query: '"refugee status"' }).hits.map((hit) => hit.title);
    expect(found).not.toContain('refugee-status-ru');
    expect(found).not.toContain('refugee-status-kk');
    expect(search.search({ query: 'refugee status' }).hits.map((hit) => hit.title)).toEqual(expect.arrayContaining(['refugee-status-ru', 'refugee-status-kk']));
  });
});
