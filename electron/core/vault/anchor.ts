import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ErrorReason, ReasonParams } from '../../../shared/ipc/errors';
import { auditHead } from '../audit/auditLog';
import { writeFileAtomic } from '../fsAtomic';
import type { VaultDatabase } from './database';
import { ANCHOR_FILE } from './vaultFiles';

/**
 * The anchor: a record, outside the database, of the latest audit head the vault reached, authenticated
 * with an HMAC keyed from the data key. The audit chain inside the database proves that no entry of a
 * *given* database was altered; it cannot see that the whole database is an older one (a copy put back,
 * a WAL deleted after a crash), because an older database is itself a consistent chain. The anchor can:
 * a database whose log does not reach the anchored entry, or holds another entry there, is older than
 * the vault has been, and is refused (`vault-rolled-back`) until the lawyer acknowledges it.
 *
 * What it cannot do: anyone with the passphrase can compute the HMAC too, and putting back the whole
 * folder, anchor included, is a rollback nothing local can see. A head printed on an exported bundle or
 * kept with a backup pins a state outside the vault (README, "What the audit chain proves").
 *
 * The anchor is written only with a head that is committed (never inside a transaction), after SQLite's
 * synchronous=FULL commit, so it is never ahead of what a crash leaves on disk.
 */
const ANCHOR_FORMAT = 'dalel-anchor';
const ANCHOR_VERSION = 1;
/** vault_meta row saying this database has been anchored: a missing anchor is then suspicious. */
const ANCHORED_KEY = 'anchored';

const AnchorSchema = z
  .object({
    format: z.literal(ANCHOR_FORMAT),
    version: z.literal(ANCHOR_VERSION),
    seq: z.number().int().min(1),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    at: z.string(),
    mac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export interface AuditHeadRef {
  seq: number;
  hash: string;
}

export type AnchorRead =
  | { state: 'missing' }
  | { state: 'invalid' }
  | { state: 'ok'; head: AuditHeadRef; at: string };

export interface Rollback {
  reason: 'older' | 'diverged' | 'anchor-missing' | 'anchor-invalid';
  anchored: AuditHeadRef | null;
  found: AuditHeadRef | null;
}

function anchorKey(dataKey: Buffer): Buffer {
  // A key of its own (HKDF), so the data key is never used for two purposes.
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(ANCHOR_FORMAT), Buffer.from('audit head v1'), 32));
}

function anchorMac(dataKey: Buffer, head: AuditHeadRef, at: string): string {
  const key = anchorKey(dataKey);
  try {
    return createHmac('sha256', key).update(JSON.stringify([ANCHOR_FORMAT, ANCHOR_VERSION, head.seq, head.hash, at])).digest('hex');
  } finally {
    key.fill(0);
  }
}

export function anchorText(dataKey: Buffer, head: AuditHeadRef, now: Date): string {
  const at = now.toISOString();
  const anchor = { format: ANCHOR_FORMAT, version: ANCHOR_VERSION, seq: head.seq, hash: head.hash, at, mac: anchorMac(dataKey, head, at) };
  return `${JSON.stringify(anchor, null, 2)}\n`;
}

export function readAnchor(file: string, dataKey: Buffer): AnchorRead {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { state: 'missing' } : { state: 'invalid' };
  }
  const parsed = AnchorSchema.safeParse(json);
  if (!parsed.success) return { state: 'invalid' };
  const { seq, hash, at, mac } = parsed.data;
  const expected = Buffer.from(anchorMac(dataKey, { seq, hash }, at), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(mac, 'hex'))) return { state: 'invalid' };
  return { state: 'ok', head: { seq, hash }, at };
}

export function anchorPath(dir: string): string {
  return join(dir, ANCHOR_FILE);
}

/**
 * Compare the database with the anchor. Null when the database reaches the anchored entry with the same
 * hash (it may be ahead: the anchor is written at lock, export and periodically, not at every entry).
 */
export function checkAnchor(dir: string, db: VaultDatabase, dataKey: Buffer, file: string = anchorPath(dir)): Rollback | null {
  const found = auditHead(db);
  const anchor = readAnchor(file, dataKey);
  if (anchor.state === 'missing') {
    // A vault from before anchors existed has none yet; one that was anchored must still have it.
    return wasAnchored(db) ? { reason: 'anchor-missing', anchored: null, found } : null;
  }
  if (anchor.state === 'invalid') return { reason: 'anchor-invalid', anchored: null, found };
  const row = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(anchor.head.seq) as { hash: string } | undefined;
  if (!row) return { reason: 'older', anchored: anchor.head, found };
  if (row.hash !== anchor.head.hash) return { reason: 'diverged', anchored: anchor.head, found };
  return null;
}

function wasAnchored(db: VaultDatabase): boolean {
  return db.prepare('SELECT 1 FROM vault_meta WHERE key = ?').get(ANCHORED_KEY) !== undefined;
}

/**
 * Record the database's committed head in the anchor. Returns the head written, or null when there was
 * nothing to do (inside a transaction: the head may still roll back). Throws what the disk says (a full
 * disk); callers that anchor in passing ignore that, the next anchor catches up.
 */
export function writeAnchor(dir: string, db: VaultDatabase, dataKey: Buffer, now: Date): AuditHeadRef | null {
  if (db.inTransaction) return null;
  const head = auditHead(db);
  if (!head) return null;
  writeFileAtomic(anchorPath(dir), anchorText(dataKey, head, now));
  // After the file: a crash between the two leaves an anchor the database does not insist on yet, never
  // a database that insists on an anchor that was not written.
  if (!wasAnchored(db)) db.prepare('INSERT OR IGNORE INTO vault_meta (key, value) VALUES (?, ?)').run(ANCHORED_KEY, now.toISOString());
  return head;
}

/** The rollback as a reason the interface words, with the audit entries it names (their numbers). */
export function rollbackReason(rollback: Rollback): { reason: ErrorReason; params: ReasonParams } {
  const reason = ({ older: 'rollback-older', diverged: 'rollback-diverged', 'anchor-missing': 'anchor-missing', 'anchor-invalid': 'anchor-invalid' } as const)[rollback.reason];
  const params: Record<string, number> = { found: rollback.found?.seq ?? 0 };
  if (rollback.anchored) params.anchored = rollback.anchored.seq;
  return { reason, params };
}

export function describeRollback(rollback: Rollback): string {
  const ref = (head: AuditHeadRef | null) => (head ? `entry #${head.seq} (${head.hash.slice(0, 12)}…)` : 'no entry');
  switch (rollback.reason) {
    case 'older':
      return `The vault database is older than the vault has been: its audit log ends at ${ref(rollback.found)}, but the vault had already reached ${ref(rollback.anchored)}. An older copy of vault.db was put back, or changes were lost (vault.db-wal deleted after a crash).`;
    case 'diverged':
      return `The vault database is not the one the vault had: at ${ref(rollback.anchored)} its audit log holds another entry (it ends at ${ref(rollback.found)}). An older copy was put back and changed since.`;
    case 'anchor-missing':
      return `The record of this vault's latest state (${ANCHOR_FILE}) is missing, although the database says it was kept; the database ends at ${ref(rollback.found)}. An older copy may have been put back.`;
    case 'anchor-invalid':
      return `The record of this vault's latest state (${ANCHOR_FILE}) was altered or belongs to another vault; the database ends at ${ref(rollback.found)}.`;
  }
}
