import { describe, expect, it } from 'vitest';
import { newDraft, type BundleDraft } from './bundleDraft';
import { canOpen, draftProblems, nextStep, previousStep, stepProblems } from './wizardSteps';

const entry = (docId: string, extra: Partial<{ title: string; date: string | null }> = {}) => ({
  docId,
  title: extra.title ?? docId,
  date: extra.date ?? null,
  description: '',
  translationDocIds: [],
});

const draft = (change: Partial<BundleDraft> = {}): BundleDraft => ({
  ...newDraft({ title: 'Appeal of Aigerim Dauletkyzy', sections: [{ title: 'Decisions', entries: [entry('doc_refusal')] }], language: 'en' }),
  ...change,
});

describe('draftProblems', () => {
  it('finds nothing wrong with a titled bundle of titled documents', () => {
    expect(draftProblems(draft())).toEqual([]);
  });

  it('asks for documents, a title, section titles and entry titles', () => {
    expect(draftProblems(draft({ title: ' ', sections: [{ title: '', entries: [] }] }))).toEqual([
      { kind: 'no-documents' },
      { kind: 'no-title' },
      { kind: 'section-title', section: 0 },
    ]);
    expect(draftProblems(draft({ sections: [{ title: 'Decisions', entries: [entry('doc_a', { title: '  ' })] }] }))).toEqual([{ kind: 'entry-title', docId: 'doc_a' }]);
  });

  it('refuses an empty section next to others, and a date that is not a day', () => {
    const sections = [
      { title: 'Decisions', entries: [entry('doc_a', { date: '2021-02-30' }), entry('doc_b', { date: '2021-05-31' }), entry('doc_c', { date: '' })] },
      { title: 'Certificates', entries: [] },
    ];
    expect(draftProblems(draft({ sections }))).toEqual([
      { kind: 'entry-date', docId: 'doc_a' },
      { kind: 'empty-section', section: 1 },
    ]);
  });
});

describe('steps', () => {
  it('leave the selection once there is a document', () => {
    expect(stepProblems('select', draft({ title: '' }))).toEqual([]);
    expect(stepProblems('select', draft({ sections: [{ title: 'Documents', entries: [] }] }))).toEqual([{ kind: 'no-documents' }]);
  });

  it('open the review, preview and export only for a saved bundle with nothing wrong', () => {
    expect(canOpen('arrange', draft({ title: '' }), { saved: false, bundleId: null })).toBe(true);
    expect(canOpen('redact', draft(), { saved: false, bundleId: null })).toBe(false);
    expect(canOpen('redact', draft(), { saved: true, bundleId: 'bnd_abcdef' })).toBe(true);
    expect(canOpen('export', draft({ title: '' }), { saved: true, bundleId: 'bnd_abcdef' })).toBe(false);
  });

  it('go forwards and back in order', () => {
    expect(nextStep('select')).toBe('arrange');
    expect(nextStep('export')).toBeNull();
    expect(previousStep('arrange')).toBe('select');
    expect(previousStep('select')).toBeNull();
  });
});
