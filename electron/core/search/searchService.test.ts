/**
 * Search on a real (in-memory) vault schema with pages saved the way an import saves them. The texts
 * are written like the letters Dalel receives; the corpus-wide measurement is searchCorpus.test.ts.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { addTextDocument } from '../testing/textDocuments';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OcrLanguage, Word } from '../../../shared/domain/document';
import { DocumentStore } from '../documents/documentStore';
import { SearchService } from './searchService';
import { testIndex } from '../testing/testIndex';
import { testDatabase } from '../testing/testDatabase';

/** Words with boxes laid out left to right, as OCR gives them. */
function wordsOf(text: string): Word[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word, i) => ({ text: word, bbox: [10 + i * 100, 50, 90 + i * 100, 70] as [number, number, number, number], conf: 90 }));
}

let db: Database.Database;
let store: DocumentStore;
let search: SearchService;

function addDocument(title: string, pages: string[], options: { languages?: OcrLanguage[]; importedAt?: Date } = {}): string {
  return addTextDocument(db, { title, pages, words: wordsOf, languages: options.languages, now: options.importedAt });
}

/** The documents of the pages that meet the whole query, best first. */
const titles = (query: string, limit = 20) =>
  search
    .search({ query, limit })
    .hits.filter((hit) => hit.complete)
    .map((hit) => hit.title);

beforeEach(() => {
  db = testDatabase();
  store = new DocumentStore(db);
  search = new SearchService(db, testIndex(db));
});

describe('search', () => {
  beforeEach(() => {
    addDocument('refusal-ru', [
      'Министерство внутренних дел Республики Казахстан. Комитет миграционной службы.\n' +
        'Исх. № 3-1-17/Б-1234 от 02.04.2021\nГражданке Айгерим Даулеткызы.\n' +
        'Рассмотрев Ваше заявление о выдаче проездного документа, сообщаем, что в соответствии со статьей 49 ' +
        'Закона Республики Казахстан «О миграции населения» № 477-ІV в выдаче отказано.',
    ]);
    addDocument('refusal-kk', [
      'Әйгерім Дәулетқызына. Сіздің босқын куәлігін беру туралы өтінішіңіз қаралды. ' + '«Халықтың көші-қоны туралы» Заңының 49-бабы.',
    ]);
    addDocument('translation-en', [
      'Ref. No. 3-1-17/B-1234 dated 2 April 2021. To Ms Aigerim Dauletkyzy. Your application for a travel document ' +
        'is refused under Article 49 of Law No. 477-IV "On Migration of Population".',
    ]);
    addDocument('certificate-ru', [
      'Удостоверение беженца № 000418. Действительно до 01.01.2022. Выдано Мусахан Нурлану.',
    ]);
    addDocument('police-notice-zh', ['富蕴县公安局 通知 艾 格 尔 木 家属']);
  });

  it('finds a Latin-script name on Cyrillic and Kazakh pages, and says it matched in another script', () => {
    const result = search.search({ query: 'Aigerim Dauletkyzy' });
    expect(result.hits.map((hit) => hit.title).sort()).toEqual(['refusal-kk', 'refusal-ru', 'translation-en']);
    expect(result.hits[0]!.title).toBe('translation-en'); // the exact spelling first
    const russian = result.hits.find((hit) => hit.title === 'refusal-ru')!;
    expect(russian.forms).toEqual(['translit']);
    expect(russian.matched).toEqual(['Айгерим', 'Даулеткызы']);
    expect(russian.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['Айгерим', 'Даулеткызы']);
    expect(titles('Әйгерім Дәулетқызы')).toContain('refusal-ru');
  });

  it('finds other forms of a Russian word and ranks them below the exact form', () => {
    const hits = search.search({ query: 'проездной документ' }).hits.filter((hit) => hit.complete);
    // The English translation says "travel document": the same legal term, ranked after the other form.
    expect(hits.map((hit) => hit.title)).toEqual(['refusal-ru', 'translation-en']);
    expect(hits[0]!.forms).toEqual(['stem']);
    expect(hits[1]!.forms).toEqual(['alias']);
    expect(hits[0]!.matched).toEqual(['проездного', 'документа']);
  });

  it('finds a word with one or two wrong letters, ranked below exact matches', () => {
    expect(titles('миграцыи')).toContain('refusal-ru');
    const musahan = search.search({ query: 'Musakhan' }).hits;
    expect(musahan.map((hit) => hit.title)).toEqual(['certificate-ru']);
    addDocument('other-musakhan', ['Заявитель Musakhan Nurlan']);
    expect(titles('Musakhan')).toEqual(['other-musakhan', 'certificate-ru']);
  });

  it('matches law and outgoing numbers as whole tokens, across look-alike letters and transliteration', () => {
    // The Kazakh letter cites the same law by its title only: it is found too, as another name of it.
    expect(titles('477-IV').sort()).toEqual(['refusal-kk', 'refusal-ru', 'translation-en']);
    expect(search.search({ query: '477-IV' }).hits.find((hit) => hit.title === 'refusal-kk')!.forms).toEqual(['law']);
    expect(titles('3-1-17/Б-1234').sort()).toEqual(['refusal-ru', 'translation-en']);
    expect(titles('000418')).toEqual(['certificate-ru']);
  });

  it('highlights the law number where the page prints it, not the whole citation around it, and says "law citation" only where the page cites the law otherwise', () => {
    const hits = search.search({ query: '477-IV' }).hits;
    for (const title of ['refusal-ru', 'translation-en']) {
      const hit = hits.find((h) => h.title === title)!;
      expect(hit.matched, title).toEqual([expect.stringMatching(/^477-[IІ]V$/)]);
      expect(hit.snippet.filter((part) => part.match).map((part) => part.text), title).toEqual([expect.stringMatching(/^477-[IІ]V$/)]);
      expect(hit.forms, title).not.toContain('law');
    }
    const kazakh = hits.find((h) => h.title === 'refusal-kk')!;
    expect(kazakh.forms).toEqual(['law']);
    expect(kazakh.matched.join(' ')).toMatch(/Заңы/);
  });

  it('finds a law citation in any language, by article', () => {
    const english = search.search({ query: 'Article 49 of Law No. 477-IV' });
    expect(english.hits.filter((hit) => hit.complete).map((hit) => hit.title).sort()).toEqual(['refusal-kk', 'refusal-ru', 'translation-en']);
    const kazakh = english.hits.find((hit) => hit.title === 'refusal-kk')!;
    expect(kazakh.matched.join(' ')).toMatch(/Заңының 49-бабы/);
    expect(titles('статья 49 закона о миграции населения').sort()).toEqual(['refusal-kk', 'refusal-ru', 'translation-en']);
    expect(titles('статья 9 закона о беженцах')).toEqual([]);
  });

  it('finds a date however the page writes it', () => {
    expect(titles('02.04.2021').sort()).toEqual(['refusal-ru', 'translation-en']);
    const january = search.search({ query: '1 January 2022' }).hits;
    expect(january.map((hit) => hit.title)).toEqual(['certificate-ru']);
    expect(january[0]!.forms).toEqual(['date']);
    expect(january[0]!.matched).toEqual(['01.01.2022']);
  });

  it('finds Chinese by characters, with or without the spaces OCR puts between them', () => {
    expect(titles('艾格尔木')).toEqual(['police-notice-zh']);
    expect(titles('富蕴县')).toEqual(['police-notice-zh']);
  });

  it('finds a place of origin under its other names: Kazakh, Chinese, Russian adjective, romanised', () => {
    addDocument('letter-ru', ['Проживает в КНР по адресу: Коктогайского уезда, Алтайский округ.']);
    addDocument('translation-fuyun', ['Place of birth: Koktogay (Fuyun) County, Xinjiang']);
    const hits = search.search({ query: 'Көктоғай' }).hits;
    expect(hits.map((hit) => hit.title).sort()).toEqual(['letter-ru', 'police-notice-zh', 'translation-fuyun']);
    const chinese = hits.find((hit) => hit.title === 'police-notice-zh')!;
    expect(chinese.forms).toEqual(['alias']);
    expect(chinese.matched).toEqual(['富蕴']);
    expect(hits.find((hit) => hit.title === 'letter-ru')!.matched).toEqual(['Коктогайского']);
    // «или» is the Russian "or", not the Ili valley; a person called Emin is not a county.
    expect(titles('Fuyun')).toEqual(expect.arrayContaining(['letter-ru', 'police-notice-zh']));
    addDocument('or-word', ['Отказ или отсрочка. 伊犁州']);
    expect(titles('или')).toEqual(['or-word']);
    expect(titles('Ili')).toEqual(['or-word']);
    expect(search.search({ query: 'или' }).hits[0]!.forms).toEqual(['exact']);
  });

  it('finds a legal term in the other languages: illegal border crossing → незаконное пересечение границы', () => {
    addDocument('verdict-ru', ['признан виновным в незаконном пересечении Государственной границы Республики Казахстан']);
    addDocument('verdict-kk', ['Мемлекеттік шекараны заңсыз кесіп өткені үшін']);
    const hits = search.search({ query: 'illegal border crossing' }).hits;
    expect(hits.map((hit) => hit.title).sort()).toEqual(['verdict-kk', 'verdict-ru']);
    expect(hits[0]!.forms).toEqual(['alias']);
    expect(titles('незаконное пересечение границы')).toContain('verdict-ru');
    expect(titles('border')).toEqual([]); // one word of the term is not the term
  });

  it('understands phrases, prefixes, exclusions and OR', () => {
    expect(titles('"травел документ"')).toEqual([]);
    expect(titles('"travel document"')).toEqual(['translation-en']);
    expect(titles('удостоверен*')).toEqual(['certificate-ru']);
    expect(titles('Aigerim -Article').sort()).toEqual(['refusal-kk', 'refusal-ru']);
    expect(titles('000418 OR 富蕴县').sort()).toEqual(['certificate-ru', 'police-notice-zh']);
    expect(search.search({ query: '-Article' }).problem).toBe('only-exclusions');
  });

  it('lists pages with only some of the words after the complete hits, marked as partial', () => {
    const result = search.search({ query: 'проездной 000418' });
    expect(result.total).toBe(0);
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.every((hit) => !hit.complete)).toBe(true);
    expect(result.hits.map((hit) => hit.title).sort()).toEqual(['certificate-ru', 'refusal-ru']);
  });

  it('filters by document language and by import date', () => {
    addDocument('old-kk', ['Әйгерім туралы анықтама'], { languages: ['kaz'], importedAt: new Date('2025-01-10T10:00:00Z') });
    expect(search.search({ query: 'Aigerim', filters: { languages: ['kaz'] } }).hits.map((h) => h.title)).toEqual(['old-kk']);
    expect(search.search({ query: 'Aigerim', filters: { languages: ['kaz', 'eng'] } }).hits).toHaveLength(4);
    expect(search.search({ query: 'Aigerim', filters: { importedTo: '2025-12-31' } }).hits.map((h) => h.title)).toEqual(['old-kk']);
    expect(search.search({ query: 'Aigerim', filters: { importedFrom: '2026-01-01' } }).hits.map((h) => h.title)).not.toContain('old-kk');
  });

  it('filters by the tags of the case register: person, law (and article), document type and date', () => {
    const ids = Object.fromEntries(
      (db.prepare('SELECT id, title FROM documents').all() as Array<{ id: string; title: string }>).map((row) => [row.title, row.id]),
    );
    db.prepare("INSERT INTO persons (id, name, role, created_at, updated_at) VALUES ('P1', 'Aigerim Dauletkyzy', 'client', 'now', 'now')").run();
    const tag = db.prepare("INSERT INTO tags (document_id, kind, value, person_id, law_id, article, source, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, 'manual', 'test', 'now')");
    tag.run(ids['refusal-ru'], 'person', 'P1', 'P1', null, null);
    tag.run(ids['refusal-ru'], 'law', 'KZ-477-IV:49', null, 'KZ-477-IV', '49');
    tag.run(ids['refusal-ru'], 'type', 'refusal', null, null, null);
    tag.run(ids['refusal-ru'], 'document-date', '2021-04-02', null, null, null);
    tag.run(ids['translation-en'], 'law', 'KZ-477-IV', null, 'KZ-477-IV', null);
    const withFilter = (filters: Record<string, string>) => search.search({ query: 'Aigerim', filters }).hits.map((hit) => hit.title).sort();
    expect(withFilter({ personId: 'P1' })).toEqual(['refusal-ru']);
    expect(withFilter({ law: 'KZ-477-IV' })).toEqual(['refusal-ru', 'translation-en']);
    expect(withFilter({ law: 'KZ-477-IV:49' })).toEqual(['refusal-ru']);
    expect(withFilter({ docType: 'refusal' })).toEqual(['refusal-ru']);
    expect(withFilter({ documentDateFrom: '2021-04-01', documentDateTo: '2021-04-30' })).toEqual(['refusal-ru']);
    expect(withFilter({ documentDateFrom: '2022-01-01' })).toEqual([]);
  });

  it('gives the word boxes and text ranges of the matches on each page of a document', () => {
    const id = addDocument('two-pages', ['Первая страница без имени', 'Вторая страница: Айгерим Даулеткызы']);
    const matches = search.documentMatches(id, 'Aigerim');
    expect(matches.pages).toHaveLength(1);
    const [page] = matches.pages;
    expect(page!.page).toBe(2);
    const text = 'Вторая страница: Айгерим Даулеткызы';
    expect(page!.ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Айгерим']);
    expect(page!.boxes).toEqual([[210, 50, 290, 70]]);
  });

  it('forgets a deleted document', () => {
    const id = addDocument('to-delete', ['Уникальнословоканарейка']);
    expect(titles('Уникальнословоканарейка')).toEqual(['to-delete']);
    db.transaction(() => store.delete(id))();
    expect(titles('Уникальнословоканарейка')).toEqual([]);
    expect(db.prepare("SELECT count(*) AS n FROM search_vocab WHERE term LIKE 'уникальн%'").get()).toEqual({ n: 0 });
  });

  it('re-indexes pages indexed by an older analyser, and a rebuild gives the same results', () => {
    const before = search.search({ query: 'Aigerim' }).hits.map((hit) => hit.title);
    db.prepare('UPDATE search_pages SET analyzer = -1').run(); // as after an upgrade: the next start finds them
    search = new SearchService(db, testIndex(db));
    expect(testIndex(db).pendingCount()).toBe(5);
    expect(search.search({ query: 'Aigerim' }).pagesPending).toBe(5);
    while (testIndex(db).indexPending(2) > 0);
    expect(testIndex(db).pendingCount()).toBe(0);
    expect(testIndex(db).rebuild()).toBe(5);
    expect(search.search({ query: 'Aigerim' }).hits.map((hit) => hit.title)).toEqual(before);
  });
});

describe('names with a patronymic ending', () => {
  /** A daughter's patronymic and her father's given name: one key, two persons. */
  const pages = (daughter: string, father: string) => [`${daughter} сообщила, что её отец ${father} находится под наблюдением полиции.`];

  it('a search for the daughter never lights up the father, in any script, and the Kazakh case forms of her name are hers', () => {
    const cases: Array<{ daughter: string; father: string; query: string }> = [
      { daughter: 'Aigerim Dauletkyzy', father: 'Daulet Kosherbaiuly', query: 'Aigerim Dauletkyzy' },
      { daughter: 'Айгерим Даулеткызы', father: 'Даулет Кошербайулы', query: 'Aigerim Dauletkyzy' },
      { daughter: 'Әйгерім Дәулетқызы', father: 'Дәулет Көшербайұлы', query: 'Aigerim Dauletkyzy' },
      { daughter: 'Zhanar Muratkyzy', father: 'Murat Kasymov', query: 'Жанар Мураткызы' },
      { daughter: 'Гульнар Омарова', father: 'Омар Сейтов', query: 'Gulnar Omarova' },
    ];
    for (const { daughter, father, query } of cases) {
      db = testDatabase();
      store = new DocumentStore(db);
      search = new SearchService(db, testIndex(db));
      addDocument('letter', pages(daughter, father));
      const hit = search.search({ query }).hits[0]!;
      expect(hit, `${query} on “${daughter}”`).toBeDefined();
      const fatherGiven = father.split(' ')[0]!;
      expect(hit.matched, `${query} on “${daughter} … ${father}”`).not.toContain(fatherGiven);
      expect(hit.matched.join(' '), query).toContain(daughter.split(' ')[1]!);
      // and the father's given name alone does not find the daughter's patronymic
      expect(search.search({ query: fatherGiven }).hits.flatMap((h) => h.matched)).toEqual([fatherGiven]);
    }
  });

  it('a registered person written in Kazakh is found in the genitive, and her father is not', () => {
    db.prepare("INSERT INTO persons (id, name, role, created_at, updated_at) VALUES ('P1', 'Aigerim Dauletkyzy', 'client', 'now', 'now')").run();
    const variant = db.prepare("INSERT INTO person_variants (person_id, variant) VALUES ('P1', ?)");
    variant.run('Даулеткызы Айгерим');
    variant.run('Әйгерім Дәулетқызы');
    addDocument('kk-letter', ['Әйгерім Дәулетқызының әкесі Дәулет Көшербайұлы Шыңжаңда тұрады.']);
    const hit = search.search({ query: 'Aigerim Dauletkyzy' }).hits.find((h) => h.title === 'kk-letter')!;
    expect(hit.complete).toBe(true);
    expect(hit.matched).toEqual(['Әйгерім', 'Дәулетқызының']);
  });
});
