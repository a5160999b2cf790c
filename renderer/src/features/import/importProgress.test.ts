import { describe, expect, it } from 'vitest';
import type { FileImportProgress, ImportProgress } from '../../../../shared/domain/document';
import { filePages, importsReducer, NO_IMPORTS, summarizeBatch, waitsForPassword } from './importProgress';

function file(name: string, change: Partial<FileImportProgress> = {}): FileImportProgress {
  return { file: name, status: 'queued', docId: null, pageCount: null, pagesDone: 0, warnings: [], error: null, ...change };
}

function batch(batchId: string | null, files: FileImportProgress[], done = false): ImportProgress {
  return { batchId, files, done };
}

describe('import progress', () => {
  it('asks for a password only for a file refused for want of one, or for a wrong one', () => {
    const refused = (code: 'pdf-password-required' | 'pdf-password-wrong' | 'encrypted-pdf') => file('letter.pdf', { status: 'rejected', error: { code, message: '' } });
    expect(waitsForPassword(refused('pdf-password-required'))).toBe(true);
    expect(waitsForPassword(refused('pdf-password-wrong'))).toBe(true);
    // encrypted in a way no password opens: asking would only waste the lawyer's time
    expect(waitsForPassword(refused('encrypted-pdf'))).toBe(false);
    expect(waitsForPassword(file('letter.pdf', { status: 'reading' }))).toBe(false);
  });

  it('adds up files and pages of a running batch', () => {
    const summary = summarizeBatch(
      batch('imp_1', [
        file('scan.jpg', { status: 'imported', docId: 'doc_a', pageCount: 1, pagesDone: 1 }),
        file('letter.pdf', { status: 'processing', docId: 'doc_b', pageCount: 4, pagesDone: 1 }),
        file('notes.pdf', { status: 'rejected', error: { code: 'unsupported-file', message: 'Not a PDF.' } }),
        file('link.pdf', { status: 'skipped', error: { code: 'symbolic-link', message: 'A link.' } }),
        file('next.png'),
      ]),
    );
    expect(summary).toEqual({
      files: 5,
      finished: 3,
      imported: 1,
      duplicate: 0,
      rejected: 1,
      skipped: 1,
      cancelled: 0,
      pagesDone: 2,
      pagesTotal: 5,
      running: true,
    });
  });

  it('does not count the pages of a duplicate, which were read before', () => {
    const summary = summarizeBatch(batch('imp_1', [file('again.pdf', { status: 'duplicate', docId: 'doc_a', pageCount: 3, pagesDone: 3 })], true));
    expect(summary).toMatchObject({ duplicate: 1, finished: 1, pagesDone: 0, pagesTotal: 0, running: false });
  });

  it('never calls a batch finished while a file is still being read', () => {
    const halfRead = batch('imp_1', [file('letter.pdf', { status: 'processing', pageCount: 3, pagesDone: 2 })], true);
    expect(summarizeBatch(halfRead).running).toBe(true);
    const notDone = batch('imp_1', [file('scan.jpg', { status: 'imported', pageCount: 1, pagesDone: 1 })], false);
    expect(summarizeBatch(notDone).running).toBe(true);
  });

  it('knows the pages of a file only once its page count is known', () => {
    expect(filePages(file('a.pdf', { status: 'reading' }))).toBeNull();
    expect(filePages(file('a.pdf', { pageCount: 3, pagesDone: 2 }))).toEqual({ done: 2, total: 3 });
    // A stray count above the total is shown as complete, never as "4 of 3".
    expect(filePages(file('a.pdf', { pageCount: 3, pagesDone: 4 }))).toEqual({ done: 3, total: 3 });
  });

  it('keeps the newest snapshot of each batch, in the order they started', () => {
    let state = importsReducer(NO_IMPORTS, { type: 'progress', progress: batch('imp_1', [file('a.jpg')]) });
    state = importsReducer(state, { type: 'progress', progress: batch('imp_2', [file('b.jpg')]) });
    state = importsReducer(state, { type: 'progress', progress: batch('imp_1', [file('a.jpg', { status: 'reading' })]) });
    expect(state.batches.map((b) => [b.batchId, b.files[0]!.status])).toEqual([
      ['imp_1', 'reading'],
      ['imp_2', 'queued'],
    ]);
  });

  it('keys work resumed after a restart, which has no batch id', () => {
    let state = importsReducer(NO_IMPORTS, { type: 'progress', progress: batch(null, [file('a.jpg', { status: 'processing' })]) });
    state = importsReducer(state, { type: 'progress', progress: batch(null, [file('a.jpg', { status: 'imported' })], true) });
    expect(state.batches).toHaveLength(1);
    expect(state.batches[0]!.files[0]!.status).toBe('imported');
  });

  it('dismisses only finished batches, and does not bring them back', () => {
    const running = batch('imp_1', [file('a.jpg', { status: 'processing', pageCount: 1 })]);
    let state = importsReducer(NO_IMPORTS, { type: 'progress', progress: running });
    expect(importsReducer(state, { type: 'dismiss', key: 'imp_1' })).toBe(state);

    const finished = batch('imp_1', [file('a.jpg', { status: 'imported', pageCount: 1, pagesDone: 1 })], true);
    state = importsReducer(state, { type: 'progress', progress: finished });
    state = importsReducer(state, { type: 'dismiss', key: 'imp_1' });
    expect(state.batches).toEqual([]);
    state = importsReducer(state, { type: 'progress', progress: finished });
    expect(state.batches).toEqual([]);
  });
});
