import { describe, expect, it } from 'vitest';
import { documentStatusView, formatImportedAt } from './documentStatus';

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
  it('writes the day as the interface language does, with the local time', () => {
    const iso = new Date(2021, 9, 5, 8, 7).toISOString();
    expect(formatImportedAt(iso, 'en')).toBe('5 Oct 2021, 08:07');
    expect(formatImportedAt(iso, 'ru')).toBe('05.10.2021, 08:07');
    expect(formatImportedAt(iso, 'kk')).toBe('05.10.2021, 08:07');
  });

  it('shows the stored value rather than "Invalid Date"', () => {
    expect(formatImportedAt('yesterday', 'kk')).toBe('yesterday');
  });
});
