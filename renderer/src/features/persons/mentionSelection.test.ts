import { describe, expect, it } from 'vitest';
import type { MentionedDocument } from '../../../../shared/domain/tagging';
import { afterSelectAll, selectedInOrder, selectionState, stillListed, toggled } from './mentionSelection';

const doc = (docId: string): MentionedDocument => ({ docId, title: docId, date: null, type: null, pages: [{ page: 1, spelling: 'Nurlan Askaruly', snippet: [] }] });
const listed = [doc('doc_a'), doc('doc_b'), doc('doc_c')];

describe('the documents ticked for tagging', () => {
  it('starts with none, and "Select all" ticks every listed document, then none', () => {
    const none = new Set<string>();
    expect(selectionState(none, listed)).toBe('none');
    const all = afterSelectAll(none, listed);
    expect(selectionState(all, listed)).toBe('all');
    expect(afterSelectAll(all, listed).size).toBe(0);
    expect(selectionState(afterSelectAll(new Set(['doc_b']), listed), listed)).toBe('all');
  });

  it('ticks and unticks one document; some ticked is neither all nor none', () => {
    const one = toggled(new Set(), 'doc_b');
    expect(selectionState(one, listed)).toBe('some');
    expect(toggled(one, 'doc_b').size).toBe(0);
  });

  it('drops the documents no longer listed (tagged meanwhile) and keeps the list order', () => {
    const selected = new Set(['doc_c', 'doc_a', 'doc_gone']);
    expect([...stillListed(selected, listed)].sort()).toEqual(['doc_a', 'doc_c']);
    expect(selectedInOrder(selected, listed)).toEqual(['doc_a', 'doc_c']);
    expect(selectionState(new Set(['doc_gone']), listed)).toBe('none');
    expect(selectionState(new Set(), [])).toBe('none');
  });
});
