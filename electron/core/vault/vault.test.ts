import { chmodSync, cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DalelFailure } from '../errors';
import { TEST_KDF, hashFolder, tempDir } from '../testing/fixtures';
import { HEADER_FILE } from './header';
import { createVault, unlockVault, type Vault } from './vault';

const PASSPHRASE = 'жаңа құпия сөз — steppe 2026';

async function failureCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DalelFailure) return error.code;
    throw error;
  }
  throw new Error('expected a failure, the call succeeded');
}

describe('vault', () => {
  let dir: ReturnType<typeof tempDir>;
  let vaultDir: string;
  const open: Vault[] = [];

  beforeEach(() => {
    dir = tempDir();
    vaultDir = join(dir.path, 'My Vault');
  });
  afterEach(() => {
    for (const vault of open.splice(0)) vault.lock();
    dir.remove();
  });

  async function create(): Promise<{ vault: Vault; recoveryCode: string }> {
    const created = await createVault(vaultDir, PASSPHRASE, { kdf: TEST_KDF });
    open.push(created.vault);
    return created;
  }
  async function unlock(secret: Parameters<typeof unlockVault>[1]): Promise<Vault> {
    const vault = await unlockVault(vaultDir, secret, { kdf: TEST_KDF });
    open.push(vault);
    return vault;
  }

  it('creates, locks and unlocks again with the data intact', async () => {
    const { vault } = await create();
    vault.audit({ action: 'test.marker', subject: 'doc-1', details: { note: 'round trip' } });
    vault.lock();
    expect(() => vault.db).toThrow(DalelFailure);

    const again = await unlock({ passphrase: PASSPHRASE });
    const actions = (again.db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map(
      (row) => row.action,
    );
    expect(actions).toEqual(['vault.created', 'test.marker', 'vault.unlocked']);
    expect(again.verify().ok).toBe(true);
  });

  it('sets the durability and secrecy pragmas on the connection', async () => {
    const { vault } = await create();
    expect(vault.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(vault.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(vault.db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    expect(vault.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(vault.db.pragma('cipher', { simple: true })).toBe('sqlcipher');
  });

  it('refuses a wrong passphrase 100 times in a row without changing a byte in the vault folder', async () => {
    const { vault } = await create();
    vault.lock();
    const before = hashFolder(vaultDir);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(2);
    for (let attempt = 0; attempt < 100; attempt += 1) {
      expect(await failureCode(unlockVault(vaultDir, { passphrase: `${PASSPHRASE}${attempt}` }, { kdf: TEST_KDF }))).toBe(
        'wrong-passphrase',
      );
    }
    expect(hashFolder(vaultDir)).toEqual(before);
  }, 180_000);

  it('unlocks with the recovery code, however it is typed back', async () => {
    const { vault, recoveryCode } = await create();
    expect(recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    vault.lock();
    const sloppy = ` ${recoveryCode.toLowerCase().replaceAll('-', ' ')} `;
    const unlocked = await unlock({ recoveryCode: sloppy });
    expect(unlocked.verify().ok).toBe(true);
    unlocked.lock();
    expect(await failureCode(unlockVault(vaultDir, { recoveryCode: 'ABCD-EFGH' }, { kdf: TEST_KDF }))).toBe('wrong-passphrase');
    const other = recoveryCode.replace(/^./, (ch) => (ch === '2' ? '3' : '2'));
    expect(await failureCode(unlockVault(vaultDir, { recoveryCode: other }, { kdf: TEST_KDF }))).toBe('wrong-passphrase');
  });

  it('after a passphrase change the old passphrase fails, the new one and the recovery code work', async () => {
    const { vault, recoveryCode } = await create();
    const next = 'another long passphrase 42';
    expect(await failureCode(vault.changePassphrase('not the current one', next))).toBe('wrong-passphrase');
    expect(await failureCode(vault.changePassphrase(PASSPHRASE, 'short'))).toBe('validation');
    await vault.changePassphrase(PASSPHRASE, next);
    vault.lock();

    expect(await failureCode(unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF }))).toBe('wrong-passphrase');
    const withNew = await unlock({ passphrase: next });
    const actions = (withNew.db.prepare('SELECT action FROM audit_log').all() as { action: string }[]).map((r) => r.action);
    expect(actions).toContain('vault.passphrase-changed');
    withNew.lock();
    (await unlock({ recoveryCode })).lock();
  });

  it('someone who forgot the passphrase can set a new one with the recovery code', async () => {
    const { vault, recoveryCode } = await create();
    vault.lock();
    const unlocked = await unlock({ recoveryCode });
    await unlocked.changePassphrase(recoveryCode.toLowerCase(), 'the new remembered passphrase');
    unlocked.lock();
    expect(await failureCode(unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF }))).toBe('wrong-passphrase');
    (await unlock({ passphrase: 'the new remembered passphrase' })).lock();
    (await unlock({ recoveryCode })).lock();
  });

  it('lock closes the database and zero-fills the data key', async () => {
    const { vault } = await create();
    const key = (vault as unknown as { dataKey: Buffer }).dataKey;
    expect(key.some((byte) => byte !== 0)).toBe(true);
    vault.lock();
    expect(key.every((byte) => byte === 0)).toBe(true);
    expect(vault.isOpen).toBe(false);
    expect(await failureCode(vault.changePassphrase(PASSPHRASE, 'whatever long enough'))).toBe('vault-locked');
    vault.lock(); // twice is harmless
  });

  it('refuses to create over an existing vault or in a folder with other files', async () => {
    (await create()).vault.lock();
    expect(await failureCode(createVault(vaultDir, PASSPHRASE, { kdf: TEST_KDF }))).toBe('vault-exists');
    writeFileSync(join(dir.path, 'letter.txt'), 'not a vault');
    expect(await failureCode(createVault(dir.path, PASSPHRASE, { kdf: TEST_KDF }))).toBe('validation');
    expect(await failureCode(createVault(join(dir.path, 'letter.txt'), PASSPHRASE, { kdf: TEST_KDF }))).toBe('validation');
  });

  it('refuses a passphrase shorter than the minimum and KDF settings below the floor', async () => {
    expect(await failureCode(createVault(vaultDir, 'too short', { kdf: TEST_KDF }))).toBe('validation');
    expect(
      await failureCode(createVault(vaultDir, PASSPHRASE, { kdf: { ...TEST_KDF, memoryKiB: 1024 } })),
    ).toBe('corrupt-vault');
  });

  it('keeps the vault files 0600 in a 0700 folder, and tightens an older vault’s looser modes on unlock', async () => {
    const mode = (path: string) => statSync(path).mode & 0o777;
    const { vault } = await create();
    vault.lock();
    expect(mode(vaultDir)).toBe(0o700);
    for (const name of readdirSync(vaultDir)) expect(mode(join(vaultDir, name)), name).toBe(0o600);
    chmodSync(join(vaultDir, 'vault.db'), 0o644); // as vault.db was created before
    chmodSync(vaultDir, 0o755);
    (await unlock({ passphrase: PASSPHRASE })).lock();
    expect(mode(vaultDir)).toBe(0o700);
    expect(mode(join(vaultDir, 'vault.db'))).toBe(0o600);
  });

  it('removes a header temp file a killed write left in the vault folder on the next unlock', async () => {
    const { vault } = await create();
    vault.lock();
    writeFileSync(join(vaultDir, `${HEADER_FILE}.tmp-999999`), 'half a header');
    writeFileSync(join(vaultDir, 'dalel-anchor.json.tmp-4242'), '{');
    (await unlock({ passphrase: PASSPHRASE })).lock();
    expect(readdirSync(vaultDir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('reports a missing vault as vault-not-found', async () => {
    expect(await failureCode(unlockVault(join(dir.path, 'nowhere'), { passphrase: PASSPHRASE }))).toBe('vault-not-found');
  });

  describe('header validation', () => {
    function editHeader(edit: (header: Record<string, unknown>) => void): void {
      const file = join(vaultDir, HEADER_FILE);
      const header = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      edit(header);
      writeFileSync(file, JSON.stringify(header));
    }
    const slot0 = (header: Record<string, unknown>) =>
      (header.slots as Array<{ kdf: Record<string, unknown>; wrappedKey: Record<string, string> }>)[0]!;

    // One vault made once (two key derivations), copied afresh for each test to edit.
    let pristine: ReturnType<typeof tempDir>;
    beforeAll(async () => {
      pristine = tempDir();
      (await createVault(join(pristine.path, 'vault'), PASSPHRASE, { kdf: TEST_KDF })).vault.lock();
    });
    afterAll(() => pristine.remove());
    beforeEach(() => {
      cpSync(join(pristine.path, 'vault'), vaultDir, { recursive: true });
    });

    it.each([
      ['memory below the floor', (h: Record<string, unknown>) => (slot0(h).kdf.memoryKiB = 8 * 1024)],
      ['iterations below the floor', (h: Record<string, unknown>) => (slot0(h).kdf.iterations = 1)],
      ['absurd memory', (h: Record<string, unknown>) => (slot0(h).kdf.memoryKiB = 64 * 1024 * 1024)],
      ['absurd iterations', (h: Record<string, unknown>) => (slot0(h).kdf.iterations = 1_000_000)],
      ['unknown KDF', (h: Record<string, unknown>) => (slot0(h).kdf.name = 'pbkdf2')],
      ['unknown cipher', (h: Record<string, unknown>) => (h.cipher = { name: 'rot13', legacy: 4 })],
      ['newer format', (h: Record<string, unknown>) => (h.version = 99)],
      ['version 0', (h: Record<string, unknown>) => (h.version = 0)],
      ['version -7', (h: Record<string, unknown>) => (h.version = -7)],
      ['version "1" as text', (h: Record<string, unknown>) => (h.version = '1')],
      ['no slots', (h: Record<string, unknown>) => (h.slots = [])],
      ['a GCM tag cut to 4 bytes', (h: Record<string, unknown>) => (slot0(h).wrappedKey.tag = Buffer.from(slot0(h).wrappedKey.tag!, 'base64').subarray(0, 4).toString('base64'))],
      ['a GCM tag of 15 bytes', (h: Record<string, unknown>) => (slot0(h).wrappedKey.tag = Buffer.from(slot0(h).wrappedKey.tag!, 'base64').subarray(0, 15).toString('base64'))],
      ['an 8-byte GCM nonce', (h: Record<string, unknown>) => (slot0(h).wrappedKey.nonce = Buffer.alloc(8, 1).toString('base64'))],
      ['a 16-byte GCM nonce', (h: Record<string, unknown>) => (slot0(h).wrappedKey.nonce = Buffer.alloc(16, 1).toString('base64'))],
      ['a wrapped key that is not 32 bytes', (h: Record<string, unknown>) => (slot0(h).wrappedKey.ciphertext = Buffer.alloc(16, 1).toString('base64'))],
      ['an 8-byte salt', (h: Record<string, unknown>) => (slot0(h).kdf.salt = Buffer.alloc(8, 1).toString('base64'))],
      ['1 GiB of memory (over a few seconds per attempt)', (h: Record<string, unknown>) => (slot0(h).kdf.memoryKiB = 1024 * 1024)],
      ['512 MiB × 4 passes (over the time budget)', (h: Record<string, unknown>) => Object.assign(slot0(h).kdf, { memoryKiB: 512 * 1024, iterations: 4 })],
      ['two passphrase slots', (h: Record<string, unknown>) => (h.slots = [slot0(h), slot0(h)])],
    ])('refuses a header with %s as corrupt-vault, before deriving anything', async (_name, edit) => {
      editHeader(edit);
      expect(await failureCode(unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF }))).toBe('corrupt-vault');
    });

    it('refuses a header that is not JSON, or cut short', async () => {
      const whole = readFileSync(join(vaultDir, HEADER_FILE), 'utf8');
      writeFileSync(join(vaultDir, HEADER_FILE), '{"format": "dalel-vault", ');
      expect(await failureCode(unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF }))).toBe('corrupt-vault');
      writeFileSync(join(vaultDir, HEADER_FILE), whole.slice(0, Math.floor(whole.length * 0.7)));
      expect(await failureCode(unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF }))).toBe('corrupt-vault');
      writeFileSync(join(vaultDir, HEADER_FILE), whole);
      (await unlock({ passphrase: PASSPHRASE })).lock(); // control: the untouched header opens
    });

    it('control for the tag checks: the same edits that are refused above leave a well-formed header opening', async () => {
      editHeader((h) => (slot0(h).wrappedKey.tag = Buffer.from(slot0(h).wrappedKey.tag!, 'base64').toString('base64')));
      (await unlock({ passphrase: PASSPHRASE })).lock();
    });

    it('treats an altered wrapped key as a failed unlock, not as a different key', async () => {
      editHeader((h) => {
        const wrapped = slot0(h).wrappedKey;
        const bytes = Buffer.from(wrapped.ciphertext!, 'base64');
        bytes[0]! ^= 1;
        wrapped.ciphertext = bytes.toString('base64');
      });
      expect(await failureCode(unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF }))).toBe('wrong-passphrase');
    });

    it('reports a damaged database file as corrupt-vault once the key is known to be right', async () => {
      const file = join(vaultDir, 'vault.db');
      const bytes = readFileSync(file);
      bytes.fill(0x41, 0, 4096);
      writeFileSync(file, bytes);
      expect(await failureCode(unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF }))).toBe('corrupt-vault');
    });
  });
});
