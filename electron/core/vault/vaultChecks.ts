import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { AuditVerification, VerifyCheck } from '../../../shared/schemas/vault';
import { VERIFY_LIST_CAP, type DamagedDocument, type VerifyFacts } from '../../../shared/ipc/verifyFacts';
import { verifyAudit } from '../audit/auditLog';
import type { DalelFailure } from '../errors';
import { failureFrom } from '../errors';
import { checkAnchor } from './anchor';
import { checkCipherPages } from './cipherPages';
import type { VaultDatabase } from './database';
import { DATABASE_FILE } from './vaultFiles';
import { describeCheck } from './verifyMessages';

/**
 * What `verify` checks, in order, each with a stable code and a sentence naming the check:
 * - `pages`: the cipher's authentication of every page of vault.db and every committed WAL frame, read
 *   from the file (free pages too), and the file's size against its own header;
 * - `structure`: SQLite's `quick_check` (`integrity_check` with --deep): b-trees, indexes, free list;
 * - `originals` (--deep): every stored file's SHA-256 against the one recorded at import;
 * - `audit-chain`: the hash chain of the audit log and its recorded head;
 * - `anchor`: the database is not older than the vault's record of its latest audit head (anchor.ts).
 * A check that cannot run because an earlier one found the database unreadable fails with the reason.
 * Each check carries what it found as `facts` (shared/ipc/verifyFacts.ts), which the app words in the
 * lawyer's language; `message` is the same in English (verifyMessages.ts), for the CLI and logs.
 */
export interface VaultVerification extends AuditVerification {
  deep: boolean;
  checks: VerifyCheck[];
}

export interface CheckInput {
  dir: string;
  dataKey: Buffer;
  /** the open database, or null when it could not be opened (then `openError` says why) */
  db: VaultDatabase | null;
  openError?: DalelFailure;
  deep: boolean;
  /** the anchor file to compare with (a rotation not yet finished on read-only media has its own) */
  anchorFile?: string;
}

export function runVaultChecks(input: CheckInput): VaultVerification {
  const checks: VerifyCheck[] = [pagesCheck(input)];
  const { db } = input;
  let audit: AuditVerification = { ok: false, entries: 0, head: null, firstBroken: null };
  if (!db) {
    const because = input.openError?.code ?? 'corrupt-vault';
    const why = input.openError?.message ?? 'The vault database could not be opened.';
    const skipped: Array<VerifyCheck['check']> = ['structure', ...(input.deep ? (['originals'] as const) : []), 'audit-chain', 'anchor'];
    for (const check of skipped) checks.push({ ...failed(check, because, { kind: 'not-run', because }), message: `Not checked: ${why}` });
  } else {
    checks.push(guard('structure', () => structureCheck(db, input.deep)));
    if (input.deep) checks.push(guard('originals', () => originalsCheck(db)));
    checks.push(
      guard('audit-chain', () => {
        audit = verifyAudit(db);
        return auditCheck(audit);
      }),
    );
    checks.push(guard('anchor', () => anchorCheck(input, db)));
  }
  const ok = checks.every((check) => check.ok);
  return { ...audit, ok, deep: input.deep, checks };
}

function passed(check: VerifyCheck['check'], facts: VerifyFacts): VerifyCheck {
  return { check, ok: true, message: describeCheck(check, facts), facts };
}

function failed(check: VerifyCheck['check'], code: NonNullable<VerifyCheck['code']>, facts: VerifyFacts): VerifyCheck {
  return { check, ok: false, code, message: describeCheck(check, facts), facts };
}

/** A check that throws (a damaged page read on the way) fails with what it hit, never `internal`. */
function guard(check: VerifyCheck['check'], run: () => VerifyCheck): VerifyCheck {
  try {
    return run();
  } catch (error) {
    const failure = failureFrom(error);
    const code = failure?.code === 'disk-full' || failure?.code === 'read-only' || !failure ? 'corrupt-vault' : failure.code;
    return { ...failed(check, code, { kind: 'incomplete', because: code }), message: describeCheck(check, { kind: 'incomplete', because: code }, { error: (error as Error).message }) };
  }
}

function pagesCheck(input: CheckInput): VerifyCheck {
  let result;
  try {
    result = checkCipherPages(join(input.dir, DATABASE_FILE), input.dataKey);
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code ?? null;
    const facts: VerifyFacts = { kind: 'database-file', problem: errno === 'ENOENT' ? 'missing' : 'unreadable', errno };
    return { ...failed('pages', 'corrupt-vault', facts), message: describeCheck('pages', facts, { error: (error as Error).message }) };
  }
  const facts: VerifyFacts = {
    kind: 'pages',
    pages: result.pages,
    walFrames: result.walFrames,
    badPages: result.badPages.slice(0, VERIFY_LIST_CAP),
    badPageCount: result.badPageCount,
    badWalFrames: result.badWalFrames.slice(0, VERIFY_LIST_CAP),
    sizeProblem: result.sizeProblem,
    walProblem: result.walProblem,
  };
  const damaged = result.sizeProblem || result.badPageCount > 0 || result.badWalFrames.length > 0 || result.walProblem;
  return damaged ? failed('pages', 'corrupt-vault', facts) : passed('pages', facts);
}

/** SQLite's own lines are kept as data; a damaged vault can make them long, so each is cut. */
const SQLITE_LINE_CHARS = 500;

function structureCheck(db: VaultDatabase, deep: boolean): VerifyCheck {
  const pragma = deep ? 'integrity_check' : 'quick_check';
  const rows = db.pragma(pragma) as Array<Record<string, string>>;
  const messages = rows.map((row) => String(Object.values(row)[0]));
  if (messages.length === 1 && messages[0] === 'ok') return passed('structure', { kind: 'structure', pragma, problemCount: 0, sqlite: [] });
  const sqlite = messages.slice(0, 5).map((line) => line.slice(0, SQLITE_LINE_CHARS));
  return failed('structure', 'corrupt-vault', { kind: 'structure', pragma, problemCount: messages.length, sqlite });
}

/** Every blob's bytes against its recorded SHA-256, and every document's original against the document's. */
function originalsCheck(db: VaultDatabase): VerifyCheck {
  let blobs = 0;
  const altered = new Set<number>();
  for (const row of db.prepare('SELECT id, sha256, data FROM blobs').iterate() as Iterable<{ id: number; sha256: string; data: Buffer }>) {
    blobs += 1;
    if (createHash('sha256').update(row.data).digest('hex') !== row.sha256) altered.add(row.id);
  }
  // verify reads without migrating: a vault from before 0013 has no reading copies.
  const hasReadingCopies = (db.prepare("SELECT count(*) AS n FROM pragma_table_info('documents') WHERE name = 'reading_blob'").get() as { n: number }).n > 0;
  const documents = db
    .prepare(`SELECT d.id, d.title, d.sha256, d.original_blob, ${hasReadingCopies ? 'd.reading_blob' : 'NULL AS reading_blob'}, b.sha256 AS blob_sha FROM documents d LEFT JOIN blobs b ON b.id = d.original_blob`)
    .all() as Array<{
    id: string;
    title: string | null;
    sha256: string;
    original_blob: number;
    reading_blob: number | null;
    blob_sha: string | null;
  }>;
  // The title, as the library shows it, so the lawyer knows which paper to find again.
  const damaged: DamagedDocument[] = [];
  for (const doc of documents) {
    const named = { docId: doc.id, title: doc.title ?? null };
    if (doc.blob_sha === null) damaged.push({ ...named, problem: 'missing' });
    else if (doc.blob_sha !== doc.sha256 || altered.has(doc.original_blob)) damaged.push({ ...named, problem: 'altered' });
    if (doc.reading_blob !== null && altered.has(doc.reading_blob)) damaged.push({ ...named, problem: 'reading-copy-altered' });
  }
  const readingCopies = documents.filter((doc) => doc.reading_blob !== null).length;
  const pageImagesAltered = altered.size - documents.filter((doc) => altered.has(doc.original_blob) || (doc.reading_blob !== null && altered.has(doc.reading_blob))).length;
  const facts: VerifyFacts = {
    kind: 'originals',
    originals: documents.length,
    pageImages: blobs - documents.length - readingCopies,
    readingCopies,
    documents: damaged.slice(0, VERIFY_LIST_CAP),
    documentCount: damaged.length,
    pageImagesAltered,
  };
  return damaged.length > 0 || pageImagesAltered > 0 ? failed('originals', 'corrupt-vault', facts) : passed('originals', facts);
}

function auditCheck(audit: AuditVerification): VerifyCheck {
  const facts: VerifyFacts = { kind: 'audit-chain', entries: audit.entries, broken: audit.ok ? null : audit.firstBroken };
  return audit.ok ? passed('audit-chain', facts) : failed('audit-chain', 'audit-tampered', facts);
}

function anchorCheck(input: CheckInput, db: VaultDatabase): VerifyCheck {
  const rollback = checkAnchor(input.dir, db, input.dataKey, input.anchorFile);
  if (!rollback) return passed('anchor', { kind: 'anchor', rollback: null });
  const facts: VerifyFacts = {
    kind: 'anchor',
    rollback: { reason: rollback.reason, anchoredSeq: rollback.anchored?.seq ?? null, foundSeq: rollback.found?.seq ?? null },
  };
  return { ...failed('anchor', 'vault-rolled-back', facts), message: describeCheck('anchor', facts, { rollback }), details: rollback };
}
