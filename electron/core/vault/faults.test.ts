import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentStore } from '../documents/documentStore';
import { DalelFailure, failureFrom } from '../errors';
import { SearchService } from '../search/searchService';
import { RegisterStore } from '../tagging/registerStore';
import { TEST_KDF, hashFolder, tempDir } from '../testing/fixtures';
import { createVault, unlockVault } from './vault';
import { HEADER_FILE } from './vaultFiles';

/**
 * Faults are errors, not crashes: a full disk and read-only media, each giving its code, no stack trace,
 * nothing half-written, and the vault working again afterwards. Real faults where this machine can make
 * them (a small tmpfs and a read-only bind mount in a private mount namespace: `unshare -m` as root,
 * `unshare -Urm` where user namespaces are allowed); injected ones (SQLite's max_page_count gives the
 * SQLITE_FULL a full disk gives, /dev/full gives Node a real ENOSPC) everywhere.
 */
const PASSPHRASE = 'faults are errors, not crashes';
const ROOT = join(__dirname, '..', '..', '..');

function namespaceCommand(): string[] | null {
  for (const flags of [['-m'], ['-Urm']]) {
    const probe = spawnSync('unshare', [...flags, 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs /mnt 2>/dev/null || mount -t tmpfs -o size=1m tmpfs /tmp'], { stdio: 'ignore' });
    if (probe.status === 0) return ['unshare', ...flags];
  }
  return null;
}
const NAMESPACE = process.platform === 'linux' ? namespaceCommand() : null;
const HAS_DEV_FULL = existsSync('/dev/full');
if (!HAS_DEV_FULL) console.warn('skipped: the real-ENOSPC header write, this system has no /dev/full');
const WHY_SKIPPED = 'no private mount namespace here (unshare -m / -Urm refused): the injected faults below still run';

function persons(count: number, prefix: string): Array<{ id: string; name: string; variants: string[]; role: 'other'; protected: boolean; relations: [] }> {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-${index}`,
    name: `Person ${prefix} ${index} ${'Жұмабекұлы '.repeat(20)}`,
    variants: [`Variant ${index} ${'x'.repeat(200)}`],
    role: 'other',
    protected: false,
    relations: [],
  }));
}

async function makeVault(vaultDir: string): Promise<void> {
  const { vault } = await createVault(vaultDir, PASSPHRASE, { kdf: TEST_KDF });
  const store = new DocumentStore(vault.db);
  vault.db.transaction(() => {
    const { id } = store.insert({ fileName: 'refusal.png', title: 'Refusal', kind: 'png', mime: 'image/png', pageCount: 1, warnings: [], languages: ['rus'], original: Buffer.from('original bytes'), now: new Date() });
    const png = { data: Buffer.from('png'), mime: 'image/png' };
    store.savePage(id, 1, { source: 'ocr', text: 'Отказ Айгерим Дәулетқызы', words: [], confidence: 90, width: 10, height: 10, dpi: 300, rotation: 0, skew: 0, image: png, thumb: png }, vault.searchIndex);
  })();
  vault.lock();
}

/** One `dalel` command run by the shell script inside the namespace: its exit code and output. */
interface Ran {
  code: number;
  out: string;
  err: string;
}

function runInNamespace(script: string, env: NodeJS.ProcessEnv, results: string): Record<string, Ran> {
  const cli = `"${process.execPath}" --import tsx "${join(ROOT, 'electron/cli/main.ts')}"`;
  const run = `run() { name=$1; shift; ${cli} "$@" --json >"${results}/$name.out" 2>"${results}/$name.err"; echo $? >"${results}/$name.code"; }`;
  const done = spawnSync(NAMESPACE![0]!, [...NAMESPACE!.slice(1), 'bash', '-c', `set -u\n${run}\n${script}`], {
    cwd: ROOT,
    env: { ...process.env, TSX_DISABLE_CACHE: '1', DALEL_PASSPHRASE: PASSPHRASE, ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  expect(done.status, done.stderr).toBe(0);
  const ran: Record<string, Ran> = {};
  for (const name of new Set(spawnSync('ls', [results], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((file) => file.replace(/\.(out|err|code)$/, '')))) {
    ran[name] = {
      code: Number(readFileSync(join(results, `${name}.code`), 'utf8')),
      out: readFileSync(join(results, `${name}.out`), 'utf8'),
      err: readFileSync(join(results, `${name}.err`), 'utf8'),
    };
  }
  return ran;
}

/** A failed command's stderr is one JSON error line: the code, a sentence, and no stack trace. */
function expectError(ran: Ran, code: string): void {
  expect(ran.code, ran.err).toBe(1);
  expect(ran.err).not.toMatch(/\n\s+at |Error:/);
  const lines = ran.err.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0]!)).toMatchObject({ error: { code } });
}

describe('faults are errors', () => {
  let dir: ReturnType<typeof tempDir>;
  let vaultDir: string;

  beforeEach(async () => {
    dir = tempDir();
    vaultDir = join(dir.path, 'vault');
    await makeVault(vaultDir);
  });
  afterEach(() => dir.remove());

  it.skipIf(!NAMESPACE)(`a full disk (a 3 MiB tmpfs, filled): writes say disk-full, reading and unlocking still work, nothing half-written; after space is freed the vault works [${NAMESPACE ? 'real tmpfs' : WHY_SKIPPED}]`, () => {
    const results = join(dir.path, 'results');
    const mount = join(dir.path, 'small-disk');
    mkdirSync(results);
    mkdirSync(mount);
    const many = join(dir.path, 'persons.json');
    writeFileSync(many, JSON.stringify({ persons: persons(400, 'P') }));
    const vault = `${mount}/vault`;
    const ran = runInNamespace(
      `mount -t tmpfs -o size=3m tmpfs "${mount}"
      cp -a "${vaultDir}" "${vault}"
      dd if=/dev/zero of="${mount}/filler" bs=64k 2>/dev/null; dd if=/dev/zero of="${mount}/filler2" bs=4k 2>/dev/null
      run import-full persons import "${vault}" "${many}"
      run docs-full docs "${vault}"
      run search-full search "${vault}" Aigerim
      run verify-full verify "${vault}"
      DALEL_NEW_PASSPHRASE='a new passphrase on a full disk' run passwd-full passwd "${vault}"
      rm "${mount}/filler" "${mount}/filler2"
      run verify-freed verify "${vault}" --deep
      run import-freed persons import "${vault}" "${many}"
      run list-freed persons list "${vault}"
      ls -A "${vault}" > "${dir.path}/files.txt"`,
      {},
      results,
    );
    expectError(ran['import-full']!, 'disk-full');
    expectError(ran['passwd-full']!, 'disk-full');
    expect(ran['docs-full']).toMatchObject({ code: 0 });
    expect(JSON.parse(ran['docs-full']!.out)).toHaveLength(1);
    expect(ran['search-full']!.code, ran['search-full']!.err).toBe(0);
    expect(JSON.parse(ran['search-full']!.out).total).toBe(1);
    expect(ran['verify-full']!.code, ran['verify-full']!.out).toBe(0);
    // After: the old passphrase still opens it (the header was not half-written), nothing of the failed
    // import is there, and the same import now works.
    expect(ran['verify-freed']!.code, ran['verify-freed']!.out).toBe(0);
    expect(JSON.parse(ran['import-freed']!.out)).toEqual({ created: 400, updated: 0, relations: 0 });
    expect(JSON.parse(ran['list-freed']!.out)).toHaveLength(400);
    expect(readFileSync(join(dir.path, 'files.txt'), 'utf8').split('\n').filter((name) => name.includes('.tmp-'))).toEqual([]);
  }, 300_000);

  it.skipIf(!NAMESPACE)(`a read-only copy (a read-only bind mount): reading commands work, writing ones say read-only, not a byte changes [${NAMESPACE ? 'real read-only mount' : WHY_SKIPPED}]`, () => {
    const results = join(dir.path, 'results');
    mkdirSync(results);
    const few = join(dir.path, 'persons.json');
    writeFileSync(few, JSON.stringify({ persons: persons(2, 'R') }));
    const before = hashFolder(vaultDir);
    const ran = runInNamespace(
      `mount --bind -o ro "${vaultDir}" "${vaultDir}"
      run docs docs "${vaultDir}"
      run search search "${vaultDir}" Aigerim
      run verify verify "${vaultDir}" --deep
      run import persons import "${vaultDir}" "${few}"
      DALEL_NEW_PASSPHRASE='a new passphrase on read-only media' run passwd passwd "${vaultDir}"`,
      {},
      results,
    );
    expect(ran.docs!.code, ran.docs!.err).toBe(0);
    const [doc] = JSON.parse(ran.docs!.out) as Array<{ id: string }>;
    expect(doc).toBeDefined();
    expect(JSON.parse(ran.search!.out).hits[0]).toMatchObject({ docId: doc!.id });
    expect(ran.verify!.code, ran.verify!.out).toBe(0);
    expectError(ran.import!, 'read-only');
    expectError(ran.passwd!, 'read-only');
    expect(hashFolder(vaultDir)).toEqual(before);
  }, 300_000);

  it('read-only, injected (opened for reading only): reads work, writes say read-only, nothing is written or recorded', async () => {
    const before = hashFolder(vaultDir);
    const vault = await unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF, readOnly: true });
    expect(vault.readOnly).toBe(true);
    expect(new DocumentStore(vault.db).list()).toHaveLength(1);
    expect(new SearchService(vault.db, vault.searchIndex).search({ query: 'Aigerim', limit: 5 }).total).toBe(1);
    expect(vault.verify({ deep: true }).ok).toBe(true);
    expect(() => RegisterStore.open(vault.db).importPersons(persons(1, 'X'))).toThrow();
    try {
      RegisterStore.open(vault.db).importPersons(persons(1, 'X'));
    } catch (error) {
      expect(failureFrom(error)?.code).toBe('read-only');
    }
    expect(() => vault.audit({ action: 'test.write', subject: null, details: {} })).toThrow(expect.objectContaining({ code: 'read-only' }));
    await expect(vault.changePassphrase(PASSPHRASE, 'another passphrase here')).rejects.toMatchObject({ code: 'read-only' });
    vault.lock();
    expect(hashFolder(vaultDir)).toEqual(before);
  });

  it('disk full, injected (SQLite’s page limit gives SQLITE_FULL): disk-full, the transaction left nothing, and the vault works after', async () => {
    const vault = await unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF });
    const pages = vault.db.pragma('page_count', { simple: true }) as number;
    vault.db.pragma(`max_page_count = ${pages}`);
    let thrown: unknown = null;
    try {
      RegisterStore.open(vault.db).importPersons(persons(400, 'F'));
    } catch (error) {
      thrown = error;
    }
    expect(failureFrom(thrown)?.code).toBe('disk-full');
    expect(RegisterStore.open(vault.db).listPersons()).toHaveLength(0);
    vault.lock();

    const again = await unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF });
    expect(RegisterStore.open(again.db).importPersons(persons(400, 'F'))).toMatchObject({ created: 400 });
    expect(again.verify({ deep: true }).ok).toBe(true);
    again.lock();
  });

  it.skipIf(!HAS_DEV_FULL)('a header write that meets a full disk (a real ENOSPC from /dev/full) is disk-full, and the header is unchanged', async () => {
    const vault = await unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF });
    const header = readFileSync(join(vaultDir, HEADER_FILE), 'utf8');
    // writeFileAtomic writes `<file>.tmp-<pid>` first: here that name leads to /dev/full.
    const temp = join(vaultDir, `${HEADER_FILE}.tmp-${process.pid}`);
    symlinkSync('/dev/full', temp);
    const thrown = await vault.changePassphrase(PASSPHRASE, 'the passphrase that was not set').catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(DalelFailure);
    expect((thrown as DalelFailure).code).toBe('disk-full');
    expect(existsSync(temp)).toBe(false);
    expect(readFileSync(join(vaultDir, HEADER_FILE), 'utf8')).toBe(header);
    vault.lock();
    (await unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF })).lock();
    rmSync(temp, { force: true });
  });
});
