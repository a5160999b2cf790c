/**
 * Limits the contract checks at the boundary and the renderer respects before it asks (a query cut to
 * length, a dropped file refused at once). Plain values in a file that imports nothing, so the renderer
 * reads them without loading the schemas (zod).
 */

/** Longest query accepted; a pasted paragraph is cut by the renderer before it gets here. */
export const MAX_QUERY_LENGTH = 1000;

/** Largest single file accepted over IPC (drag and drop); the importer's own limit is checked too. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
