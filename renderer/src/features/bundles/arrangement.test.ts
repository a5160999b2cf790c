import { describe, expect, it } from 'vitest';
import type { BundleEntry, BundleSection } from '../../../../shared/domain/bundle';
import {
  addSection,
  bundleDocIds,
  canMoveDown,
  canMoveUp,
  mergeProposal,
  moveDown,
  moveEntry,
  moveUp,
  removeDocument,
  removeSection,
  renameSection,
  updateEntry,
} from './arrangement';

const entry = (docId: string, translationDocIds: string[] = []): BundleEntry => ({ docId, title: docId, date: null, description: '', translationDocIds });
const section = (title: string, ...docIds: string[]): BundleSection => ({ title, entries: docIds.map((id) => entry(id)) });
const ids = (sections: BundleSection[]) => sections.map((s) => `${s.title}: ${s.entries.map((e) => e.docId).join(' ')}`);

const decisions = section('Decisions', 'refusal', 'ruling', 'appeal');
const certificates = section('Certificates', 'certificate', 'extension');
const bundle = [decisions, certificates];

describe('moveEntry', () => {
  it('moves down within a section to before the entry it was dropped on', () => {
    expect(ids(moveEntry(bundle, { section: 0, index: 0 }, { section: 0, index: 2 }))).toEqual(['Decisions: ruling refusal appeal', 'Certificates: certificate extension']);
  });

  it('moves up within a section', () => {
    expect(ids(moveEntry(bundle, { section: 0, index: 2 }, { section: 0, index: 0 }))).toEqual(['Decisions: appeal refusal ruling', 'Certificates: certificate extension']);
  });

  it('moves to the end of a section', () => {
    expect(ids(moveEntry(bundle, { section: 0, index: 0 }, { section: 0, index: 3 }))).toEqual(['Decisions: ruling appeal refusal', 'Certificates: certificate extension']);
  });

  it('moves between sections', () => {
    expect(ids(moveEntry(bundle, { section: 1, index: 1 }, { section: 0, index: 1 }))).toEqual(['Decisions: refusal extension ruling appeal', 'Certificates: certificate']);
  });

  it('moves into an empty section', () => {
    const withEmpty = [...bundle, section('Correspondence')];
    expect(ids(moveEntry(withEmpty, { section: 0, index: 1 }, { section: 2, index: 0 }))[2]).toBe('Correspondence: ruling');
  });

  it('leaves the sections it was given unchanged', () => {
    moveEntry(bundle, { section: 0, index: 0 }, { section: 1, index: 0 });
    expect(ids(bundle)).toEqual(['Decisions: refusal ruling appeal', 'Certificates: certificate extension']);
  });

  it('ignores a place that is not there', () => {
    expect(ids(moveEntry(bundle, { section: 5, index: 0 }, { section: 0, index: 0 }))).toEqual(ids(bundle));
  });
});

describe('moveUp and moveDown', () => {
  it('swap neighbours within a section', () => {
    expect(ids(moveUp(bundle, { section: 0, index: 1 }))[0]).toBe('Decisions: ruling refusal appeal');
    expect(ids(moveDown(bundle, { section: 0, index: 1 }))[0]).toBe('Decisions: refusal appeal ruling');
  });

  it('cross into the next or previous section at the edges', () => {
    expect(ids(moveDown(bundle, { section: 0, index: 2 }))).toEqual(['Decisions: refusal ruling', 'Certificates: appeal certificate extension']);
    expect(ids(moveUp(bundle, { section: 1, index: 0 }))).toEqual(['Decisions: refusal ruling appeal certificate', 'Certificates: extension']);
  });

  it('stop at the very top and bottom', () => {
    expect(canMoveUp(bundle, { section: 0, index: 0 })).toBe(false);
    expect(canMoveDown(bundle, { section: 1, index: 1 })).toBe(false);
    expect(canMoveDown(bundle, { section: 0, index: 2 })).toBe(true);
    expect(ids(moveUp(bundle, { section: 0, index: 0 }))).toEqual(ids(bundle));
    expect(ids(moveDown(bundle, { section: 1, index: 1 }))).toEqual(ids(bundle));
  });
});

describe('sections', () => {
  it('are added at the end and renamed', () => {
    expect(ids(renameSection(addSection(bundle, 'Correspondence'), 2, 'Letters'))[2]).toBe('Letters: ');
  });

  it('give their documents to the section above when removed', () => {
    expect(ids(removeSection(bundle, 1))).toEqual(['Decisions: refusal ruling appeal certificate extension']);
  });

  it('give the first section’s documents to the next one, in front', () => {
    expect(ids(removeSection(bundle, 0))).toEqual(['Certificates: refusal ruling appeal certificate extension']);
  });

  it('keep the last section', () => {
    expect(ids(removeSection([decisions], 0))).toEqual(ids([decisions]));
  });
});

describe('entries', () => {
  it('take the index title, date and description the lawyer typed', () => {
    const changed = updateEntry(bundle, 'ruling', { title: 'Ruling of 3 May', date: '2021-05-03', description: 'Appeal dismissed' });
    expect(changed[0]!.entries[1]).toEqual({ ...entry('ruling'), title: 'Ruling of 3 May', date: '2021-05-03', description: 'Appeal dismissed' });
  });

  it('come out of the bundle, as entries or as translations', () => {
    const translated = [{ title: 'Decisions', entries: [entry('refusal', ['refusal-en']), entry('ruling')] }];
    expect(bundleDocIds(translated)).toEqual(['refusal', 'refusal-en', 'ruling']);
    expect(bundleDocIds(removeDocument(translated, 'refusal-en'))).toEqual(['refusal', 'ruling']);
    expect(bundleDocIds(removeDocument(translated, 'ruling'))).toEqual(['refusal', 'refusal-en']);
  });
});

describe('mergeProposal', () => {
  it('takes the proposal as it is into an empty bundle', () => {
    expect(ids(mergeProposal([section('Documents')], bundle))).toEqual(ids(bundle));
  });

  it('adds new documents to the section of the same title, or a new one, and leaves the rest where it is', () => {
    const proposed = [section('certificates ', 'certificate', 'permit'), section('Correspondence', 'letter')];
    expect(ids(mergeProposal(bundle, proposed))).toEqual([
      'Decisions: refusal ruling appeal',
      'Certificates: certificate extension permit',
      'Correspondence: letter',
    ]);
  });

  it('does not add a translation that is already in the bundle', () => {
    const merged = mergeProposal(bundle, [{ title: 'Decisions', entries: [entry('notice', ['ruling', 'notice-en'])] }]);
    expect(merged[0]!.entries[3]!.translationDocIds).toEqual(['notice-en']);
  });
});
