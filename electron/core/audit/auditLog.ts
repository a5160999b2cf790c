import { createHash } from 'node:crypto';
import type { AuditBreak, AuditVerification } from '../../../shared/schemas/vault';
import type { VaultDatabase } from '../vault/database';

/**
 * The audit log: every state-changing action appends an entry whose SHA-256 covers the entry and the
 * previous entry's hash. The head (last seq and hash) is also kept in `vault_meta`, so that cutting
 * entries off the end is detected too.
 */
export interface AuditEntryInput {
  action: string;
  subject?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  action: string;
  subject: string | null;
  details: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
const HEAD_KEY = 'audit_head';

interface AuditRow {
  seq: number;
  at: string;
  action: string;
  subject: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const canonical = JSON.stringify([entry.seq, entry.at, entry.action, entry.subject, entry.details, entry.prevHash]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Stable JSON: keys sorted, so the same details always hash the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return inner;
  });
}

export function auditHead(db: VaultDatabase): { seq: number; hash: string } | null {
  const row = db.prepare('SELECT value FROM vault_meta WHERE key = ?').get(HEAD_KEY) as { value: string } | undefined;
  if (!row) return null;
  const [seq, hash] = row.value.split(':');
  return { seq: Number(seq), hash: hash ?? '' };
}

/**
 * Append one entry. Runs inside the caller's transaction when there is one (better-sqlite3 nests
 * transactions as savepoints), so the change and its audit entry commit together.
 */
export function appendAudit(db: VaultDatabase, input: AuditEntryInput, now: Date = new Date()): AuditEntry {
  return db.transaction(() => {
    const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    const partial = {
      seq: (last?.seq ?? 0) + 1,
      at: now.toISOString(),
      action: input.action,
      subject: input.subject ?? null,
      details: canonicalJson(input.details ?? {}),
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const entry: AuditEntry = { ...partial, hash: entryHash(partial) };
    db.prepare(
      'INSERT INTO audit_log (seq, at, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(entry.seq, entry.at, entry.action, entry.subject, entry.details, entry.prevHash, entry.hash);
    db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      HEAD_KEY,
      `${entry.seq}:${entry.hash}`,
    );
    return entry;
  })();
}

export function readAudit(db: VaultDatabase): AuditEntry[] {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    action: row.action,
    subject: row.subject,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

/**
 * Recompute the chain. Reports the first entry that does not verify, by sequence number:
 * - `missing`: a sequence number is absent (an entry was deleted or moved), or the recorded head is
 *   past the last entry (entries were cut off the end);
 * - `chain-broken`: the entry does not point at the previous entry's hash (entries swapped or replaced);
 * - `hash-mismatch`: the entry's content no longer matches its own hash (edited);
 * - `head-mismatch`: the last entry is not the recorded head.
 */
export function verifyAudit(db: VaultDatabase): AuditVerification {
  const entries = readAudit(db);
  const fail = (firstBroken: AuditBreak): AuditVerification => ({
    ok: false,
    entries: entries.length,
    head: auditHead(db),
    firstBroken,
  });

  let previous = GENESIS_HASH;
  let expectedSeq = 1;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return fail({ seq: expectedSeq, reason: 'missing' });
    if (entry.prevHash !== previous) return fail({ seq: entry.seq, reason: 'chain-broken' });
    const { hash, ...rest } = entry;
    if (entryHash(rest) !== hash) return fail({ seq: entry.seq, reason: 'hash-mismatch' });
    previous = hash;
    expectedSeq += 1;
  }

  const head = auditHead(db);
  const last = entries.at(-1);
  if (head && (!last || head.seq > last.seq)) return fail({ seq: (last?.seq ?? 0) + 1, reason: 'missing' });
  if (last && (!head || head.seq !== last.seq || head.hash !== last.hash)) {
    return fail({ seq: last.seq, reason: 'head-mismatch' });
  }
  return { ok: true, entries: entries.length, head, firstBroken: null };
}
