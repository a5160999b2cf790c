import { describe, expect, it } from 'vitest';
import { documentStatusView, formatImportedAt, numericDateTime } from './documentStatus';

describe('documentStatusView', () => {
  it('shows a document being read as processing with n of m pages', () => {
    expect(documentStatusView({ status: 'processing', pageCount: 5, pagesDone: 2, pagesFailed: 1 })).toEqual({
      tone: 'processing',
      key: 'library.status.processing',
      values: { done: 3, total: 5 },
    });
  });

  it('never shows a half-processed document as complete, even with every page counted', () => {
    expect(documentStatusView({ status: 'processing', pageCount: 2, pagesDone: 2, pagesFailed: 0 }).tone).toBe('processing');
  });

  it('says how many pages could not be read in a document that is otherwise ready', () => {
    expect(documentStatusView({ status: 'ready', pageCount: 3, pagesDone: 2, pagesFailed: 1 })).toMatchObject({
      tone: 'partial',
      values: { count: 1 },
    });
    expect(documentStatusView({ status: 'ready', pageCount: 3, pagesDone: 3, pagesFailed: 0 }).tone).toBe('ready');
    expect(documentStatusView({ status: 'failed', pageCount: 1, pagesDone: 0, pagesFailed: 1 }).tone).toBe('failed');
  });
});

describe('formatImportedAt', () => {
  it('formats the date in the interface language', () => {
    const iso = '2021-10-25T09:30:00.000Z';
    expect(formatImportedAt(iso, 'en')).toMatch(/2021/);
    expect(formatImportedAt(iso, 'ru')).toMatch(/окт/);
    expect(formatImportedAt(iso, 'en')).not.toBe(formatImportedAt(iso, 'ru'));
  });

  it('never shows a month as "M05"', () => {
    expect(formatImportedAt('2021-10-25T09:30:00.000Z', 'kk')).not.toMatch(/\bM\d/);
    expect(numericDateTime(new Date(2021, 9, 5, 8, 7))).toBe('05.10.2021, 08:07');
  });

  it('shows the stored value rather than "Invalid Date"', () => {
    expect(formatImportedAt('yesterday', 'kk')).toBe('yesterday');
  });
});
