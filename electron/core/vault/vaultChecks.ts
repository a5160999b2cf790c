import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { AuditVerification, VerifyCheck } from '../../../shared/ipc/contract';
import { verifyAudit } from '../audit/auditLog';
import type { DalelFailure } from '../errors';
import { failureFrom } from '../errors';
import { checkAnchor, describeRollback } from './anchor';
import { checkCipherPages } from './cipherPages';
import type { VaultDatabase } from './database';
import { DATABASE_FILE } from './vaultFiles';

/**
 * What `verify` checks, in order, each with a stable code and a sentence naming the check:
 * - `pages`: the cipher's authentication of every page of vault.db and every committed WAL frame, read
 *   from the file (free pages too), and the file's size against its own header;
 * - `structure`: SQLite's `quick_check` (`integrity_check` with --deep): b-trees, indexes, free list;
 * - `originals` (--deep): every stored file's SHA-256 against the one recorded at import;
 * - `audit-chain`: the hash chain of the audit log and its recorded head;
 * - `anchor`: the database is not older than the vault's record of its latest audit head (anchor.ts).
 * A check that cannot run because an earlier one found the database unreadable fails with the reason.
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
    const why = input.openError?.message ?? 'The vault database could not be opened.';
    const skipped: Array<VerifyCheck['check']> = ['structure', ...(input.deep ? (['originals'] as const) : []), 'audit-chain', 'anchor'];
    for (const check of skipped) {
      checks.push({ check, ok: false, code: input.openError?.code ?? 'corrupt-vault', message: `Not checked: ${why}` });
    }
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

/** A check that throws (a damaged page read on the way) fails with what it hit, never `internal`. */
function guard(check: VerifyCheck['check'], run: () => VerifyCheck): VerifyCheck {
  try {
    return run();
  } catch (error) {
    const failure = failureFrom(error);
    return {
      check,
      ok: false,
      code: failure?.code === 'disk-full' || failure?.code === 'read-only' || !failure ? 'corrupt-vault' : failure.code,
      message: `${checkTitle(check)}: could not be completed — ${(error as Error).message}`,
    };
  }
}

function checkTitle(check: VerifyCheck['check']): string {
  return {
    pages: 'Page authentication',
    structure: 'Database structure',
    originals: 'Stored files',
    'audit-chain': 'Audit log',
    anchor: 'Latest-state record',
  }[check];
}

function pagesCheck(input: CheckInput): VerifyCheck {
  let result;
  try {
    result = checkCipherPages(join(input.dir, DATABASE_FILE), input.dataKey);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'vault.db is missing beside the vault header' : `vault.db cannot be read (${code ?? (error as Error).message})`;
    return { check: 'pages', ok: false, code: 'corrupt-vault', message: `Page authentication: ${why}.` };
  }
  const problems: string[] = [];
  if (result.sizeProblem) problems.push(result.sizeProblem);
  if (result.badPageCount > 0) {
    problems.push(
      `${result.badPageCount} page${result.badPageCount === 1 ? '' : 's'} of vault.db fail${result.badPageCount === 1 ? 's' : ''} the cipher's authentication (page ${result.badPages.join(', ')}${result.badPageCount > result.badPages.length ? ', …' : ''}): the file was damaged or altered.`,
    );
  }
  if (result.badWalFrames.length > 0) problems.push(`WAL frame ${result.badWalFrames.join(', ')} fails the cipher's authentication.`);
  if (result.walProblem) problems.push(result.walProblem);
  if (problems.length > 0) return { check: 'pages', ok: false, code: 'corrupt-vault', message: `Page authentication: ${problems.join(' ')}` };
  const wal = result.walFrames > 0 ? ` and ${result.walFrames} WAL frame${result.walFrames === 1 ? '' : 's'}` : '';
  return { check: 'pages', ok: true, message: `Page authentication: all ${result.pages} pages of vault.db${wal} are intact.` };
}

function structureCheck(db: VaultDatabase, deep: boolean): VerifyCheck {
  const pragma = deep ? 'integrity_check' : 'quick_check';
  const rows = db.pragma(pragma) as Array<Record<string, string>>;
  const messages = rows.map((row) => Object.values(row)[0]);
  if (messages.length === 1 && messages[0] === 'ok') {
    return { check: 'structure', ok: true, message: `Database structure: SQLite's ${pragma} found no problem.` };
  }
  return {
    check: 'structure',
    ok: false,
    code: 'corrupt-vault',
    message: `Database structure: SQLite's ${pragma} found ${messages.length} problem${messages.length === 1 ? '' : 's'}: ${messages.slice(0, 5).join('; ')}`,
  };
}

/** Every blob's bytes against its recorded SHA-256, and every document's original against the document's. */
function originalsCheck(db: VaultDatabase): VerifyCheck {
  const bad: string[] = [];
  let blobs = 0;
  const altered = new Set<number>();
  for (const row of db.prepare('SELECT id, sha256, data FROM blobs').iterate() as Iterable<{ id: number; sha256: string; data: Buffer }>) {
    blobs += 1;
    if (createHash('sha256').update(row.data).digest('hex') !== row.sha256) altered.add(row.id);
  }
  // verify reads without migrating: a vault from before 0013 has no reading copies.
  const hasReadingCopies = (db.prepare("SELECT count(*) AS n FROM pragma_table_info('documents') WHERE name = 'reading_blob'").get() as { n: number }).n > 0;
  const documents = db
    .prepare(`SELECT d.id, d.sha256, d.original_blob, ${hasReadingCopies ? 'd.reading_blob' : 'NULL AS reading_blob'}, b.sha256 AS blob_sha FROM documents d LEFT JOIN blobs b ON b.id = d.original_blob`)
    .all() as Array<{
    id: string;
    sha256: string;
    original_blob: number;
    reading_blob: number | null;
    blob_sha: string | null;
  }>;
  for (const doc of documents) {
    if (doc.blob_sha === null) bad.push(`${doc.id}: its original is missing`);
    else if (doc.blob_sha !== doc.sha256 || altered.has(doc.original_blob)) bad.push(`${doc.id}: its original no longer matches the SHA-256 recorded at import`);
    if (doc.reading_blob !== null && altered.has(doc.reading_blob)) bad.push(`${doc.id}: the readable copy of its password-protected original no longer matches its SHA-256`);
  }
  const readingCopies = documents.filter((doc) => doc.reading_blob !== null).length;
  const otherAltered = altered.size - documents.filter((doc) => altered.has(doc.original_blob) || (doc.reading_blob !== null && altered.has(doc.reading_blob))).length;
  if (otherAltered > 0) bad.push(`${otherAltered} page image${otherAltered === 1 ? '' : 's'} no longer match${otherAltered === 1 ? 'es' : ''} their SHA-256`);
  if (bad.length > 0) {
    return { check: 'originals', ok: false, code: 'corrupt-vault', message: `Stored files: ${bad.slice(0, 10).join('; ')}${bad.length > 10 ? '; …' : ''}.` };
  }
  const copies = readingCopies > 0 ? `, ${readingCopies} readable cop${readingCopies === 1 ? 'y' : 'ies'} of password-protected PDFs` : '';
  return {
    check: 'originals',
    ok: true,
    message: `Stored files: all ${documents.length} originals (and ${blobs - documents.length - readingCopies} page images${copies}) match their SHA-256.`,
  };
}

function auditCheck(audit: AuditVerification): VerifyCheck {
  if (audit.ok) {
    return { check: 'audit-chain', ok: true, message: `Audit log: ${audit.entries} ${audit.entries === 1 ? 'entry' : 'entries, each linked to the one before'}.` };
  }
  const broken = audit.firstBroken!;
  const what = {
    'hash-mismatch': 'was altered',
    'chain-broken': 'does not follow from the entry before it (entries were replaced or reordered)',
    missing: 'is missing (entries were deleted or moved)',
    'head-mismatch': 'is not the last entry the vault recorded (entries were added from outside Dalel)',
  }[broken.reason];
  return { check: 'audit-chain', ok: false, code: 'audit-tampered', message: `Audit log: entry #${broken.seq} ${what}.` };
}

function anchorCheck(input: CheckInput, db: VaultDatabase): VerifyCheck {
  const rollback = checkAnchor(input.dir, db, input.dataKey, input.anchorFile);
  if (rollback) return { check: 'anchor', ok: false, code: 'vault-rolled-back', message: `Latest-state record: ${describeRollback(rollback)}`, details: rollback };
  return { check: 'anchor', ok: true, message: 'Latest-state record: the database is not older than the vault has been.' };
}
