/**
 * Editing and deleting documents on a real schema, with documents saved as an import saves them: what
 * the lawyer changes shows everywhere, and a deleted document leaves nothing behind — not in search,
 * not in a bundle, not in the audit log but its hash.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/auditLog';
import { BundleStore } from '../bundle/bundleStore';
import { SearchService } from '../search/searchService';
import { RegisterStore } from '../tagging/registerStore';
import { TagService } from '../tagging/tagService';
import { DalelFailure } from '../errors';
import { addTextDocument } from '../testing/textDocuments';
import { DocumentEditing } from './documentEditing';
import { DocumentStore } from './documentStore';
import { testIndex } from '../testing/testIndex';
import { testDatabase } from '../testing/testDatabase';
import { DeadlineBook } from '../tagging/deadlineBook';
import { personPage } from '../tagging/personPage';
import { TagStore } from '../tagging/tagStore';

const TODAY = new Date('2022-05-01T09:00:00Z');
const CERTIFICATE = 'Удостоверение беженца № 000418 выдано Даулеткызы Айгерим. Действительно до 03.06.2022. Кульшат Мукаметкызы — мать.';
const LETTER = 'Ответ на обращение гражданки Даулеткызы Айгерим по вопросу постоянного проживания, зарегистрированное 12.03.2021.';

let db: Database.Database;
let editing: DocumentEditing;
let tags: TagService;
let store: TagStore;

const add = (title: string, text: string) => addTextDocument(db, { title, pages: [text, `${text} (страница 2)`], languages: ['rus'], now: TODAY });
const blobCount = () => (db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n;
const found = (query: string) => {
  testIndex(db).indexPending(1000);
  return [...new Set(new SearchService(db, testIndex(db)).search({ query }).hits.map((hit) => hit.docId))];
};
const vocabulary = () => new Set((db.prepare('SELECT term FROM search_vocab').pluck().all() as string[]));
/** The failure a call throws (and that it throws one). */
function thrown(call: () => unknown): DalelFailure {
  try {
    call();
  } catch (error) {
    if (error instanceof DalelFailure) return error;
    throw error;
  }
  throw new Error('expected a failure, the call succeeded');
}
const auditText = () => JSON.stringify(db.prepare('SELECT * FROM audit_log').all());

beforeEach(() => {
  db = testDatabase();
  RegisterStore.open(db, () => TODAY).createPerson({ id: 'D-P02', name: 'Aigerim Dauletkyzy', variants: ['Даулеткызы Айгерим'], role: 'client' });
  editing = new DocumentEditing(db, () => TODAY);
  tags = new TagService(db, () => TODAY);
  store = new TagStore(db, () => TODAY);
});

describe('editing a document', () => {
  it('lists the persons a document is tagged with, by name, protected ones marked, and no one else', () => {
    const register = RegisterStore.open(db, () => TODAY);
    register.createPerson({ id: 'D-P03', name: 'Кульшат Мукаметкызы', variants: [], role: 'relative', protected: true });
    register.createPerson({ id: 'D-P04', name: 'Berik Omarov', variants: [], role: 'other' });
    const certificate = add('scan 00052', CERTIFICATE);
    const letter = add('scan 00053', LETTER);
    store.addTag(certificate, 'person', 'D-P03');
    const client = store.addTag(certificate, 'person', 'D-P02');
    const listed = new Map(new DocumentStore(db).list().map((doc) => [doc.id, doc.persons]));
    expect(listed.get(certificate)).toEqual([
      { id: 'D-P02', name: 'Aigerim Dauletkyzy', protected: false },
      { id: 'D-P03', name: 'Кульшат Мукаметкызы', protected: true },
    ]);
    expect(listed.get(letter)).toEqual([]);
    store.removeTag(client.id);
    expect(new DocumentStore(db).get(certificate)!.persons.map((person) => person.id)).toEqual(['D-P03']);
  });

  it('changes its title, notes, date and type; the timeline, the deadlines and the bundle proposal show them', () => {
    const docId = add('scan 00052', CERTIFICATE);
    store.addTag(docId, 'person', 'D-P02');
    store.addTag(docId, 'valid-until', '2022-06-03');
    const edited = editing.edit(docId, { title: 'Удостоверение беженца Даулеткызы', notes: 'оригинал у клиента', documentDate: '2021-06-03', type: 'certificate' });
    expect(edited).toMatchObject({ title: 'Удостоверение беженца Даулеткызы', notes: 'оригинал у клиента', documentDate: '2021-06-03', type: 'certificate' });
    expect(new DocumentStore(db).list()[0]).toMatchObject({ title: 'Удостоверение беженца Даулеткызы', documentDate: '2021-06-03' });
    expect(personPage(db, 'D-P02', new SearchService(db, testIndex(db))).timeline).toEqual([expect.objectContaining({ title: 'Удостоверение беженца Даулеткызы', date: '2021-06-03', type: 'certificate' })]);
    expect(new DeadlineBook(db, () => TODAY).deadlines({ days: 60 }).map((d) => [d.documentTitle, d.kind, d.due])).toEqual([['Удостоверение беженца Даулеткызы', 'validity', '2022-06-03']]);
  });

  it('clears the date and type with null, leaves out what is not given, and audits the fields without the title or notes', () => {
    const docId = add('scan 00041', LETTER);
    editing.edit(docId, { documentDate: '2021-03-12', type: 'refusal' });
    const cleared = editing.edit(docId, { documentDate: null, notes: 'Кульшат Мукаметкызы звонила' });
    expect(cleared).toMatchObject({ title: 'scan 00041', documentDate: null, type: 'refusal', notes: 'Кульшат Мукаметкызы звонила' });
    editing.edit(docId, { title: 'Письмо о матери, Кульшат Мукаметкызы' });
    const edits = db.prepare("SELECT details FROM audit_log WHERE action = 'document.edited' ORDER BY seq").pluck().all() as string[];
    expect(edits.map((d) => (JSON.parse(d) as { fields: string[] }).fields)).toEqual([['documentDate', 'type'], ['notes', 'documentDate'], ['title']]);
    // the relative's name went into the title and the notes, never into the log
    expect(auditText()).not.toMatch(/Кульшат|Мукаметкызы/);
    // control: the name is in the vault, where the test above would have found it in the log
    expect(JSON.stringify(db.prepare('SELECT title, notes FROM documents WHERE id = ?').get(docId))).toMatch(/Мукаметкызы/);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('refuses an empty title, a day that does not exist and an unknown type, changing nothing', () => {
    const docId = add('scan 00041', LETTER);
    for (const bad of [{ title: '   ' }, { title: 'x'.repeat(301) }, { documentDate: '2021-02-30' }, { type: 'memo' as never }, { notes: 'x'.repeat(10_001) }]) {
      expect(thrown(() => editing.edit(docId, { ...bad, documentDate: bad.documentDate ?? '2021-01-01' })).code).toBe('validation');
    }
    expect(new DocumentStore(db).get(docId)).toMatchObject({ title: 'scan 00041', documentDate: null, type: null, notes: '' });
    expect(thrown(() => editing.edit('doc_nope', { title: 'x' })).code).toBe('document-not-found');
  });
});

describe('deleting documents', () => {
  it('removes the document and everything that hangs on it; the other document is untouched', () => {
    const gone = add('wrong client', CERTIFICATE);
    const kept = add('our client', LETTER);
    tags.suggest(gone);
    store.addTag(gone, 'person', 'D-P02');
    store.addTag(gone, 'valid-until', '2022-06-03');
    const bundles = new BundleStore(db, () => TODAY);
    const bundle = bundles.save({
      title: 'Appeal',
      caseId: null,
      personId: null,
      preparedBy: '',
      stampPrefix: '',
      sections: [{ title: 'Evidence', entries: [gone, kept].map((docId) => ({ docId, title: docId, date: null, description: '', translationDocIds: [] })) }],
      redaction: { protectedPersons: true, terms: [], boxes: [{ docId: gone, page: 1, box: [1, 2, 3, 4], reason: 'адрес' }], waived: [] },
    });
    expect(found('000418')).toEqual([gone]);
    expect(vocabulary().has('000418')).toBe(true);
    const blobsBefore = blobCount();

    expect(editing.delete([gone])).toEqual({ deleted: 1 });

    expect(new DocumentStore(db).get(gone)).toBeNull();
    expect(found('000418')).toEqual([]);
    // the search index's words of the deleted pages are gone, not only its rows
    expect(vocabulary().has('000418')).toBe(false);
    expect(blobCount()).toBe(blobsBefore - 5); // the original and two pages' image and thumbnail
    for (const table of ['pages', 'tags', 'suggestions', 'deadlines', 'search_pages']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table} WHERE document_id = ?`).get(gone), table).toEqual({ n: 0 });
    }
    const definition = bundles.get(bundle.id)!;
    expect(definition.sections[0]!.entries.map((e) => e.docId)).toEqual([kept]);
    expect(definition.redaction.boxes).toEqual([]);
    // the record keeps which file left, not its title
    const entry = db.prepare("SELECT details FROM audit_log WHERE action = 'document.deleted'").pluck().get() as string;
    expect(JSON.parse(entry)).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), pages: 2 });
    expect(auditText()).not.toMatch(/wrong client/);
    expect(verifyAudit(db).ok).toBe(true);
    // control: the other document is whole
    expect(found('постоянного проживания')).toEqual([kept]);
    expect(new DocumentStore(db).pages(kept)).toHaveLength(2);
  });

  it('deletes several at once, or none when one of them is unknown or still being read', () => {
    const a = add('a', LETTER);
    const b = add('b', CERTIFICATE);
    expect(thrown(() => editing.delete([a, 'doc_nope'])).code).toBe('document-not-found');
    db.prepare("UPDATE documents SET status = 'processing' WHERE id = ?").run(b);
    expect(thrown(() => editing.delete([a, b])).code).toBe('document-busy');
    expect(new DocumentStore(db).list()).toHaveLength(2);
    db.prepare("UPDATE documents SET status = 'ready' WHERE id = ?").run(b);
    expect(editing.delete([a, b, a])).toEqual({ deleted: 2 });
    expect(new DocumentStore(db).list()).toEqual([]);
  });
});
