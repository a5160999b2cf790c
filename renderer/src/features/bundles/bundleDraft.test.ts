import { describe, expect, it } from 'vitest';
import { isChanged, newDraft, proposeInput, saveInput, suggestedFileName } from './bundleDraft';

describe('the draft', () => {
  it('is saved trimmed, with a blank date as no date', () => {
    const draft = newDraft({ title: ' Appeal ', sections: [{ title: ' Decisions ', entries: [{ docId: 'doc_a', title: ' Refusal ', date: ' ', description: '', translationDocIds: [] }] }], emptySection: 'Documents' });
    const saved = saveInput(draft);
    expect(saved.title).toBe('Appeal');
    expect(saved.sections[0]).toEqual({ title: 'Decisions', entries: [{ docId: 'doc_a', title: 'Refusal', date: null, description: '', translationDocIds: [] }] });
    expect(saved.redaction.protectedPersons).toBe(true);
  });

  it('counts a trailing space as no change', () => {
    const draft = newDraft({ title: 'Appeal', sections: [], emptySection: 'Documents' });
    expect(isChanged({ ...draft, title: 'Appeal ' }, draft)).toBe(false);
    expect(isChanged({ ...draft, title: 'Appeal 2' }, draft)).toBe(true);
  });

  it('leaves an untouched new bundle without asking, and keeps one that holds anything the lawyer put in', () => {
    const empty = newDraft({ title: 'Evidence bundle', sections: [], emptySection: 'Documents' });
    expect(isChanged(empty, null)).toBe(false);
    const entry = { docId: 'doc_a', title: 'Refusal', date: null, description: '', translationDocIds: [] };
    expect(isChanged({ ...empty, sections: [{ title: 'Documents', entries: [entry] }] }, null)).toBe(true);
    expect(isChanged({ ...empty, preparedBy: 'M. Seitkaliyeva' }, null)).toBe(true);
    expect(isChanged({ ...empty, redaction: { ...empty.redaction, terms: ['Текес'] } }, null)).toBe(true);
  });

  it('is unchanged when the core returns the same fields in another order', () => {
    const draft = { ...newDraft({ title: 'Appeal', sections: [], emptySection: 'Documents' }), id: 'bnd_abcdef' };
    const { id, ...rest } = draft;
    expect(isChanged(draft, { id, ...rest })).toBe(false);
  });

  it('suggests a file name in any script', () => {
    expect(suggestedFileName('Әйгерім Дәулетқызы: appeal / 2021', 'pdf')).toBe('Әйгерім-Дәулетқызы-appeal-2021.pdf');
    expect(suggestedFileName('///', 'zip')).toBe('bundle.zip');
  });
});

describe('proposeInput', () => {
  it('asks for exactly the source the wizard was opened from', () => {
    expect(proposeInput({ from: 'person', personId: 'P-1' })).toEqual({ personId: 'P-1' });
    expect(proposeInput({ from: 'case', caseId: 'case_1' })).toEqual({ caseId: 'case_1' });
    expect(proposeInput({ from: 'query', query: 'Aigerim' })).toEqual({ query: 'Aigerim' });
    expect(proposeInput({ from: 'documents', docIds: ['doc_abcdef'] })).toEqual({ docIds: ['doc_abcdef'] });
  });
});
