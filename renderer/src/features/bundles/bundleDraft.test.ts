import { describe, expect, it } from 'vitest';
import { isChanged, newDraft, proposeInput, saveInput, suggestedFileName, withLanguage } from './bundleDraft';

describe('the draft', () => {
  it('is saved trimmed, with a blank date as no date', () => {
    const draft = newDraft({ title: ' Appeal ', sections: [{ title: ' Decisions ', entries: [{ docId: 'doc_a', title: ' Refusal ', date: ' ', description: '', translationDocIds: [] }] }], language: 'en' });
    const saved = saveInput(draft);
    expect(saved.title).toBe('Appeal');
    expect(saved.sections[0]).toEqual({ title: 'Decisions', entries: [{ docId: 'doc_a', title: 'Refusal', date: null, description: '', translationDocIds: [] }] });
    expect(saved.redaction.protectedPersons).toBe(true);
  });

  it('counts a trailing space as no change', () => {
    const draft = newDraft({ title: 'Appeal', sections: [], language: 'en' });
    expect(isChanged({ ...draft, title: 'Appeal ' }, draft)).toBe(false);
    expect(isChanged({ ...draft, title: 'Appeal 2' }, draft)).toBe(true);
  });

  it('leaves an untouched new bundle without asking, and keeps one that holds anything the lawyer put in', () => {
    const empty = newDraft({ title: 'Evidence bundle', sections: [], language: 'en' });
    expect(isChanged(empty, null)).toBe(false);
    const entry = { docId: 'doc_a', title: 'Refusal', date: null, description: '', translationDocIds: [] };
    expect(isChanged({ ...empty, sections: [{ title: 'Documents', entries: [entry] }] }, null)).toBe(true);
    expect(isChanged({ ...empty, preparedBy: 'M. Seitkaliyeva' }, null)).toBe(true);
    expect(isChanged({ ...empty, redaction: { ...empty.redaction, terms: ['Текес'] } }, null)).toBe(true);
  });

  it('is unchanged when the core returns the same fields in another order', () => {
    const draft = { ...newDraft({ title: 'Appeal', sections: [], language: 'en' }), id: 'bnd_abcdef' };
    const { id, ...rest } = draft;
    expect(isChanged(draft, { id, ...rest })).toBe(false);
  });

  it('starts an empty bundle with one section named in its language', () => {
    expect(newDraft({ title: 'Подборка', sections: [], language: 'ru' }).sections).toEqual([{ title: 'Документы', entries: [] }]);
    expect(newDraft({ title: 'Жинақ', sections: [], language: 'kk' })).toMatchObject({ language: 'kk', sections: [{ title: 'Құжаттар' }] });
  });

  it('renames the sections Dalel named when the bundle’s language changes, and keeps the names the lawyer wrote', () => {
    const entry = { docId: 'doc_a', title: 'Refusal', date: null, description: '', translationDocIds: [] };
    const draft = newDraft({ title: 'Appeal', sections: [{ title: 'Decisions', entries: [entry] }, { title: 'Letters from the family', entries: [] }], language: 'en' });
    const russian = withLanguage(draft, 'ru');
    expect(russian.language).toBe('ru');
    expect(russian.sections.map((section) => section.title)).toEqual(['Решения', 'Letters from the family']);
    expect(withLanguage(russian, 'kk').sections.map((section) => section.title)).toEqual(['Шешімдер', 'Letters from the family']);
    expect(russian.sections[0]!.entries).toEqual([entry]);
  });

  it('suggests a file name in any script', () => {
    expect(suggestedFileName('Әйгерім Дәулетқызы: appeal / 2021', 'pdf')).toBe('Әйгерім-Дәулетқызы-appeal-2021.pdf');
    expect(suggestedFileName('///', 'zip')).toBe('bundle.zip');
  });
});

describe('proposeInput', () => {
  it('asks for exactly the source the wizard was opened from', () => {
    expect(proposeInput({ from: 'person', personId: 'P-1' }, 'ru')).toEqual({ personId: 'P-1', language: 'ru' });
    expect(proposeInput({ from: 'case', caseId: 'case_1' }, 'ru')).toEqual({ caseId: 'case_1', language: 'ru' });
    expect(proposeInput({ from: 'query', query: 'Aigerim' }, 'ru')).toEqual({ query: 'Aigerim', language: 'ru' });
    expect(proposeInput({ from: 'documents', docIds: ['doc_abcdef'] }, 'ru')).toEqual({ docIds: ['doc_abcdef'], language: 'ru' });
  });
});
