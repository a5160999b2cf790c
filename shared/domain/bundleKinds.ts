/**
 * The code lists of evidence bundles. Values, read alike by the schemas (shared/schemas), the core and
 * the renderer; this file imports nothing (see documentKinds.ts). The languages a bundle prints in are
 * with their words, in bundleWords.ts.
 */

/** Why Dalel burns a redaction: a protected person's name, a term the lawyer chose, a box the lawyer drew. */
export const REDACTION_REASONS = ['protected-person', 'term', 'manual'] as const;
export type RedactionReason = (typeof REDACTION_REASONS)[number];
