/**
 * Bundle definitions, translations and first arrangements on a real schema, with documents saved the
 * way an import saves them and tagged the way the lawyer accepts tags.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { addTextDocument } from '../testing/textDocuments';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BundleDefinitionInput } from '../../../shared/domain/bundle';
import type { Word } from '../../../shared/domain/document';
import { readAudit, verifyAudit } from '../audit/auditLog';
import { DocumentStore } from '../documents/documentStore';
import { DalelFailure } from '../errors';
import type { ImportService } from '../import/importService';
import { createHandlers, dispatch } from '../ipc/handlers';
import type { VaultSession } from '../session/vaultSession';
import { SearchService } from '../search/searchService';
import { CaseStore } from '../tagging/caseStore';
import { RegisterStore } from '../tagging/registerStore';
import { TagStore } from '../tagging/tagStore';
import { proposeSections } from './bundleProposal';
import { defaultFontsDir } from './bundleHandlers';
import { BundleService } from './bundleService';
import { BundleStore } from './bundleStore';
import { testIndex } from '../testing/testIndex';
import { testDatabase } from '../testing/testDatabase';

const TODAY = new Date('2022-05-01T09:00:00Z');
let db: Database.Database;
let store: BundleStore;
let imported = 0;

function wordsOf(text: string): Word[] {
  return text.split(/\s+/).filter(Boolean).map((word, i) => ({ text: word, bbox: [i * 100, 40, i * 100 + 90, 60] as [number, number, number, number], conf: 90 }));
}

function addDocument(title: string, text: string, tags: { type?: string; date?: string; person?: string } = {}): string {
  const id = addTextDocument(db, {
    title,
    pages: [text],
    words: wordsOf,
    languages: ['rus'],
    now: new Date(TODAY.getTime() + ++imported * 1000),
    page: { width: 1000, height: 1400, dpi: 150 },
  });
  const tagging = new TagStore(db, () => TODAY);
  if (tags.type) tagging.addTag(id, 'type', tags.type);
  if (tags.date) tagging.addTag(id, 'document-date', tags.date);
  if (tags.person) tagging.addTag(id, 'person', tags.person);
  return id;
}

function definition(docIds: string[], extra: Partial<BundleDefinitionInput> = {}): BundleDefinitionInput {
  return {
    title: 'Appeal of Kulash Mukhametkyzy',
    caseId: null,
    personId: null,
    preparedBy: 'M. Seitkaliyeva',
    stampPrefix: '',
    sections: [{ title: 'Decisions', entries: docIds.map((docId) => ({ docId, title: 'Refusal', date: '2021-04-02', description: '', translationDocIds: [] })) }],
    redaction: { protectedPersons: true, terms: ['Aksai-4'], boxes: [], waived: [] },
    ...extra,
  };
}

beforeEach(() => {
  db = testDatabase();
  RegisterStore.open(db, () => TODAY).createPerson({ id: 'D-P01', name: 'Nurlan Askaruly', role: 'client' });
  store = new BundleStore(db, () => TODAY);
});

describe('bundle store', () => {
  it('saves, lists, replaces and deletes definitions, each an audit entry with ids and counts only', () => {
    const doc = addDocument('Refusal 3-1-17', 'Отказ Аскарулы Н.');
    const saved = store.save(definition([doc]));
    expect(saved.id).toMatch(/^bnd_/);
    expect(store.get(saved.id)).toEqual(saved);
    expect(store.list()).toEqual([{ id: saved.id, title: saved.title, documents: 1, updatedAt: saved.updatedAt, lastExport: null }]);

    const renamed = store.save({ ...definition([doc]), id: saved.id, title: 'Appeal bundle' });
    expect(renamed).toMatchObject({ id: saved.id, title: 'Appeal bundle', createdAt: saved.createdAt });
    store.recordExport(saved.id, { at: TODAY.toISOString(), sha256: 'ab'.repeat(32), pages: 7, documents: 1 });
    expect(store.list()[0]!.lastExport).toEqual({ at: TODAY.toISOString(), sha256: 'ab'.repeat(32), pages: 7 });
    expect(store.exportsWithHash('AB'.repeat(32))).toHaveLength(1);

    store.delete(saved.id);
    expect(store.get(saved.id)).toBeNull();
    expect(() => store.delete(saved.id)).toThrow(DalelFailure);

    const audit = readAudit(db).filter((entry) => entry.action.startsWith('bundle.'));
    expect(audit.map((entry) => entry.action)).toEqual(['bundle.created', 'bundle.updated', 'bundle.exported', 'bundle.deleted']);
    const text = JSON.stringify(audit);
    for (const secret of ['Kulash', 'Mukhametkyzy', 'Aksai', 'Appeal', 'Refusal', 'Seitkaliyeva']) expect(text).not.toContain(secret);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('refuses a definition naming a document that is not in the vault, or one twice', () => {
    const doc = addDocument('Refusal', 'text');
    expect(() => store.save(definition(['doc_missing1']))).toThrow(expect.objectContaining({ code: 'document-not-found' }));
    expect(() => store.save(definition([doc, doc]))).toThrow(expect.objectContaining({ code: 'validation' }));
  });

  it('attaches translations to one original each, in order, and detaches them', () => {
    const original = addDocument('Hukou', '户口簿');
    const ru = addDocument('Hukou RU', 'перевод');
    const en = addDocument('Hukou EN', 'translation');
    store.setTranslation(original, ru, true);
    expect(store.setTranslation(original, en, true)).toEqual({ translations: [ru, en], translationOf: null });
    expect(store.translations(ru)).toEqual({ translations: [], translationOf: original });
    expect(() => store.setTranslation(ru, original, true)).toThrow(DalelFailure);
    expect(store.setTranslation(original, ru, false)).toEqual({ translations: [en], translationOf: null });
    db.prepare('DELETE FROM documents WHERE id = ?').run(en);
    expect(store.translations(original).translations).toEqual([]);
  });
});

describe('bundle proposal', () => {
  it('sorts documents into sections by type, oldest first, with translations after their original', () => {
    const certificate = addDocument('Refugee certificate', 'удостоверение', { type: 'certificate', date: '2022-01-20', person: 'D-P01' });
    const refusal2 = addDocument('Second refusal', 'отказ', { type: 'refusal', date: '2021-09-01', person: 'D-P01' });
    const refusal1 = addDocument('First refusal', 'отказ', { type: 'refusal', date: '2021-04-02', person: 'D-P01' });
    const ruling = addDocument('Court ruling', 'решение', { type: 'ruling', date: '2021-06-15', person: 'D-P01' });
    const letter = addDocument('NGO letter', 'письмо', { person: 'D-P01' });
    const translation = addDocument('First refusal EN', 'refusal translation', { person: 'D-P01' });
    store.setTranslation(refusal1, translation, true);
    addDocument('Someone else', 'другое', { type: 'refusal' });

    const sections = proposeSections(db, { personId: 'D-P01' }, () => new SearchService(db, testIndex(db)));
    expect(sections.map((s) => [s.title, s.entries.map((e) => e.docId)])).toEqual([
      ['Decisions', [refusal1, ruling, refusal2]],
      ['Certificates', [certificate]],
      ['Correspondence', [letter]],
    ]);
    expect(sections[0]!.entries[0]).toEqual({ docId: refusal1, title: 'First refusal', date: '2021-04-02', description: '', translationDocIds: [translation] });
    expect(sections[2]!.entries[0]!.date).toBeNull();

    // The same documents by hand, from a case, and from a search
    expect(proposeSections(db, { docIds: [letter, refusal1] }, () => new SearchService(db, testIndex(db))).map((s) => s.title)).toEqual(['Decisions', 'Correspondence']);
    // Section names print in the index: they are proposed in the bundle's language.
    expect(proposeSections(db, { docIds: [letter, refusal1] }, () => new SearchService(db, testIndex(db)), 'ru').map((s) => s.title)).toEqual(['Решения', 'Переписка']);
    expect(proposeSections(db, { docIds: [letter, refusal1] }, () => new SearchService(db, testIndex(db)), 'kk').map((s) => s.title)).toEqual(['Шешімдер', 'Хат алмасу']);
    const cases = new CaseStore(db, () => TODAY);
    const opened = cases.save({ title: 'Askaruly appeal' });
    cases.setMember(opened.id, { docId: certificate }, true);
    expect(proposeSections(db, { caseId: opened.id }, () => new SearchService(db, testIndex(db))).flatMap((s) => s.entries.map((e) => e.docId))).toEqual([certificate]);
    expect(proposeSections(db, { query: 'удостоверение' }, () => new SearchService(db, testIndex(db))).flatMap((s) => s.entries.map((e) => e.docId))).toEqual([certificate]);
    expect(() => proposeSections(db, { personId: 'nobody' }, () => new SearchService(db, testIndex(db)))).toThrow(expect.objectContaining({ code: 'person-not-found' }));
  });
});

describe('bundle channels', () => {
  it('answer the contract through dispatch: propose → save → list → get → delete, translations, save path', async () => {
    const refusal = addDocument('Refusal', 'отказ', { type: 'refusal', date: '2021-04-02' });
    const translation = addDocument('Refusal EN', 'refusal');
    const session = { vault: () => ({ db }) } as unknown as VaultSession;
    const handlers = createHandlers(
      { session, imports: {} as ImportService },
      { pickFolder: async () => null, pickFiles: async () => [], pickSavePath: async (purpose, name) => `/tmp/${purpose}/${name}`, openPath: async () => {}, showInFolder: () => {} },
    );
    const ok = async (channel: Parameters<typeof dispatch>[1], input: unknown) => {
      const result = await dispatch(handlers, channel, input, { logError: (_c, error) => console.error(error) });
      expect(result, channel).toMatchObject({ ok: true });
      return (result as { value: unknown }).value;
    };
    expect(await ok('documents:attachTranslation', { docId: refusal, translationDocId: translation, attached: true })).toEqual({ translations: [translation], translationOf: null });
    expect(await ok('documents:translations', { docId: translation })).toEqual({ translations: [], translationOf: refusal });
    const sections = (await ok('bundles:propose', { docIds: [refusal] })) as BundleDefinitionInput['sections'];
    expect(sections[0]!.entries[0]!.translationDocIds).toEqual([translation]);
    const saved = (await ok('bundles:save', { ...definition([]), sections })) as { id: string };
    expect(await ok('bundles:list', {})).toMatchObject([{ id: saved.id, documents: 2, lastExport: null }]);
    expect(await ok('bundles:get', { bundleId: saved.id })).toMatchObject({ id: saved.id, sections });
    expect(await ok('bundles:delete', { bundleId: saved.id })).toBeNull();
    // A bundle that is gone is not found (not a refused request), with the reason the interface words.
    expect(await dispatch(handlers, 'bundles:get', { bundleId: saved.id })).toMatchObject({ ok: false, error: { code: 'not-found', reason: 'bundle-gone' } });
    expect(await dispatch(handlers, 'bundles:propose', { personId: 'D-P01', query: 'x' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await ok('dialog:pickSavePath', { purpose: 'bundle-zip', suggestedName: 'Appeal.zip' })).toEqual({ path: '/tmp/bundle-zip/Appeal.zip' });
  });
});

describe('bundle plan', () => {
  it('places documents after the front matter and warns, as a code with the page and title, about a page that could not be read', async () => {
    const refusal = addDocument('Refusal to Kulash Mukhametkyzy', 'Отказ Мухаметкызы Куляш');
    const documents = new DocumentStore(db);
    const scan = db.transaction(() => {
      const { id } = documents.insert({ fileName: 'fax.png', title: 'Fax', kind: 'png', mime: 'image/png', pageCount: 2, warnings: [], languages: ['rus'], original: Buffer.from('fax'), now: TODAY });
      documents.failPage(id, 1, 'ocr-failed', 'OCR failed');
      documents.failPage(id, 2, 'ocr-failed', 'OCR failed');
      documents.settle(id, TODAY);
      return id;
    })();
    RegisterStore.open(db, () => TODAY).createPerson({ id: 'D-P08', name: 'Kulash Mukhametkyzy', role: 'relative', protected: true });
    const input = definition([refusal, scan]);
    input.sections[0]!.entries[0]!.title = 'Refusal to Kulash Mukhametkyzy';
    const saved = store.save(input);
    const plan = await new BundleService(db, { fontsDir: defaultFontsDir(), vaultDir: '/nonexistent-vault', clock: () => TODAY }).plan(saved.id);
    expect(plan.documents.map((doc) => [doc.firstPage, doc.lastPage])).toEqual([
      [plan.frontMatterPages + 1, plan.frontMatterPages + 1],
      [plan.frontMatterPages + 2, plan.frontMatterPages + 3],
    ]);
    expect(plan.pages).toBeGreaterThan(plan.frontMatterPages + 3);
    // The index prints the title without the protected name.
    expect(plan.documents[0]!.title).toBe('Refusal to [redacted]');
    expect(plan.redactions.map((r) => [r.label, r.subject])).toEqual([['Protected person 1', 'Kulash Mukhametkyzy']]);
    // Pages that could not be read stop an export with redaction until the lawyer decides.
    expect(plan.unchecked).toEqual([
      { docId: scan, page: 1, reason: 'not-read', confidence: null },
      { docId: scan, page: 2, reason: 'not-read', confidence: null },
    ]);
    // Warned as codes with the page and title; the interface words them in the lawyer's language.
    expect(plan.warnings).toEqual([
      { code: 'page-unread', docId: scan, title: 'Refusal', page: 1, state: 'failed', outcome: 'blank-unchecked' },
      { code: 'page-unread', docId: scan, title: 'Refusal', page: 2, state: 'failed', outcome: 'blank-unchecked' },
    ]);
  });
});
