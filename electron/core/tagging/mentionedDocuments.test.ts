/**
 * "Mentioned, not tagged" on the person page, and tagging those documents at once: on a real schema
 * with documents saved (and indexed) as an import saves them, a register as a lawyer keeps it.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MentionedDocument } from '../../../shared/domain/tagging';
import { verifyAudit } from '../audit/auditLog';
import { failureFrom } from '../errors';
import { SearchService } from '../search/searchService';
import { addTextDocument } from '../testing/textDocuments';
import { seededRandom } from '../testing/seededRandom';
import { mentionedDocuments } from './mentionedDocuments';
import { RegisterStore } from './registerStore';
import { TagService } from './tagService';
import { corpusDocuments } from '../extract/dates/corpusTruth';
import { corpusManifest, corpusPersonRecords, corpusPersons } from '../testing/corpus';
import { testIndex } from '../testing/testIndex';
import { testDatabase } from '../testing/testDatabase';
import { personPage } from './personPage';
import { TagStore } from './tagStore';

const TODAY = new Date('2024-03-01T09:00:00Z');
const NURLAN = 'P-NURLAN';

let db: Database.Database;
let register: RegisterStore;
let tags: TagService;
let store: TagStore;

function addDocument(title: string, pages: string[]): string {
  return addTextDocument(db, { title, pages, languages: ['rus', 'kaz', 'chi_sim'], now: TODAY });
}

const mentions = (personId = NURLAN): MentionedDocument[] => personPage(db, personId, new SearchService(db, testIndex(db))).mentions;
const listed = (personId = NURLAN) => mentions(personId).map((doc) => [doc.title, doc.pages.map((p) => p.page)]);
const marked = (doc: MentionedDocument, page: number) =>
  doc.pages
    .find((p) => p.page === page)!
    .snippet.filter((part) => part.match)
    .map((part) => part.text);

beforeEach(() => {
  db = testDatabase();
  register = RegisterStore.open(db, () => TODAY);
  // Recorded as a lawyer records them: the name and a spelling or two, never every form a letter uses.
  register.createPerson({ id: NURLAN, name: 'Nurlan Askaruly', variants: ['Нұрлан Асқарұлы', '努尔兰·阿斯卡尔'], role: 'client', protected: true });
  register.createPerson({ id: 'P-AIGERIM', name: 'Aigerim Dauletkyzy', variants: [], role: 'relative' });
  tags = new TagService(db, () => TODAY);
  store = new TagStore(db, () => TODAY);
});

describe('documents that name a person but are not tagged with them', () => {
  it('lists every script and case form of the name, with the pages, the spelling and the name marked in its words', () => {
    const russian = addDocument('Отказ', [
      'Министерство внутренних дел\n\nГражданину КНР Аскарулы Нурлану\n\nРассмотрев Ваше заявление, сообщаем об отказе.',
      'Приложение к письму.',
      'Копию решения вручить Аскарулы Н. под роспись.',
    ]);
    addDocument('Өтініш', ['Көші-қон қызметіне\n\nНұрлан Асқарұлының өтініші бойынша шешім қабылданды.']);
    addDocument('户口簿', ['户 主 努 尔 兰 · 阿 斯 卡 尔 男 1979年3月14日']);
    addDocument('Ruling', ['The court heard the applicant, Mr Nurlan Askaruly, in person.', 'Askaruly stated that he left in 2019.']);

    const found = mentions();
    expect(found.map((doc) => doc.title)).toEqual(['Ruling', 'Отказ', 'Өтініш', '户口簿']);
    const byTitle = new Map(found.map((doc) => [doc.title, doc]));
    expect(byTitle.get('Отказ')!.pages.map((p) => [p.page, p.spelling])).toEqual([
      [1, 'Аскарулы Нурлану'],
      [3, 'Аскарулы Н.'],
    ]);
    expect(byTitle.get('Отказ')!.docId).toBe(russian);
    expect(marked(byTitle.get('Отказ')!, 1)).toEqual(['Аскарулы Нурлану']);
    expect(byTitle.get('Отказ')!.pages[0]!.snippet.map((part) => part.text).join('')).toContain('Гражданину КНР Аскарулы Нурлану');
    expect(byTitle.get('Өтініш')!.pages.map((p) => p.spelling)).toEqual(['Нұрлан Асқарұлының']);
    expect(byTitle.get('户口簿')!.pages.map((p) => p.spelling)).toEqual(['努尔兰·阿斯卡尔']);
    // the surname alone on page 2 is his: the document names him in full on page 1
    expect(byTitle.get('Ruling')!.pages.map((p) => [p.page, p.spelling])).toEqual([
      [1, 'Nurlan Askaruly'],
      [2, 'Askaruly'],
    ]);
  });

  it('leaves out a namesake with the same given name, a relative with the same surname, a given name alone and another initial', () => {
    addDocument('Namesake', ['Заявитель Нурлан Бекович Серикбаев, 1985 года рождения, обратился в отдел.']);
    addDocument('Brother', ['Брат заявителя Серик Аскарулы проживает в городе Кульджа.']);
    addDocument('Given name', ['Нурлан пришёл в офис и оставил копию паспорта.']);
    addDocument('Other initial', ['Копию решения получил Аскарулы С. лично.']);
    addDocument('Brother, after a label', ['Заявитель: Серик Аскарулы, 1982 года рождения.']);
    // his surname (a brother's) and his given name (a namesake's) each alone on one page
    addDocument('Brother and namesake', ['Заявитель: Серик Аскарулы, брат. Свидетель Нурлан Серикбаев подтвердил его слова.']);
    addDocument('Somebody else', ['Заявление Айгерим Даулеткызы о продлении срока.']);
    expect(listed()).toEqual([]);
    expect(listed('P-AIGERIM')).toEqual([['Somebody else', [1]]]);
  });

  it("lists a card that gives the surname and the given name each in its own field", () => {
    addDocument('Certificate', ['Тегі / Фамилия / Surname АСҚАРҰЛЫ / АСКАРУЛЫ /\nASKARULY\n\nАты / Имя / Given name НҰРЛАН / НУРЛАН / NURLAN\n\nТуған күні 14.03.1979']);
    addDocument('Surname only', ['Тегі / Фамилия / Surname АСҚАРҰЛЫ / АСКАРУЛЫ']);
    expect(listed()).toEqual([['Certificate', [1]]]);
  });

  it('leaves out a document already tagged with the person, and one whose suggestion of the person the lawyer rejected', () => {
    const tagged = addDocument('Tagged', ['Гражданину Аскарулы Нурлану отказано.']);
    const rejected = addDocument('Rejected', ['Гражданину Аскарулы Нурлану отказано.']);
    addDocument('Open', ['Гражданину Аскарулы Нурлану отказано.']);
    store.addTag(tagged, 'person', NURLAN);
    const suggestion = tags.suggest(rejected).find((s) => s.kind === 'person' && s.value === NURLAN)!;
    tags.reject(suggestion.id);
    expect(listed()).toEqual([['Open', [1]]]);
  });

  it('finds a spelling added to the register after the documents were imported', () => {
    addDocument('Letter', ['Просим принять Nuerlan Asikaer на работу.']);
    expect(listed()).toEqual([]);
    register.addVariant(NURLAN, 'Nuerlan Asikaer');
    expect(listed()).toEqual([['Letter', [1]]]);
  });

  it('puts the documents naming the person on most pages first, then the latest dated, undated last', () => {
    const once = (title: string) => addDocument(title, ['Гражданину Аскарулы Нурлану отказано.']);
    const old = once('Old');
    const recent = once('Recent');
    once('Undated');
    addDocument('Three pages', ['Аскарулы Нурлан', 'Аскарулы Нурлан', 'Аскарулы Нурлан']);
    store.addTag(old, 'document-date', '2019-05-02');
    store.addTag(recent, 'document-date', '2023-11-20');
    expect(mentions().map((doc) => [doc.title, doc.date])).toEqual([
      ['Three pages', null],
      ['Recent', '2023-11-20'],
      ['Old', '2019-05-02'],
      ['Undated', null],
    ]);
  });

  it('reads the newest pages that meet the name, up to a limit, and then says the list is partial', () => {
    const older = addDocument('Older', ['Гражданину Аскарулы Нурлану отказано.']);
    const newer = addDocument('Newer', ['Гражданину Аскарулы Нурлану отказано.', 'Аскарулы Нурлан']);
    const persons = register.listPersons();
    const search = new SearchService(db, testIndex(db));
    expect(mentionedDocuments(db, search, persons, NURLAN, 3)).toMatchObject({ partial: false, documents: [{ docId: newer }, { docId: older }] });
    const partial = mentionedDocuments(db, search, persons, NURLAN, 2);
    expect(partial.partial).toBe(true);
    expect(partial.documents.map((doc) => doc.docId)).toEqual([newer]);
    expect(personPage(db, NURLAN, new SearchService(db, testIndex(db))).mentionsPartial).toBe(false);
  });

  it('lists nothing for a person nobody names, or one no longer in the register', () => {
    addDocument('Letter', ['Гражданину Аскарулы Нурлану отказано.']);
    expect(mentionedDocuments(db, new SearchService(db, testIndex(db)), register.listPersons(), 'P-NOBODY')).toEqual({ documents: [], partial: false });
    expect(listed('P-AIGERIM')).toEqual([]);
  });
});

describe('tagging the documents that name a person', () => {
  it('tags the chosen ones in one go: they move to the timeline and leave the list, each audited without the name', () => {
    const a = addDocument('A', ['Гражданину Аскарулы Нурлану отказано.']);
    const b = addDocument('B', ['Nurlan Askaruly, applicant.']);
    addDocument('C', ['Нұрлан Асқарұлы, өтініш беруші.']);
    expect(personPage(db, NURLAN, new SearchService(db, testIndex(db))).timeline).toEqual([]);

    const result = store.tagPerson(NURLAN, [a, b, a]);
    expect(result.alreadyTagged).toEqual([]);
    expect(result.added.map((tag) => [tag.docId, tag.kind, tag.personId, tag.source])).toEqual([
      [a, 'person', NURLAN, 'manual'],
      [b, 'person', NURLAN, 'manual'],
    ]);
    const page = personPage(db, NURLAN, new SearchService(db, testIndex(db)));
    expect(page.timeline.map((entry) => entry.title).sort()).toEqual(['A', 'B']);
    expect(page.mentions.map((doc) => doc.title)).toEqual(['C']);

    const audit = db.prepare("SELECT action, subject, details FROM audit_log WHERE action = 'tag.added' ORDER BY seq").all() as Array<{ action: string; subject: string; details: string }>;
    expect(audit.map((entry) => entry.subject)).toEqual([a, b]);
    // a protected person's name is in no audit entry: the id says who
    expect(audit.every((entry) => entry.details.includes(NURLAN) && !/Nurlan|Нұрлан|Askaruly/.test(entry.details))).toBe(true);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('accepts a document’s open suggestion of the person with it, keeping its page', () => {
    const docId = addDocument('Opened', ['Приложение.', 'Гражданину Аскарулы Нурлану отказано.']);
    const suggestion = tags.suggest(docId).find((s) => s.kind === 'person' && s.value === NURLAN)!;
    const [tag] = store.tagPerson(NURLAN, [docId]).added;
    expect(tag).toMatchObject({ source: 'suggested', page: 2, personId: NURLAN });
    expect(tags.suggestions(docId).find((s) => s.id === suggestion.id)!.status).toBe('accepted');
    expect(db.prepare("SELECT action FROM audit_log WHERE subject = ? ORDER BY seq").pluck().all(docId)).toEqual(['suggestion.accepted']);
  });

  it('reports documents already tagged and leaves them as they were', () => {
    const docId = addDocument('A', ['Гражданину Аскарулы Нурлану отказано.']);
    const first = store.addTag(docId, 'person', NURLAN);
    expect(store.tagPerson(NURLAN, [docId])).toEqual({ added: [], alreadyTagged: [docId] });
    expect(store.tags(docId)).toEqual([first]);
  });

  it('tags none when one document is gone, or the person is, and says which with a code', () => {
    const a = addDocument('A', ['Гражданину Аскарулы Нурлану отказано.']);
    const before = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const code = (run: () => unknown) => {
      try {
        run();
        return null;
      } catch (error) {
        return failureFrom(error)?.code ?? String(error);
      }
    };
    expect(code(() => store.tagPerson(NURLAN, [a, 'doc_gone000000']))).toBe('document-not-found');
    expect(code(() => store.tagPerson('P-NOBODY', [a]))).toBe('person-not-found');
    expect(store.tags(a)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });

  it('brings a validity end on a tagged document to the person as a deadline', () => {
    const docId = addDocument('Certificate', ['Удостоверение беженца выдано Аскарулы Нурлану.']);
    store.addTag(docId, 'valid-until', '2024-06-03');
    store.tagPerson(NURLAN, [docId]);
    expect(personPage(db, NURLAN, new SearchService(db, testIndex(db))).deadlines.map((d) => [d.due, d.kind, d.personId])).toEqual([['2024-06-03', 'validity', NURLAN]]);
  });
});

/**
 * Letters made from seeds: the name in one of its forms (any script, case, order, an initial, a line
 * break inside it), or only decoys (a namesake, a relative, the given name alone), among other
 * sentences, on a random page. A letter is listed exactly when it names him, on exactly those pages.
 */
describe('mentions on generated letters', () => {
  const HIM = [
    'Аскарулы Нурлан',
    'Аскарулы Нурлана',
    'Нурлану Аскарулы',
    'Нурланом Аскарулы',
    'Нұрлан Асқарұлы',
    'Нұрланға Асқарұлына',
    'Нұрлан Асқарұлының',
    'Nurlan Askaruly',
    'Askaruly Nurlan',
    'NURLAN ASKARULY',
    'Аскарулы Н.',
    'Н. Аскарулы',
    'N. Askaruly',
    'Нурлан\nАскарулы',
    '努尔兰·阿斯卡尔',
  ];
  const DECOYS = ['Нурлан Серикбаев', 'Серик Аскарулы', 'Аскарулы С.', 'Nurlan Bekov', 'Айгерим Даулеткызы', 'Ержан Нурланулы'];
  const SENTENCES = [
    'Рассмотрев Ваше заявление, сообщаем следующее.',
    'В соответствии с подпунктом 1) статьи 49 Закона Республики Казахстан «О миграции населения».',
    'Өтінішіңізді қарап, мынаны хабарлаймыз.',
    'The hearing is adjourned to a later date.',
    'Копия верна.',
    'Решение может быть обжаловано в течение месяца.',
  ];
  const LEADS = ['Гражданину КНР', 'в отношении', 'Заявитель:', 'Applicant:', 'Өтініш беруші', 'выдано на имя'];

  it('lists a letter exactly when it names him, with every page that does (200 seeds)', () => {
    const letters = new Map<string, { him: number[]; surname: number[] }>();
    for (let seed = 1; seed <= 200; seed++) {
      const random = seededRandom(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
      const pageCount = 1 + Math.floor(random() * 3);
      const pages: string[] = [];
      const letter = { him: [] as number[], surname: [] as number[] };
      for (let page = 1; page <= pageCount; page++) {
        const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(SENTENCES));
        const roll = random();
        if (roll < 0.4) {
          lines.splice(Math.floor(random() * (lines.length + 1)), 0, `${pick(LEADS)} ${pick(HIM)}, ${pick(SENTENCES).toLowerCase()}`);
          letter.him.push(page);
        } else if (roll < 0.7) {
          // one decoy, or two on the page (a brother's surname and a namesake's given name together)
          const decoys = Array.from({ length: random() < 0.5 ? 1 : 2 }, () => pick(DECOYS));
          for (const decoy of decoys) lines.splice(Math.floor(random() * (lines.length + 1)), 0, `${pick(LEADS)} ${decoy}.`);
          if (decoys.some((decoy) => decoy.includes('Аскарулы'))) letter.surname.push(page);
        }
        pages.push(lines.join(random() < 0.5 ? '\n' : '\n\n'));
      }
      letters.set(addDocument(`Letter ${seed}`, pages), letter);
    }
    const found = new Map(mentions().map((doc) => [doc.docId, doc.pages.map((p) => p.page)]));
    for (const [docId, { him, surname }] of letters) {
      const pages = found.get(docId) ?? [];
      // every page naming him; beside them, only a page with his surname in a letter naming him in full
      // (the extractor gives that surname to him: a page worth the lawyer's look)
      expect(pages.filter((page) => !surname.includes(page)), docId).toEqual(him);
    }
    expect(found.size).toBe([...letters.values()].filter((letter) => letter.him.length > 0).length);
  });
});

describe('on the development corpus', () => {
  const truth = new Map(corpusManifest().documents.map((doc) => [doc.file, (doc as unknown as { person_ids: string[] }).person_ids]));

  /** What the person pages list on the corpus, against its truth: listed right, listed, named. */
  function measure(persons: ReadonlyArray<{ id: string; name: string; variants: string[] }>): { right: number; listed: number; named: number } {
    // a vault of the corpus alone, with this register alone
    db = testDatabase();
    register = RegisterStore.open(db, () => TODAY);
    tags = new TagService(db, () => TODAY);
    for (const person of persons) register.createPerson({ id: person.id, name: person.name, variants: person.variants, role: 'client' });
    const fileOf = new Map<string, string>();
    for (const doc of corpusDocuments()) fileOf.set(addDocument(doc.file, doc.pages.map((page) => page.text)), doc.file);
    const found = new Set(persons.flatMap((person) => mentions(person.id).map((doc) => `${fileOf.get(doc.docId)} ${person.id}`)));
    const wanted = new Set([...truth].flatMap(([file, ids]) => ids.filter((id) => persons.some((p) => p.id === id)).map((id) => `${file} ${id}`)));
    return { right: [...found].filter((key) => wanted.has(key)).length, listed: found.size, named: wanted.size };
  }

  // measured with both registers: 83 of 83 listed are right, and 83 of the 83 documents naming a person are listed
  it.each([
    ['as the lawyer keeps it', () => corpusPersons()],
    ['with only the name and its Chinese form recorded', () => corpusPersonRecords().map((p) => ({ id: p.id, name: p.canonical_name, variants: p.names.zh ? [p.names.zh] : [] }))],
  ])('lists the documents that name each person, and no other, with the register %s', (_, persons) => {
    const { right, listed, named } = measure(persons());
    expect(right / listed).toBeGreaterThanOrEqual(0.95);
    expect(right / named).toBeGreaterThanOrEqual(0.95);
  });
});
