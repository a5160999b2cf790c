import { describe, expect, it } from 'vitest';
import type { PlannedDocument } from '../../../../shared/domain/bundle';
import { clampPage, keepRecent, pageAfterKey, partOf, typedPage } from './previewPaging';

const doc = (docId: string, firstPage: number, lastPage: number): PlannedDocument => ({
  docId,
  title: docId,
  date: null,
  section: 'Documents',
  translationOf: null,
  firstPage,
  lastPage,
});
/** Cover, two index pages, a 3-page and a 1-page document, then the manifest. */
const plan = { frontMatterPages: 3, documents: [doc('refusal', 4, 6), doc('memo', 7, 7)] };

describe('partOf', () => {
  it('names every page of the bundle', () => {
    expect(partOf(1, plan)).toEqual({ kind: 'cover' });
    expect(partOf(2, plan)).toEqual({ kind: 'index', sheet: 1 });
    expect(partOf(3, plan)).toEqual({ kind: 'index', sheet: 2 });
    expect(partOf(4, plan)).toMatchObject({ kind: 'document', doc: { docId: 'refusal' }, page: 1, pages: 3 });
    expect(partOf(6, plan)).toMatchObject({ kind: 'document', doc: { docId: 'refusal' }, page: 3, pages: 3 });
    expect(partOf(7, plan)).toMatchObject({ kind: 'document', doc: { docId: 'memo' }, page: 1, pages: 1 });
    expect(partOf(8, plan)).toEqual({ kind: 'manifest', sheet: 1 });
    expect(partOf(9, plan)).toEqual({ kind: 'manifest', sheet: 2 });
  });
});

describe('moving through the pages', () => {
  it('keeps to the bundle', () => {
    expect(clampPage(0, 9)).toBe(1);
    expect(clampPage(12, 9)).toBe(9);
    expect(clampPage(4.7, 9)).toBe(4);
    expect(clampPage(Number.NaN, 9)).toBe(1);
  });

  it('follows Page Up and Down, the arrows, Home and End', () => {
    expect(pageAfterKey('PageDown', 4, 9)).toBe(5);
    expect(pageAfterKey('ArrowRight', 4, 9)).toBe(5);
    expect(pageAfterKey('PageUp', 4, 9)).toBe(3);
    expect(pageAfterKey('ArrowLeft', 4, 9)).toBe(3);
    expect(pageAfterKey('Home', 4, 9)).toBe(1);
    expect(pageAfterKey('End', 4, 9)).toBe(9);
  });

  it('does nothing at an end, or for other keys', () => {
    expect(pageAfterKey('PageDown', 9, 9)).toBeNull();
    expect(pageAfterKey('Home', 1, 9)).toBeNull();
    expect(pageAfterKey('Enter', 4, 9)).toBeNull();
  });

  it('goes to a page typed in, if the bundle has it', () => {
    expect(typedPage(' 7 ', 9)).toBe(7);
    expect(typedPage('0', 9)).toBeNull();
    expect(typedPage('10', 9)).toBeNull();
    expect(typedPage('3a', 9)).toBeNull();
    expect(typedPage('', 9)).toBeNull();
  });
});

describe('keepRecent', () => {
  it('keeps the last pages seen, the newest last, and lets the others go', () => {
    let kept: number[] = [];
    const dropped: number[] = [];
    for (const page of [1, 2, 3, 2, 4, 5]) {
      const next = keepRecent(kept, page, 3);
      kept = next.recent;
      dropped.push(...next.dropped);
    }
    expect(kept).toEqual([2, 4, 5]);
    expect(dropped).toEqual([1, 3]);
  });

  it('never holds fewer than one', () => {
    expect(keepRecent([1], 2, 0)).toEqual({ recent: [2], dropped: [1] });
  });
});
