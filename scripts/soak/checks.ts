import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseBackupStart, TRAILER_BYTES } from '../../electron/core/backup/backupFile';
import { DocumentStore } from '../../electron/core/documents/documentStore';
import { DalelFailure } from '../../electron/core/errors';
import { unlockVault, verifyVaultAt } from '../../electron/core/vault/vault';
import { ANCHOR_FILE, DATABASE_FILE, HEADER_FILE, LOCK_FILE } from '../../electron/core/vault/vaultFiles';
import { BACKUP_FILE, BUNDLE_FILE, MANIFEST_FILE, passphraseOf, type Operation, type SoakPlaces } from './operations';

/**
 * The checks after every run, killed or not (issue 12, "Done when"). Each returns the problems it found
 * in plain words, so that a failure report says what was left.
 */

/** What the soak knows of the vault from the last check that passed: the documents committed by then. */
export interface VaultState {
  /** the passphrase in force is passphraseOf(generation) */
  generation: number;
  /** id → SHA-256 of every document listed */
  docs: Map<string, string>;
  /** documents whose pages are all read (what an export bundles) */
  readyDocs: string[];
}

/** What a vault folder holds at rest, after a clean lock: nothing of a write in progress. */
const AT_REST = new Set([HEADER_FILE, DATABASE_FILE, ANCHOR_FILE, LOCK_FILE]);

type Opened = { opens: true; docs: Array<{ id: string; sha256: string; status: string }> } | { opens: false; code: string };

/** Open the vault as the next `dalel` command would (settling whatever a killed run left), list, lock. */
async function open(vaultDir: string, generation: number): Promise<Opened> {
  try {
    const vault = await unlockVault(vaultDir, { passphrase: passphraseOf(generation) });
    try {
      return { opens: true, docs: new DocumentStore(vault.db).list().map(({ id, sha256, status }) => ({ id, sha256, status })) };
    } finally {
      vault.lock();
    }
  } catch (error) {
    if (error instanceof DalelFailure) return { opens: false, code: error.code };
    return { opens: false, code: `internal: ${(error as Error).message}` };
  }
}

/**
 * Exactly one passphrase opens the vault (old or new after a rotation, the current one otherwise); then,
 * with it, every check of `dalel verify --deep` passes (verifyVaultAt is that command's core), every
 * document committed before is there with the same SHA-256, and the folder holds only its files at rest.
 */
export async function checkVault(places: SoakPlaces, before: VaultState, rotation: { attempted: boolean; completed: boolean }): Promise<{ problems: string[]; state: VaultState | null }> {
  const problems: string[] = [];
  const current = await open(places.vaultDir, before.generation);
  let generation = before.generation;
  let opened = current;
  if (rotation.attempted) {
    const next = await open(places.vaultDir, before.generation + 1);
    if (current.opens === next.opens) {
      const say = (outcome: Opened) => (outcome.opens ? 'opens' : outcome.code);
      problems.push(`after passwd --rotate-key the old passphrase ${say(current)} and the new one ${say(next)}: exactly one must open the vault`);
    } else if (next.opens) {
      generation += 1;
      opened = next;
    } else if (rotation.completed) {
      problems.push('passwd --rotate-key reported success, yet the old passphrase still opens the vault and the new one does not');
    }
  } else if (!current.opens) {
    problems.push(`the passphrase in force no longer opens the vault: ${current.code}`);
  }
  if (!opened.opens || problems.length > 0) return { problems, state: null };

  const report = await verifyVaultAt(places.vaultDir, { passphrase: passphraseOf(generation) }, { deep: true });
  for (const check of report.checks.filter((item) => !item.ok)) problems.push(`verify --deep, ${check.check}: ${check.message}`);

  const now = new Map(opened.docs.map((doc) => [doc.id, doc.sha256]));
  for (const [id, sha256] of before.docs) {
    const found = now.get(id);
    if (found === undefined) problems.push(`document ${id} (committed before the run) is gone`);
    else if (found !== sha256) problems.push(`document ${id} changed its SHA-256 from ${sha256} to ${found}`);
  }

  for (const name of readdirSync(places.vaultDir)) {
    if (!AT_REST.has(name)) problems.push(`"${name}" is left in the vault folder after the next open`);
  }
  const readyDocs = opened.docs.filter((doc) => doc.status === 'ready').map((doc) => doc.id);
  return { problems, state: { generation, docs: now, readyDocs } };
}

/**
 * Files a run left in its own temp folder (TMPDIR): a killed run may leave none there either. tsx's
 * compile cache (`tsx-<uid>`) is the soak's loader, not Dalel's, and stays to keep start-up short.
 */
export function checkTempFolder(tmpDir: string): string[] {
  const left = readdirSync(tmpDir).filter((name) => !/^tsx-\d+$/.test(name));
  for (const name of left) rmSync(join(tmpDir, name), { recursive: true, force: true });
  return left.map((name) => `"${name}" is left in the run's temp folder (TMPDIR)`);
}

/**
 * Beside an export or backup target: the files under their final names are whole (written to a temp
 * file and renamed, never a half file under the final name), and the temp files of a killed run are
 * listed so that the next run can be checked to remove them. A finished backup is removed once checked
 * (the name must be free for the next one: a backup is never written over a file).
 */
export function checkTarget(operation: Operation, places: SoakPlaces): { problems: string[]; temps: string[] } {
  const dir = operation.targetDir!(places);
  const problems: string[] = [];
  const names = readdirSync(dir);
  // Anything but the final names: the temp files (name.tmp-<pid>-<hex>) and whatever else a run left.
  const temps = names.filter((name) => !(operation.finalNames ?? []).includes(name));
  if (names.includes(BUNDLE_FILE)) {
    const pdf = readFileSync(join(dir, BUNDLE_FILE));
    if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-')) || !pdf.subarray(-1024).includes('%%EOF')) problems.push(`${BUNDLE_FILE} is not a whole PDF (${pdf.length} bytes)`);
  }
  if (names.includes(MANIFEST_FILE)) {
    try {
      JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
    } catch {
      problems.push(`${MANIFEST_FILE} is not whole JSON`);
    }
  }
  if (names.includes(BACKUP_FILE)) {
    const why = incompleteBackup(join(dir, BACKUP_FILE));
    if (why) problems.push(`${BACKUP_FILE} is not a whole backup: ${why}`);
    else rmSync(join(dir, BACKUP_FILE));
  }
  return { problems, temps };
}

/** Why a backup file is not whole (its header's length and the SHA-256 in its trailer), or null. */
function incompleteBackup(file: string): string | null {
  const bytes = readFileSync(file);
  try {
    const { header, databaseOffset } = parseBackupStart(bytes, bytes.length);
    const database = bytes.subarray(databaseOffset, databaseOffset + header.database.bytes);
    const recorded = bytes.subarray(bytes.length - TRAILER_BYTES, bytes.length - TRAILER_BYTES + 32);
    return createHash('sha256').update(database).digest().equals(recorded) ? null : 'its database does not hash to the SHA-256 in its trailer';
  } catch (error) {
    return (error as Error).message;
  }
}
