import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KDF, tempDir } from '../core/testing/fixtures';
import { addTextDocument } from '../core/testing/textDocuments';
import { forkVaultChild } from '../core/testing/vaultChildProcess';
import { createVault } from '../core/vault/vault';
import { runCli } from './main';

const PASSPHRASE = 'Қазақстан 2026 long passphrase';
const NEXT = 'the passphrase after rotation';

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (text) => (out += text), stderr: (text) => (err += text) }, { env });
  return { code, out, err };
}

/** A failure with --json: exit 1, one JSON line on stderr with the code, no stack trace. */
function errorOf(result: { code: number; err: string }): { code: string; message: string } {
  expect(result.code).toBe(1);
  expect(result.err).not.toMatch(/\n\s+at /);
  return (JSON.parse(result.err) as { error: { code: string; message: string } }).error;
}

describe('dalel vault commands', () => {
  let dir: ReturnType<typeof tempDir>;
  let vault: string;
  let recoveryCode: string;
  const env = () => ({ DALEL_PASSPHRASE: PASSPHRASE });

  beforeEach(async () => {
    dir = tempDir();
    vault = join(dir.path, 'vault');
    const created = await createVault(vault, PASSPHRASE, { kdf: TEST_KDF });
    recoveryCode = created.recoveryCode;
    created.vault.lock();
  });
  afterEach(() => dir.remove());

  it('verify --json names every check; --deep adds the originals; the plain form lists them', async () => {
    const quick = await run(['verify', vault, '--json'], env());
    expect(quick.code).toBe(0);
    const report = JSON.parse(quick.out) as { ok: boolean; deep: boolean; checks: Array<{ check: string; ok: boolean }> };
    expect(report).toMatchObject({ ok: true, deep: false });
    expect(report.checks.map((check) => check.check)).toEqual(['pages', 'structure', 'audit-chain', 'anchor']);
    const deep = JSON.parse((await run(['verify', vault, '--deep', '--json'], env())).out) as typeof report;
    expect(deep.checks.map((check) => check.check)).toContain('originals');
    const plain = await run(['verify', vault], env());
    expect(plain.out).toMatch(/✓ Page authentication: all \d+ pages of vault\.db are intact\./);
  });

  it('a zero-length vault.db is corrupt-vault for every command, and verify fails its page check', async () => {
    writeFileSync(join(vault, 'vault.db'), '');
    expect(errorOf(await run(['docs', vault, '--json'], env())).code).toBe('corrupt-vault');
    const verify = await run(['verify', vault, '--json'], env());
    expect(verify.code).toBe(1);
    expect(JSON.parse(verify.out).checks[0]).toMatchObject({ check: 'pages', ok: false, code: 'corrupt-vault' });
  });

  it('passwd --rotate-key prints a new recovery code; the old passphrase and code fail, the new ones work', async () => {
    const rotated = await run(['passwd', vault, '--rotate-key', '--json'], { DALEL_PASSPHRASE: PASSPHRASE, DALEL_NEW_PASSPHRASE: NEXT });
    expect(rotated.code, rotated.err).toBe(0);
    const output = JSON.parse(rotated.out) as { keyRotated: boolean; recoveryCode: string };
    expect(output).toMatchObject({ vault, keyRotated: true, recoveryCode: expect.stringMatching(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/) });
    expect(errorOf(await run(['docs', vault, '--json'], env())).code).toBe('wrong-passphrase');
    expect(errorOf(await run(['docs', vault, '--recovery-code', '--json'], { DALEL_RECOVERY_CODE: recoveryCode })).code).toBe('wrong-passphrase');
    expect((await run(['verify', vault, '--deep', '--json'], { DALEL_PASSPHRASE: NEXT })).code).toBe(0);
    expect((await run(['docs', vault, '--recovery-code', '--json'], { DALEL_RECOVERY_CODE: output.recoveryCode })).code).toBe(0);
  });

  it('recovery-code prints a new code; the old one stops working', async () => {
    const fresh = await run(['recovery-code', vault, '--json'], env());
    expect(fresh.code, fresh.err).toBe(0);
    const code = (JSON.parse(fresh.out) as { recoveryCode: string }).recoveryCode;
    expect(code).not.toBe(recoveryCode);
    expect(errorOf(await run(['docs', vault, '--recovery-code', '--json'], { DALEL_RECOVERY_CODE: recoveryCode })).code).toBe('wrong-passphrase');
    expect((await run(['docs', vault, '--recovery-code', '--json'], { DALEL_RECOVERY_CODE: code })).code).toBe(0);
  });

  it('an older vault.db put back is vault-rolled-back naming both heads, until acknowledge-restore records it', async () => {
    const older = join(dir.path, 'older.db');
    copyFileSync(join(vault, 'vault.db'), older);
    expect((await run(['docs', vault, '--json'], env())).code).toBe(0);
    copyFileSync(older, join(vault, 'vault.db'));

    const refused = errorOf(await run(['docs', vault, '--json'], env()));
    expect(refused.code).toBe('vault-rolled-back');
    expect(refused.message).toMatch(/ends at entry #1 .*reached entry #3/);
    const acknowledged = await run(['acknowledge-restore', vault, '--json'], env());
    expect(acknowledged.code, acknowledged.err).toBe(0);
    expect(JSON.parse(acknowledged.out)).toMatchObject({ acknowledged: { reason: 'older', anchored: { seq: 3 }, found: { seq: 1 } } });
    expect((await run(['docs', vault, '--json'], env())).code).toBe(0);
    expect(JSON.parse((await run(['acknowledge-restore', vault, '--json'], env())).out)).toMatchObject({ acknowledged: null });
  });

  it('a vault another process has open is vault-in-use, naming its pid and program', async () => {
    const child = forkVaultChild(['hold', vault, PASSPHRASE, 'Dalel']);
    try {
      const { pid } = await child.next();
      const refused = errorOf(await run(['docs', vault, '--json'], env()));
      expect(refused).toMatchObject({ code: 'vault-in-use', message: expect.stringContaining(`Dalel (process ${pid}`) });
    } finally {
      child.process.kill('SIGKILL');
      await child.exited;
    }
  });

  it('wipe needs the folder’s name typed: without it nothing happens; with it the vault is gone', async () => {
    expect((await run(['wipe', vault, '--json'])).code).toBe(2); // no terminal to ask on
    expect(errorOf(await run(['wipe', vault, '--confirm', 'yes', '--json'])).code).toBe('validation');
    expect(existsSync(join(vault, 'dalel-vault.json'))).toBe(true);
    const wiped = await run(['wipe', vault, '--confirm', 'vault', '--json']);
    expect(wiped.code, wiped.err).toBe(0);
    expect(JSON.parse(wiped.out)).toMatchObject({ vault, wiped: true, leftInPlace: [] });
    expect(existsSync(vault)).toBe(false);
  });

  it('original never writes into the vault folder or over a file; backup and restore round-trip with plain errors', async () => {
    const opened = await createVault(join(dir.path, 'other'), PASSPHRASE, { kdf: TEST_KDF });
    const docId = addTextDocument(opened.vault.db, { title: 'Letter', pages: ['Письмо'] });
    opened.vault.lock();
    const other = join(dir.path, 'other');
    expect(errorOf(await run(['original', other, docId, '-o', join(other, 'dalel-vault.json'), '--json'], env())).code).toBe('unsafe-target');
    writeFileSync(join(dir.path, 'taken.jpg'), 'mine');
    expect(errorOf(await run(['original', other, docId, '-o', join(dir.path, 'taken.jpg'), '--json'], env())).code).toBe('target-exists');
    expect(readFileSync(join(dir.path, 'taken.jpg'), 'utf8')).toBe('mine');
    expect((await run(['original', other, docId, '-o', join(dir.path, 'letter.jpg'), '--json'], env())).code).toBe(0);

    const backupFile = join(dir.path, 'other.dalelbackup');
    const backup = await run(['backup', other, backupFile, '--json'], env());
    expect(backup.code, backup.err).toBe(0);
    expect(JSON.parse(backup.out)).toMatchObject({ file: backupFile, documents: 1 });
    expect(errorOf(await run(['backup', other, backupFile, '--json'], env())).code).toBe('target-exists');
    expect(errorOf(await run(['restore', backupFile, vault, '--json'], env())).code).toBe('vault-exists');
    expect(errorOf(await run(['restore', backupFile, join(dir.path, 'r'), '--json'], { DALEL_PASSPHRASE: 'a wrong passphrase here' })).code).toBe('wrong-passphrase');
    const restored = await run(['restore', backupFile, join(dir.path, 'r'), '--json'], env());
    expect(restored.code, restored.err).toBe(0);
    expect(JSON.parse(restored.out)).toMatchObject({ vault: join(dir.path, 'r'), documents: 1 });
    expect(JSON.parse((await run(['docs', join(dir.path, 'r'), '--json'], env())).out)).toHaveLength(1);
  });
});
