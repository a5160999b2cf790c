import { dirname, join, resolve } from 'node:path';
import { appendAudit } from '../audit/auditLog';
import { DalelFailure } from '../errors';
import type { VaultDatabase } from '../vault/database';

/**
 * What makes a vault the demo vault, and where it lives. Kept apart from the demo's builder so that the
 * session and the import service can ask "is this the demo vault?" without depending on it.
 */

/** The demo vault's folder, beside the default vault's ("Documents/Dalel Demo Vault"). */
export const DEMO_VAULT_FOLDER = 'Dalel Demo Vault';

/**
 * vault_meta row marking the demo vault. It lives inside the encrypted database (vault_meta, migration
 * 0001: no schema change), written before the header that makes the folder a vault, so a demo vault is
 * never without it; nothing in Dalel removes it, and nothing but the demo's creation writes it.
 */
export const DEMO_MARK_KEY = 'demo.vault';

/** The demo vault's folder for an app whose default vault folder is `defaultVaultPath`; never that folder itself. */
export function demoVaultPath(defaultVaultPath: string): string {
  return join(dirname(resolve(defaultVaultPath)), DEMO_VAULT_FOLDER);
}

/** Mark a vault being created as the demo vault (see createVault's `initialise`), with its audit entry. */
export function markDemoVault(db: VaultDatabase, now: Date): void {
  db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?)').run(DEMO_MARK_KEY, JSON.stringify({ markedAt: now.toISOString(), samples: 'resources/demo' }));
  appendAudit(db, { action: 'vault.demo-marked', subject: null }, now);
}

export function isDemoVault(db: VaultDatabase): boolean {
  return db.prepare('SELECT 1 FROM vault_meta WHERE key = ?').get(DEMO_MARK_KEY) !== undefined;
}

/** The refusal of anything that would put real case data, or a secret of its own, into the demo vault. */
export function demoVaultRefusal(what: string): DalelFailure {
  return new DalelFailure('demo-vault', `This is the demo vault with sample documents: ${what} is refused here. Create your own vault for real documents.`);
}
