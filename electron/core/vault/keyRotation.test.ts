import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAudit } from '../audit/auditLog';
import { DocumentStore } from '../documents/documentStore';
import { DalelFailure } from '../errors';
import { AppConfigStore } from '../session/appConfig';
import { VaultSession } from '../session/vaultSession';
import { TEST_KDF, tempDir } from '../testing/fixtures';
import { forkVaultChild } from '../testing/vaultChildProcess';
import { createVault, unlockVault, verifyVaultAt, type UnlockSecret } from './vault';
import { ANCHOR_FILE, DATABASE_FILE, HEADER_FILE, LOCK_FILE } from './vaultFiles';

const OLD = 'the passphrase before the rotation';
const NEW = 'the passphrase after the rotation';

/**
 * SIGKILLs during `rotateKey` at random moments. CI runs a handful; DALEL_SOAK_ITERATIONS=50 runs the 50
 * issue 12 asks for. `npm run soak` (scripts/soak) kills the CLI's `passwd --rotate-key` among the other
 * operations.
 */
const KILL_ITERATIONS = Number(process.env.DALEL_SOAK_ITERATIONS ?? 4);

async function outcome(dir: string, secret: UnlockSecret): Promise<string> {
  try {
    (await unlockVault(dir, secret, { kdf: TEST_KDF })).lock();
    return 'opens';
  } catch (error) {
    if (error instanceof DalelFailure) return error.code;
    throw error;
  }
}

describe('data-key rotation', () => {
  let dir: ReturnType<typeof tempDir>;
  let vaultDir: string;
  let recoveryCode: string;

  beforeEach(async () => {
    dir = tempDir();
    vaultDir = join(dir.path, 'vault');
    const created = await createVault(vaultDir, OLD, { kdf: TEST_KDF });
    recoveryCode = created.recoveryCode;
    const store = new DocumentStore(created.vault.db);
    created.vault.db.transaction(() => {
      // ~6 MB, so copying and re-keying take a moment a kill can land in
      for (let index = 0; index < 60; index += 1) {
        store.insert({ fileName: `scan-${index}.png`, title: `Scan ${index}`, kind: 'png', mime: 'image/png', pageCount: 1, warnings: [], languages: ['rus'], original: randomBytes(100_000), now: new Date() });
      }
    })();
    created.vault.lock();
  });
  afterEach(() => dir.remove());

  it('after rotation the old passphrase, the old recovery code and an old header copy open nothing; the new ones open the same data', async () => {
    const oldHeader = readFileSync(join(vaultDir, HEADER_FILE));
    const vault = await unlockVault(vaultDir, { passphrase: OLD }, { kdf: TEST_KDF });
    const started = performance.now();
    const { vault: rotated, recoveryCode: newCode } = await vault.rotateKey(OLD, NEW);
    const seconds = (performance.now() - started) / 1000;
    expect(vault.isOpen).toBe(false);
    expect(readAudit(rotated.db).at(-1)).toMatchObject({ action: 'vault.key-rotated' });
    expect(new DocumentStore(rotated.db).list()).toHaveLength(60);
    rotated.lock();
    // Measured for the note in README: ~6 MB here.
    console.info(`rotateKey of a ${Math.round(readFileSync(join(vaultDir, DATABASE_FILE)).length / 1e6)} MB vault: ${seconds.toFixed(2)} s`);

    expect(await outcome(vaultDir, { passphrase: OLD })).toBe('wrong-passphrase');
    expect(await outcome(vaultDir, { recoveryCode })).toBe('wrong-passphrase');
    expect(await outcome(vaultDir, { passphrase: NEW })).toBe('opens');
    expect(await outcome(vaultDir, { recoveryCode: newCode })).toBe('opens');
    expect((await verifyVaultAt(vaultDir, { passphrase: NEW }, { deep: true })).ok).toBe(true);
    expect(readdirSync(vaultDir).sort()).toEqual([ANCHOR_FILE, HEADER_FILE, LOCK_FILE, DATABASE_FILE].sort());

    // The old header copy unwraps the old key, which no longer decrypts the database.
    writeFileSync(join(vaultDir, HEADER_FILE), oldHeader);
    expect(await outcome(vaultDir, { passphrase: OLD })).toBe('corrupt-vault');
  });

  it('control: a passphrase change alone leaves an old header copy with the old passphrase opening the vault', async () => {
    const oldHeader = readFileSync(join(vaultDir, HEADER_FILE));
    const vault = await unlockVault(vaultDir, { passphrase: OLD }, { kdf: TEST_KDF });
    await vault.changePassphrase(OLD, NEW);
    vault.lock();
    expect(await outcome(vaultDir, { passphrase: OLD })).toBe('wrong-passphrase');
    writeFileSync(join(vaultDir, HEADER_FILE), oldHeader);
    expect(await outcome(vaultDir, { passphrase: OLD })).toBe('opens');
  });

  it('a new recovery code replaces the old one, which stops opening the vault', async () => {
    expect(await outcome(vaultDir, { recoveryCode })).toBe('opens'); // control
    const vault = await unlockVault(vaultDir, { passphrase: OLD }, { kdf: TEST_KDF });
    await expect(vault.regenerateRecoveryCode('not the passphrase')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    const { recoveryCode: fresh } = await vault.regenerateRecoveryCode(OLD);
    expect(readAudit(vault.db).at(-1)).toMatchObject({ action: 'vault.recovery-code-replaced' });
    vault.lock();
    expect(fresh).not.toBe(recoveryCode);
    expect(await outcome(vaultDir, { recoveryCode })).toBe('wrong-passphrase');
    expect(await outcome(vaultDir, { recoveryCode: fresh })).toBe('opens');
    expect(await outcome(vaultDir, { passphrase: OLD })).toBe('opens');
  });

  it('the app rotates through its session: the services stop and start again on the re-keyed vault', async () => {
    const session = new VaultSession({ config: new AppConfigStore(join(dir.path, 'config.json')), defaultVaultPath: vaultDir, kdf: TEST_KDF });
    const seen: string[] = [];
    session.addLifecycle({ opened: (vault) => seen.push(`opened ${vault.isOpen}`), closing: async () => void seen.push('closing') });
    await session.unlock(vaultDir, { passphrase: OLD });
    const before = session.vault();
    const { recoveryCode: fresh } = await session.rotateKey(OLD, NEW);
    expect(session.vault()).not.toBe(before);
    expect(new DocumentStore(session.vault().db).list()).toHaveLength(60);
    expect(seen).toEqual(['opened true', 'closing', 'opened true']);
    await session.dispose();
    expect(await outcome(vaultDir, { recoveryCode: fresh })).toBe('opens');
  });

  it(`survives SIGKILL at any moment: exactly one of the old and new passphrases opens, nothing is lost, no file is left over (${KILL_ITERATIONS} kills)`, async () => {
    const pristine = join(dir.path, 'pristine');
    cpSync(vaultDir, pristine, { recursive: true });
    const restore = () => {
      rmSync(vaultDir, { recursive: true, force: true });
      cpSync(pristine, vaultDir, { recursive: true });
    };

    // How long a whole rotation takes here, from the child's unlock to its end, and when vault.db.next
    // exists (copied, re-keyed, switched in): the window where a kill can do harm.
    const timed = forkVaultChild(['rotate', vaultDir, OLD, NEW]);
    expect(await timed.next()).toMatchObject({ ready: true });
    const started = performance.now();
    const window = { from: Infinity, to: 0 };
    const poll = setInterval(() => {
      if (!existsSync(join(vaultDir, `${DATABASE_FILE}.next`))) return;
      const now = performance.now() - started;
      window.from = Math.min(window.from, now);
      window.to = Math.max(window.to, now);
    }, 1);
    expect(await timed.next()).toMatchObject({ done: true });
    clearInterval(poll);
    const duration = performance.now() - started;
    await timed.exited;
    expect(window.to).toBeGreaterThan(0);
    expect(await outcome(vaultDir, { passphrase: NEW })).toBe('opens');

    const seen = { old: 0, new: 0 };
    for (let iteration = 0; iteration < KILL_ITERATIONS; iteration += 1) {
      restore();
      const child = forkVaultChild(['rotate', vaultDir, OLD, NEW]);
      expect(await child.next()).toMatchObject({ ready: true });
      // A third spread over the whole rotation (and a little after); two thirds over the file work, from
      // just before the copy to just after the switch — the key derivations before it take most of the
      // time but touch no file.
      const span = window.to - window.from;
      const delay = Math.random() < 1 / 3 ? Math.random() * duration * 1.1 : window.from - 0.2 * span + Math.random() * 1.6 * span;
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.process.kill('SIGKILL');
      await child.exited;

      const withOld = await outcome(vaultDir, { passphrase: OLD });
      const withNew = await outcome(vaultDir, { passphrase: NEW });
      expect([withOld, withNew].sort(), `iteration ${iteration}`).toEqual(['opens', 'wrong-passphrase']);
      const passphrase = withOld === 'opens' ? OLD : NEW;
      seen[withOld === 'opens' ? 'old' : 'new'] += 1;
      const report = await verifyVaultAt(vaultDir, { passphrase }, { deep: true });
      expect(report.checks.filter((item) => !item.ok), `iteration ${iteration}`).toEqual([]);
      const vault = await unlockVault(vaultDir, { passphrase }, { kdf: TEST_KDF });
      expect(new DocumentStore(vault.db).list()).toHaveLength(60);
      vault.lock();
      expect(readdirSync(vaultDir).sort(), `iteration ${iteration}`).toEqual([ANCHOR_FILE, HEADER_FILE, LOCK_FILE, DATABASE_FILE].sort());
    }
    console.info(
      `rotateKey kill loop: ${KILL_ITERATIONS} kills over ${Math.round(duration)} ms (file work ${Math.round(window.from)}–${Math.round(window.to)} ms), old key kept ${seen.old}×, new key in force ${seen.new}×`,
    );
  }, 60_000 + KILL_ITERATIONS * 15_000);
});
