import type Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/auditLog';
import { DalelFailure } from '../errors';
import { RegisterStore } from './registerStore';
import { testIndex } from '../testing/testIndex';
import { testDatabase } from '../testing/testDatabase';

let db: Database.Database;
let register: RegisterStore;

beforeEach(() => {
  db = testDatabase();
  register = RegisterStore.open(db, () => new Date('2026-11-28T10:00:00Z'));
});

const actions = () => db.prepare('SELECT action, subject, details FROM audit_log ORDER BY seq').all() as Array<{ action: string; subject: string; details: string }>;

describe('persons', () => {
  it('keeps a person with every spelling, role, birth date and protected flag', () => {
    const id = register.createPerson({
      name: 'Kulash Mukhametkyzy',
      variants: ['Күләш Мұхаметқызы', 'Куляш Мухаметкызы', '库拉西·木哈买提', 'Kulash Mukhametkyzy', '  Күләш   Мұхаметқызы '],
      role: 'relative',
      dateOfBirth: '1952-06-08',
      protected: true,
    });
    expect(register.getPerson(id)).toEqual({
      id,
      name: 'Kulash Mukhametkyzy',
      variants: ['Күләш Мұхаметқызы', 'Куляш Мухаметкызы', '库拉西·木哈买提'],
      role: 'relative',
      dateOfBirth: '1952-06-08',
      notes: '',
      protected: true,
    });
    expect(actions().at(-1)).toMatchObject({ action: 'person.created', subject: id });
    // The audit log names ids, never a name.
    expect(JSON.stringify(actions())).not.toMatch(/Kulash|Күләш/);
  });

  it('saves the person form: a new person, or an edit of one that keeps its spellings and adds the new ones', () => {
    const created = register.savePerson({ id: 'P-NEW', name: 'Nurlan Askaruly', variants: ['Нұрлан Асқарұлы'], role: 'client' });
    expect(created).toMatchObject({ id: 'P-NEW', name: 'Nurlan Askaruly', variants: ['Нұрлан Асқарұлы'], role: 'client' });
    const edited = register.savePerson({ id: 'P-NEW', name: 'Nurlan Askaruly', variants: ['Нурлан Аскарулы'], protected: true });
    expect(edited).toMatchObject({ id: 'P-NEW', variants: ['Нұрлан Асқарұлы', 'Нурлан Аскарулы'], protected: true });
    expect(register.listPersons().filter((person) => person.id === 'P-NEW')).toHaveLength(1);
    // an edit the register refuses changes nothing
    expect(() => register.savePerson({ id: 'P-NEW', name: '  ', variants: ['Nurlan A.'] })).toThrow(DalelFailure);
    expect(register.getPerson('P-NEW')).toEqual(edited);
  });

  it('refuses a nameless person, a bad id and a duplicate id in plain words', () => {
    expect(() => register.createPerson({ name: '   ' })).toThrow(/needs a name/);
    expect(() => register.createPerson({ id: 'a b', name: 'X' })).toThrow(DalelFailure);
    register.createPerson({ id: 'D-P01', name: 'Nurlan Askaruly' });
    expect(() => register.createPerson({ id: 'D-P01', name: 'Other' })).toThrow(/already a person/);
    expect(() => register.createPerson({ id: 'D-P01', name: 'Other' })).toThrow(expect.objectContaining({ code: 'conflict', reason: 'person-id-taken' }));
  });

  it('renaming keeps the former name as a variant; adding a variant twice adds it once', () => {
    const id = register.createPerson({ name: 'Нурлан Аскарулы' });
    register.updatePerson(id, { name: 'Nurlan Askaruly' });
    register.addVariant(id, 'Нұрлан Асқарұлы');
    register.addVariant(id, 'Нұрлан Асқарұлы');
    expect(register.getPerson(id)!.variants).toEqual(['Нурлан Аскарулы', 'Нұрлан Асқарұлы']);
  });

  it('takes a spelling off again, audited without the spelling itself', () => {
    const id = register.createPerson({ name: 'Aigerim Dauletkyzy', variants: ['Айгерим Даулеткызы', 'Aigerim Dauletkizi'] });
    expect(register.removeVariant(id, ' Aigerim  Dauletkizi ').variants).toEqual(['Айгерим Даулеткызы']);
    expect(actions().at(-1)).toMatchObject({ action: 'person.variant-removed', subject: id });
    // A spelling the person does not have changes nothing and writes nothing.
    const entries = actions().length;
    expect(register.removeVariant(id, 'Nobody').variants).toEqual(['Айгерим Даулеткызы']);
    expect(actions()).toHaveLength(entries);
    expect(JSON.stringify(actions())).not.toMatch(/Dauletki|Айгерим/);
    expect(() => register.removeVariant('per_gone', 'X')).toThrow(/no longer in the register/);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('imports the persons file with relations in either order, and updates on a second import', () => {
    const file = [
      { id: 'D-P01', name: 'Nurlan Askaruly', variants: ['Нұрлан Асқарұлы'], role: 'client' as const, protected: false, relations: [] },
      { id: 'D-P08', name: 'Kulash Mukhametkyzy', variants: [], role: 'relative' as const, protected: true, relations: [{ type: 'mother-of' as const, to: 'D-P01' }] },
      { id: 'D-P09', name: 'Aruzhan Nurlan', role: 'relative' as const, relations: [{ type: 'daughter-of' as const, to: 'D-P01' }] },
    ];
    expect(register.importPersons(file)).toEqual({ created: 3, updated: 0, relations: 2 });
    expect(register.relations('D-P01')).toEqual([
      { subject: 'D-P09', type: 'daughter-of', object: 'D-P01' },
      { subject: 'D-P08', type: 'mother-of', object: 'D-P01' },
    ]);
    expect(register.importPersons([{ ...file[0]!, variants: ['Аскарулы Н.'] }])).toEqual({ created: 0, updated: 1, relations: 0 });
    expect(register.getPerson('D-P01')!.variants).toEqual(['Нұрлан Асқарұлы', 'Аскарулы Н.']);
    expect(() => register.importPersons([{ id: 'D-X', name: 'X', relations: [{ type: 'brother-of', to: 'nobody' }] }])).toThrow(/nobody/);
    expect(register.getPerson('D-X')).toBeNull(); // the failed import left nothing behind
  });

  it('merges two records of one person: spellings, relations, tags and cases move, protection is kept', () => {
    const keep = register.createPerson({ name: 'Aigerim Dauletkyzy', role: 'client' });
    const gone = register.createPerson({ name: 'Айгерим Даулеткызы', variants: ['Әйгерім Дәулетқызы'], protected: true, dateOfBirth: '1986-11-02' });
    const father = register.createPerson({ name: 'Daulet' });
    register.addRelation(father, 'father-of', gone);
    db.prepare("INSERT INTO cases (id, title, notes, created_at) VALUES ('case_appeal', 'Appeal', '', 'now')").run();
    db.prepare("INSERT INTO case_persons (case_id, person_id) VALUES ('case_appeal', ?)").run(gone);
    const merged = register.mergePersons(keep, gone);
    expect(merged).toMatchObject({ name: 'Aigerim Dauletkyzy', variants: ['Айгерим Даулеткызы', 'Әйгерім Дәулетқызы'], protected: true, dateOfBirth: '1986-11-02' });
    expect(register.getPerson(gone)).toBeNull();
    expect(register.relations(keep)).toEqual([{ subject: father, type: 'father-of', object: keep }]);
    // Her case membership moved with her.
    expect(db.prepare('SELECT case_id, person_id FROM case_persons').all()).toEqual([{ case_id: 'case_appeal', person_id: keep }]);
    expect(verifyAudit(db).ok).toBe(true);
  });
});

describe('laws', () => {
  it('is seeded with the laws of this casework, in English, Russian and Kazakh', () => {
    const laws = register.listLaws();
    const migration = laws.find((law) => law.id === 'KZ-477-IV')!;
    expect(migration).toMatchObject({ number: '477-IV', kind: 'law' });
    expect(migration.title.ru).toMatch(/миграции населения/);
    expect(migration.title.kk).toMatch(/көші-қоны/);
    expect(migration.title.en).toMatch(/Migration/);
    for (const id of ['KZ-216-IV', 'KZ-73-V', 'KZ-223-III', 'KZ-226-V']) expect(laws.map((law) => law.id)).toContain(id);
    // A law the lawyer removed is not put back.
    db.prepare("DELETE FROM laws WHERE id = 'KZ-370-II'").run();
    RegisterStore.open(db);
    expect(register.getLaw('KZ-370-II')).toBeNull();
  });

  it('takes a law the lawyer adds or edits', () => {
    register.saveLaw({
      id: 'KZ-94-V',
      number: '94-V',
      kind: 'law',
      date: '2015-05-29',
      title: { en: 'On Public Service', ru: 'О государственной службе', kk: 'Мемлекеттік қызмет туралы' },
      aliases: [],
    }, testIndex(db));
    expect(register.getLaw('KZ-94-V')!.title.kk).toBe('Мемлекеттік қызмет туралы');
    expect(actions().at(-1)).toMatchObject({ action: 'law.added', subject: 'KZ-94-V' });
  });
});
