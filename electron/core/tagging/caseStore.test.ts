import type Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/auditLog';
import { CaseStore } from './caseStore';
import { RegisterStore } from './registerStore';
import { testDatabase } from '../testing/testDatabase';

let db: Database.Database;
let cases: CaseStore;

beforeEach(() => {
  db = testDatabase();
  cases = new CaseStore(db);
  const blob = db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES ('ab', 'image/jpeg', 1, x'ff')").run();
  db.prepare(
    `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
     VALUES ('doc_refusal1', 'refusal', 'r.jpg', 'ab', 1, 'jpeg', 'image/jpeg', ?, 'rus', 'ready', 1, 'now', 'now')`,
  ).run(blob.lastInsertRowid);
  new RegisterStore(db).createPerson({ id: 'D-P01', name: 'Nurlan Askaruly', role: 'client' });
});

describe('cases', () => {
  it('group persons and documents; members come and go; every change is audited', () => {
    const opened = cases.save({ title: '  Askaruly — residence permit appeal ' });
    expect(opened).toMatchObject({ title: 'Askaruly — residence permit appeal', personIds: [], docIds: [] });
    cases.setMember(opened.id, { personId: 'D-P01' }, true);
    cases.setMember(opened.id, { docId: 'doc_refusal1' }, true);
    cases.setMember(opened.id, { docId: 'doc_refusal1' }, true); // twice is once
    expect(cases.get(opened.id)).toMatchObject({ personIds: ['D-P01'], docIds: ['doc_refusal1'] });
    expect(cases.list()).toEqual([{ id: opened.id, title: 'Askaruly — residence permit appeal', notes: '', persons: 1, documents: 1 }]);
    cases.setMember(opened.id, { docId: 'doc_refusal1' }, false);
    expect(cases.get(opened.id).docIds).toEqual([]);
    cases.save({ id: opened.id, title: 'Askaruly appeal', notes: 'hearing in May' });
    expect(cases.get(opened.id)).toMatchObject({ title: 'Askaruly appeal', notes: 'hearing in May' });
    const actions = db.prepare("SELECT action FROM audit_log WHERE action LIKE 'case.%' ORDER BY seq").pluck().all();
    expect(actions).toEqual(['case.opened', 'case.member-added', 'case.member-added', 'case.member-removed', 'case.updated']);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('says which cases a person or a document is in', () => {
    const appeal = cases.save({ title: 'Appeal' });
    const family = cases.save({ title: 'Family reunification' });
    cases.save({ title: 'Other matter' });
    cases.setMember(appeal.id, { personId: 'D-P01' }, true);
    cases.setMember(family.id, { personId: 'D-P01' }, true);
    cases.setMember(family.id, { docId: 'doc_refusal1' }, true);
    expect(cases.casesOf({ personId: 'D-P01' }).map((item) => item.title)).toEqual(['Appeal', 'Family reunification']);
    expect(cases.casesOf({ docId: 'doc_refusal1' })).toEqual([{ id: family.id, title: 'Family reunification', notes: '', persons: 1, documents: 1 }]);
    cases.setMember(family.id, { docId: 'doc_refusal1' }, false);
    expect(cases.casesOf({ docId: 'doc_refusal1' })).toEqual([]);
  });

  it('refuses in plain words: no title, an unknown case, person or document', () => {
    expect(() => cases.save({ title: ' ' })).toThrow(/needs a title/);
    expect(() => cases.get('case_nope')).toThrow(/no longer in the vault/);
    expect(() => cases.get('case_nope')).toThrow(expect.objectContaining({ code: 'not-found', reason: 'case-gone' }));
    const opened = cases.save({ title: 'A' });
    expect(() => cases.setMember(opened.id, { personId: 'nobody' }, true)).toThrow(/no longer in the register/);
    expect(() => cases.setMember(opened.id, { docId: 'doc_missing1' }, true)).toThrow(/no longer in the vault/);
  });
});
