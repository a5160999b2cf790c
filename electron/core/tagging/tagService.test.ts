/**
 * Suggestions → decisions → tags and deadlines, on a real schema with documents saved the way an
 * import saves them. The extractors' accuracy is measured on the corpus in their own tests.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { addTextDocument } from '../testing/textDocuments';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Word } from '../../../shared/domain/document';
import { verifyAudit } from '../audit/auditLog';
import { DocumentStore } from '../documents/documentStore';
import { RegisterStore } from './registerStore';
import { TagService } from './tagService';
import { testIndex } from '../testing/testIndex';
import { SearchService } from '../search/searchService';
import { testDatabase } from '../testing/testDatabase';
import { DeadlineBook } from './deadlineBook';
import { personPage } from './personPage';
import { TagStore } from './tagStore';

const TODAY = new Date('2022-05-01T09:00:00Z');

const REFUSAL = [
  'Қазақстан Республикасы Ішкі істер министрлігі',
  'Министерство внутренних дел Республики Казахстан',
  '',
  '02.04.2021 № 3-1-17/А-1881',
  '',
  'Гражданке КНР Даулеткызы Айгерим',
  '',
  'Рассмотрев Ваше заявление от 5 марта 2021 года о выдаче разрешения на постоянное проживание, сообщаем,',
  'что в соответствии с подпунктом 1) статьи 49 Закона Республики Казахстан от 22 июля 2011 года № 477-IV',
  '«О миграции населения» в выдаче разрешения Вам отказано.',
  '',
  'Заместитель председателя Т. Есимханов',
].join('\n');

const EXTENSION = [
  'О продлении срока действия удостоверения беженца',
  '',
  'Срок действия удостоверения беженца № 000418, выданного 03.06.2019 на имя Даулеткызы Айгерим,',
  'продлен на один год — до 03.06.2022 включительно.',
].join('\n');

function wordsOf(text: string): Word[] {
  let x = 0;
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      x += 100;
      return { text: word, bbox: [x, 40, x + 90, 60] as [number, number, number, number], conf: 90 };
    });
}

let db: Database.Database;
let tags: TagService;
let store: TagStore;
let book: DeadlineBook;

function addDocument(title: string, text: string): string {
  return addTextDocument(db, { title, pages: [text], words: wordsOf, languages: ['rus', 'kaz'], now: TODAY, page: { width: 2480, height: 3508, dpi: 300 } });
}

beforeEach(() => {
  db = testDatabase();
  const register = RegisterStore.open(db, () => TODAY);
  register.createPerson({ id: 'D-P02', name: 'Aigerim Dauletkyzy', variants: ['Әйгерім Дәулетқызы'], role: 'client' });
  tags = new TagService(db, () => TODAY);
  store = new TagStore(db, () => TODAY);
  book = new DeadlineBook(db, () => TODAY);
});

describe('suggestions and tags', () => {
  it('refuses a type of document it does not know, and the library still lists every document', () => {
    const docId = addDocument('refusal', REFUSAL);
    for (const stray of ['letter', 'Refusal', '', 'refusal ']) {
      expect(() => store.addTag(docId, 'type', stray), stray).toThrow(/not a type of document/);
    }
    store.addTag(docId, 'type', 'ruling');
    expect(new DocumentStore(db).list().map((doc) => doc.type)).toEqual(['ruling']);
  });

  it('suggests the law, the person (across scripts), the date, the number and the type of a refusal', () => {
    const docId = addDocument('refusal', REFUSAL);
    const suggestions = tags.suggest(docId);
    const find = (kind: string, value: string | null) => suggestions.find((s) => s.kind === kind && s.value === value);
    expect(find('law', 'KZ-477-IV:49')).toMatchObject({ status: 'open', page: 1 });
    const person = find('person', 'D-P02')!;
    expect(person.surface).toMatch(/Даулеткызы Айгерим/);
    expect(person.bbox).not.toBeNull();
    expect(find('document-date', '2021-04-02')).toBeDefined();
    expect(find('number', '3-1-17/А-1881')).toBeDefined();
    expect(find('type', 'refusal')).toBeDefined();
    // The application's date is not the document's date.
    expect(find('document-date', '2021-03-05')).toBeUndefined();
  });

  it('accepting makes a tag with its provenance; a rejected suggestion is not offered again', () => {
    const docId = addDocument('refusal', REFUSAL);
    const suggestions = tags.suggest(docId);
    const law = suggestions.find((s) => s.kind === 'law' && s.value === 'KZ-477-IV:49')!;
    const tag = tags.accept(law.id);
    expect(tag).toMatchObject({ kind: 'law', lawId: 'KZ-477-IV', article: '49', source: 'suggested', actor: 'lawyer', page: 1 });
    const number = suggestions.find((s) => s.kind === 'number')!;
    tags.reject(number.id);
    const again = tags.suggest(docId);
    expect(again.filter((s) => s.status === 'open' && (s.kind === 'number' || s.value === 'KZ-477-IV:49'))).toEqual([]);
    expect(() => tags.accept(number.id)).toThrow(/already rejected/);
    // deciding twice clashes with the decision made: a conflict, not a refused request
    expect(() => tags.accept(number.id)).toThrow(expect.objectContaining({ code: 'conflict', reason: 'suggestion-decided', params: { status: 'rejected' } }));
    const audit = db.prepare("SELECT action FROM audit_log WHERE action LIKE 'suggestion.%' ORDER BY seq").pluck().all();
    expect(audit).toEqual(['suggestion.accepted', 'suggestion.rejected']);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('reads a document again when its text changed, if it was read before; decisions stay', () => {
    const docId = addDocument('letter', REFUSAL);
    // Never read for suggestions: left for the lawyer's first look, against the register as it is then.
    expect(tags.suggestAgain(docId)).toBe(false);
    expect(tags.suggestions(docId)).toEqual([]);
    const number = tags.suggest(docId).find((s) => s.kind === 'number')!;
    tags.reject(number.id);
    // OCR read the page again, and it turned out to be the extension letter.
    db.prepare('UPDATE pages SET text = ?, words = ? WHERE document_id = ?').run(EXTENSION, JSON.stringify(wordsOf(EXTENSION)), docId);
    expect(tags.suggestAgain(docId)).toBe(true);
    const open = tags.suggestions(docId).filter((s) => s.status === 'open');
    expect(open.some((s) => s.kind === 'valid-until' && s.value === '2022-06-03')).toBe(true);
    expect(open.some((s) => s.kind === 'law')).toBe(false);
    expect(tags.suggestions(docId).find((s) => s.id === number.id)).toMatchObject({ status: 'rejected' });
  });

  it('a name matching nobody known is tagged only once the lawyer says who it is', () => {
    const docId = addDocument('refusal', REFUSAL);
    const unknown = tags.suggest(docId).find((s) => s.kind === 'person' && s.value === null && /Есимханов/.test(s.surface));
    expect(unknown).toBeDefined();
    expect(() => tags.accept(unknown!.id)).toThrow(/Say who this is/);
    const tag = tags.accept(unknown!.id, { newPerson: { name: 'Timur Yesimkhanov', role: 'official' } });
    const person = new RegisterStore(db).getPerson(tag!.personId!)!;
    expect(person).toMatchObject({ name: 'Timur Yesimkhanov', role: 'official' });
    expect(person.variants).toContain(unknown!.surface);
  });

  it('a certificate’s validity end becomes its holder’s deadline, on the dashboard before it passes', () => {
    const docId = addDocument('extension', EXTENSION);
    const suggestions = tags.suggest(docId);
    const valid = suggestions.find((s) => s.kind === 'valid-until')!;
    expect(valid.value).toBe('2022-06-03');
    tags.accept(valid.id);
    // On the dashboard at once, unassigned while nobody is tagged (a lapsing certificate is never hidden).
    expect(book.deadlines()).toEqual([expect.objectContaining({ due: '2022-06-03', kind: 'validity', personId: null, docId })]);
    // stored as its kind and the document it came from, with no English sentence for a title
    expect(book.deadlines()[0]!.title).not.toMatch(/valid until/i);
    tags.accept(suggestions.find((s) => s.kind === 'person' && s.value === 'D-P02')!.id);
    const [deadline, ...others] = book.deadlines({ days: 60 });
    expect(others).toEqual([]); // the unassigned one became the holder's
    expect(deadline).toMatchObject({ due: '2022-06-03', kind: 'validity', personId: 'D-P02', personName: 'Aigerim Dauletkyzy', docId, daysLeft: 33 });
    expect(book.deadlines({ days: 30 })).toEqual([]);
    // Overdue ones come first.
    expect(book.addDeadline({ due: '2022-04-20', title: 'Appeal to the court', personId: 'D-P02' })).toMatchObject({ due: '2022-04-20', kind: 'manual', daysLeft: -11 });
    expect(book.deadlines().map((d) => d.daysLeft)).toEqual([-11, 33]);
    // a deadline centuries away comes back too, though no list of days reaches it
    expect(book.addDeadline({ due: '2999-12-31', title: 'Far away', caseId: undefined })).toMatchObject({ due: '2999-12-31', title: 'Far away', done: false });
    // Untagging the holder leaves the validity end on the dashboard, unassigned again; a validity end
    // set by hand replaces the suggested one and is linked to the document.
    store.removeTag(store.tags(docId).find((tag) => tag.kind === 'person')!.id);
    expect(book.deadlines().filter((d) => d.kind === 'validity')).toEqual([expect.objectContaining({ due: '2022-06-03', personId: null, docId })]);
    store.addTag(docId, 'valid-until', '2022-06-10');
    expect(book.deadlines().filter((d) => d.kind === 'validity')).toEqual([expect.objectContaining({ due: '2022-06-10', personId: null, docId })]);
    store.removeTag(store.tags(docId).find((tag) => tag.kind === 'valid-until')!.id);
    expect(book.deadlines().filter((d) => d.kind === 'validity')).toEqual([]);
  });

  it("counts a deadline's days on the lawyer's calendar: due today in Almaty at 02:30, though UTC still says yesterday", () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Almaty';
    try {
      const night = () => new Date('2022-06-02T21:30:00Z');
      const nightBook = new DeadlineBook(db, night);
      const docId = addDocument('extension', EXTENSION);
      new TagStore(db, night).addTag(docId, 'valid-until', '2022-06-03');
      expect(nightBook.deadlines({ days: 0 }).map((d) => [d.due, d.daysLeft])).toEqual([['2022-06-03', 0]]);
      // control: in UTC the same moment is the day before
      process.env.TZ = 'UTC';
      expect(nightBook.deadlines({ days: 1 }).map((d) => [d.due, d.daysLeft])).toEqual([['2022-06-03', 1]]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('"Accept all" leaves a date read with little confidence for the lawyer to look at', () => {
    // the only date is in the body (when she settled), not a letterhead's date: a guess, never accepted in bulk
    const docId = addDocument('letter', 'Гражданке КНР Даулеткызы Айгерим, проживающей в г. Алматы с 14.09.2017, сообщаем, что заявление рассмотрено.');
    const date = tags.suggest(docId).find((s) => s.kind === 'document-date')!;
    expect(date).toMatchObject({ value: '2017-09-14', sure: false });
    expect(date.confidence).toBeLessThan(0.5);
    const accepted = tags.acceptAll(docId);
    expect(accepted.some((tag) => tag.kind === 'document-date')).toBe(false);
    expect(accepted.some((tag) => tag.kind === 'person' && tag.personId === 'D-P02')).toBe(true);
    expect(tags.suggestions(docId).find((s) => s.id === date.id)).toMatchObject({ status: 'open' });
  });

  it('the person page shows the documents on a timeline by their dates, and the deadlines', () => {
    const refusal = addDocument('refusal', REFUSAL);
    const extension = addDocument('extension', EXTENSION);
    // "Accept all" takes the sure readings; a document's type is accepted by a look (too few measured to be sure)
    for (const docId of [refusal, extension]) {
      tags.suggest(docId);
      tags.acceptAll(docId);
      expect(tags.suggestions(docId).filter((s) => s.kind === 'type').map((s) => [s.sure, s.status])).toEqual([[false, 'open']]);
      tags.accept(tags.suggestions(docId).find((s) => s.kind === 'type')!.id);
    }
    store.addTag(extension, 'document-date', '2021-05-31');
    const page = personPage(db, 'D-P02', new SearchService(db, testIndex(db)));
    expect(page.timeline.map((entry) => [entry.title, entry.date, entry.type])).toEqual([
      ['refusal', '2021-04-02', 'refusal'],
      ['extension', '2021-05-31', 'extension'],
    ]);
    expect(page.timeline[1]!.validUntil).toBe('2022-06-03');
    expect(page.deadlines.map((d) => d.due)).toEqual(['2022-06-03']);
  });

  it('a person added with the spelling a letter uses is suggested there at once, without "Read again"', () => {
    let now = TODAY;
    const clock = () => now;
    const service = new TagService(db, clock);
    const docId = addDocument('refusal', REFUSAL);
    const unknown = service.suggest(docId).find((s) => s.kind === 'person' && s.value === null && /Есимханов/.test(s.surface))!;
    expect(unknown).toBeDefined();
    const law = service.suggestions(docId).find((s) => s.kind === 'law')!;
    service.reject(law.id);
    // Nothing changed in the register: the suggestions are the same rows.
    now = new Date(TODAY.getTime() + 60_000);
    expect(service.currentSuggestions(docId).map((s) => s.id)).toEqual(service.suggestions(docId).map((s) => s.id));

    now = new Date(TODAY.getTime() + 120_000);
    RegisterStore.open(db, clock).createPerson({ id: 'T-ES', name: 'Timur Yesimkhanov', variants: ['Т. Есимханов'], role: 'official' });
    now = new Date(TODAY.getTime() + 180_000);
    const current = service.currentSuggestions(docId);
    expect(current.find((s) => s.kind === 'person' && s.value === 'T-ES')).toMatchObject({ status: 'open' });
    expect(current.some((s) => s.kind === 'person' && s.value === null && /Есимханов/.test(s.surface))).toBe(false);
    // A decision taken before stays taken.
    expect(current.find((s) => s.id === law.id)).toMatchObject({ status: 'rejected' });

    // Merged into another person: the letter now suggests the one kept.
    now = new Date(TODAY.getTime() + 240_000);
    RegisterStore.open(db, clock).mergePersons('D-P02', 'T-ES');
    now = new Date(TODAY.getTime() + 300_000);
    const merged = service.currentSuggestions(docId).filter((s) => s.kind === 'person').map((s) => s.value);
    expect(merged).toContain('D-P02');
    expect(merged).not.toContain('T-ES');
  });

  it('one unknown person written in several scripts and cases is one suggestion, proposed in the base form, and every spelling becomes theirs', () => {
    const letter = [
      'Министерство внутренних дел Республики Казахстан',
      '',
      'Гражданину КНР Бекенулы Ерлану',
      '',
      'Сообщаем, что заявление Бекенулы Ерлана рассмотрено.',
      'Бекенұлы Ерланға хабарлаймыз. (Yerlan Bekenuly)',
    ].join('\n');
    const docId = addDocument('letter', letter);
    const unknown = tags.suggest(docId).filter((s) => s.kind === 'person' && s.value === null);
    expect(unknown, JSON.stringify(unknown.map((s) => s.surface))).toHaveLength(1);
    const spellings = JSON.parse(unknown[0]!.detail.spellings!) as string[];
    expect(spellings.length).toBeGreaterThanOrEqual(2);
    expect(spellings.some((spelling) => /Yerlan/.test(spelling))).toBe(true);
    const tag = tags.accept(unknown[0]!.id, { newPerson: { name: unknown[0]!.detail.baseName!, role: 'client' } });
    const person = new RegisterStore(db).getPerson(tag!.personId!)!;
    expect([person.name, ...person.variants]).toEqual(expect.arrayContaining(spellings));
    // Read again, the letter has no unknown name left: every spelling is now the person's.
    expect(tags.suggest(docId).filter((s) => s.kind === 'person' && s.value === null)).toEqual([]);
  });

  it('a summons’ hearing and a refusal’s appeal window are offered as deadlines; accepted, they are on the dashboard with the document', () => {
    const letter = [
      'Министерство внутренних дел Республики Казахстан',
      '',
      '02.04.2022 № 3-1-17/А-2004',
      '',
      'Гражданке КНР Даулеткызы Айгерим',
      '',
      'Вам необходимо явиться 12.05.2022 в 10:30 в Департамент миграционной службы для собеседования.',
      'Настоящее решение может быть обжаловано в течение одного месяца в вышестоящий орган или в суд.',
    ].join('\n');
    const docId = addDocument('summons', letter);
    const offered = tags.suggest(docId).filter((s) => s.kind === 'deadline');
    expect(offered.map((s) => [s.detail.event, s.detail.due, s.detail.time])).toEqual(
      expect.arrayContaining([
        ['hearing', '2022-05-12', '10:30'],
        ['appeal', '2022-05-02', null],
      ]),
    );
    // a deadline read from the text is never accepted in bulk: each is looked at
    tags.acceptAll(docId);
    const open = tags.suggestions(docId).filter((s) => s.kind === 'deadline');
    expect(open.map((s) => [s.status, s.sure])).toEqual([
      ['open', false],
      ['open', false],
    ]);
    for (const s of open) expect(tags.accept(s.id)).toBeNull();
    const due = book.deadlines({ days: 60 }).filter((d) => d.docId === docId);
    expect(due.map((d) => [d.kind, d.due, d.time])).toEqual([
      ['appeal', '2022-05-02', null],
      ['hearing', '2022-05-12', '10:30'],
    ]);
    // Accepted once: reading the letter again offers them no more.
    expect(tags.suggest(docId).filter((s) => s.kind === 'deadline' && s.status === 'open')).toEqual([]);
    expect(verifyAudit(db).ok).toBe(true);
  });
});
