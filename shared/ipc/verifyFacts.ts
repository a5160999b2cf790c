import { z } from 'zod';
import { ERROR_CODES } from './errors';

/**
 * What one check of a vault verification found, as data (issue 14 item 3: the core returns codes with
 * parameters, never sentences). The renderer words these in the lawyer's language; the check's English
 * `message` stays for `dalel verify` and logs. One kind per check, plus two for a check that did not run
 * or stopped part way. Lists are capped (the counts beside them are not), so a badly damaged vault still
 * answers in a few kilobytes.
 */
export const VERIFY_LIST_CAP = 50;

const count = z.number().int().min(0);
const seq = z.number().int().min(0);

/** The size of vault.db against what it must be (cipherPages.ts). */
export const PageSizeProblem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('empty') }),
  /** not a whole number of pages */
  z.object({ kind: z.literal('partial-page'), bytes: count, pageSize: count }),
  /** shorter than its own header says */
  z.object({ kind: z.literal('shorter-than-header'), declaredPages: count, pages: count }),
]);
export type PageSizeProblem = z.infer<typeof PageSizeProblem>;

/** The WAL is damaged before committed transactions SQLite would drop. */
export const WalProblem = z.object({ kind: z.literal('lost-commits'), frame: count, commits: count });
export type WalProblem = z.infer<typeof WalProblem>;

export const DOCUMENT_PROBLEMS = ['missing', 'altered', 'reading-copy-altered'] as const;

export const DamagedDocument = z.object({
  docId: z.string(),
  /** as the library shows it; null when the row could not be read */
  title: z.string().nullable(),
  problem: z.enum(DOCUMENT_PROBLEMS),
});
export type DamagedDocument = z.infer<typeof DamagedDocument>;

export const ROLLBACK_REASONS = ['older', 'diverged', 'anchor-missing', 'anchor-invalid'] as const;

export const VerifyFacts = z.discriminatedUnion('kind', [
  /** `pages`: every page of vault.db and every committed WAL frame authenticated */
  z.object({
    kind: z.literal('pages'),
    pages: count,
    walFrames: count,
    /** first VERIFY_LIST_CAP page numbers that fail; `badPageCount` counts them all */
    badPages: z.array(count).max(VERIFY_LIST_CAP),
    badPageCount: count,
    badWalFrames: z.array(count).max(VERIFY_LIST_CAP),
    sizeProblem: PageSizeProblem.nullable(),
    walProblem: WalProblem.nullable(),
  }),
  /** `pages`: vault.db itself is missing or cannot be read (`errno`: the system's code, such as EACCES) */
  z.object({ kind: z.literal('database-file'), problem: z.enum(['missing', 'unreadable']), errno: z.string().nullable() }),
  /** `structure`: SQLite's own words, kept as data (technical lines, never translated) */
  z.object({
    kind: z.literal('structure'),
    pragma: z.enum(['quick_check', 'integrity_check']),
    problemCount: count,
    sqlite: z.array(z.string().max(2000)).max(5),
  }),
  /** `originals`: what was compared, and what no longer matches */
  z.object({
    kind: z.literal('originals'),
    originals: count,
    pageImages: count,
    readingCopies: count,
    documents: z.array(DamagedDocument).max(VERIFY_LIST_CAP),
    documentCount: count,
    pageImagesAltered: count,
  }),
  /** `audit-chain`: entries read, and the first that breaks */
  z.object({
    kind: z.literal('audit-chain'),
    entries: count,
    broken: z.object({ seq, reason: z.enum(['hash-mismatch', 'chain-broken', 'missing', 'head-mismatch']) }).nullable(),
  }),
  /** `anchor`: null rollback when the database reaches the anchored entry */
  z.object({
    kind: z.literal('anchor'),
    rollback: z.object({ reason: z.enum(ROLLBACK_REASONS), anchoredSeq: seq.nullable(), foundSeq: seq.nullable() }).nullable(),
  }),
  /** any check: not run, because the database could not be opened (`because`: that failure's code) */
  z.object({ kind: z.literal('not-run'), because: z.enum(ERROR_CODES) }),
  /** any check: stopped part way (a damaged page read on the way) */
  z.object({ kind: z.literal('incomplete'), because: z.enum(ERROR_CODES) }),
]);
export type VerifyFacts = z.infer<typeof VerifyFacts>;
