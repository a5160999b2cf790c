import { resolve } from 'node:path';

/**
 * The development corpus the tests read: `testdata/corpus/` in this repository (copied from the shared
 * corpus with its README and truth files, so a clean clone needs nothing beside it), or DALEL_CORPUS_DIR
 * to run the same tests on another set. Read-only: a test copies a file before changing it.
 */
export const CORPUS_DIR = process.env.DALEL_CORPUS_DIR ?? resolve(__dirname, '../../../testdata/corpus');
