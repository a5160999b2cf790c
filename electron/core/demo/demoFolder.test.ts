import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_VAULT_PASSPHRASE } from '../../../shared/domain/demo';
import { backupVault } from '../backup/backup';
import { ImportService } from '../import/importService';
import { createFileParser, nodeParserProcesses } from '../import/parse';
import { createHandlers, dispatch } from '../ipc/handlers';
import { createTesseractEngine, defaultTessdataDir } from '../ocr';
import { AppConfigStore } from '../session/appConfig';
import { VaultSession } from '../session/vaultSession';
import { failureOf, hashFolder, TEST_KDF, tempDir } from '../testing/fixtures';
import { createVault, unlockVault } from '../vault/vault';
import { DEMO_MARK_KEY, demoVaultPath, isDemoVault } from './demoMark';
import { defaultDemoDir, loadDemoSet } from './demoSet';
import { DemoVault } from './demoVault';

/**
 * The demo vault's folder and its guards, without reading a page (demoVault.test.ts imports the samples
 * with OCR): where it lives, that nothing real gets in, and that nothing in its folder that is not a
 * demo vault of Dalel's own is ever opened for writing, replaced or removed.
 */
describe('demo vault folder and guards', () => {
  let dir: ReturnType<typeof tempDir>;
  let session: VaultSession;
  let config: AppConfigStore;
  // The real import service: it starts no process or worker until a file comes in.
  const parser = createFileParser({ processes: nodeParserProcesses(), concurrency: 1 });
  const ocr = createTesseractEngine({ tessdataDir: defaultTessdataDir(), workers: 1 });
  let imports: ImportService;

  beforeEach(() => {
    dir = tempDir();
    config = new AppConfigStore(join(dir.path, 'config', 'config.json'));
    session = new VaultSession({ config, defaultVaultPath: join(dir.path, 'Documents', 'Dalel Vault'), kdf: TEST_KDF });
    imports = new ImportService({ parser, ocr });
    session.addLifecycle({ opened: (vault) => imports.attach(vault), closing: () => imports.detach() });
  });
  afterEach(async () => {
    await session.dispose();
    dir.remove();
  });
  afterAll(async () => {
    await Promise.all([parser.close(), ocr.close()]);
  });

  const demoDir = () => join(dir.path, 'Documents', 'Dalel Demo Vault');
  const scan = () => readFileSync(join(defaultDemoDir(), 'cert_nurlan.jpg'));

  it('lives beside the default vault folder, never in it, above it or as it', () => {
    for (const defaultPath of [join(dir.path, 'Documents', 'Dalel Vault'), '/home/lawyer/Documents/Dalel Vault', 'C:\\Users\\lawyer\\Documents\\Dalel Vault']) {
      const demo = demoVaultPath(defaultPath);
      const real = resolve(defaultPath);
      expect(demo).not.toBe(real);
      expect(dirname(demo)).toBe(dirname(real));
      expect(relative(real, demo).startsWith('..')).toBe(true);
      expect(relative(demo, real).startsWith('..')).toBe(true);
    }
    expect(session.status()).toMatchObject({ state: 'no-vault', defaultPath: join(dir.path, 'Documents', 'Dalel Vault'), demoPath: demoDir(), demo: false });
  });

  it('is a vault marked as the demo, opened with the public passphrase, and never becomes the last vault', async () => {
    const { created, status } = await session.openDemo();
    expect(created).toBe(true);
    expect(status).toMatchObject({ state: 'unlocked', path: demoDir(), demo: true });
    expect(isDemoVault(session.vault().db)).toBe(true);
    expect(config.read().lastVaultPath).toBeNull();
    await session.lock('user');
    // Leaving the demo goes back to the first-run screen, not to the demo's unlock screen.
    expect(session.status()).toMatchObject({ state: 'no-vault', path: null });
    // Its passphrase opens it like any vault, and the mark is still there.
    await session.unlock(demoDir(), { passphrase: DEMO_VAULT_PASSPHRASE });
    expect(session.status()).toMatchObject({ state: 'unlocked', demo: true });
    // Opened again: the same vault, not a new one.
    await session.lock('user');
    expect(await session.openDemo()).toMatchObject({ created: false, status: { state: 'unlocked', path: demoDir(), demo: true } });
  });

  it('refuses every import with demo-vault, from every channel; the same call imports into an ordinary vault (control)', async () => {
    const handlers = createHandlers({ session, imports }, { pickFolder: async () => null, pickFiles: async () => [], pickSavePath: async () => null });
    const refused = { ok: false, error: { code: 'demo-vault' } };
    await session.openDemo();
    const before = session.vault().db.prepare('SELECT count(*) FROM documents').pluck().get();
    const file = join(defaultDemoDir(), 'cert_nurlan.jpg');
    expect(await dispatch(handlers, 'documents:import', { paths: [file] })).toMatchObject(refused);
    expect(await dispatch(handlers, 'documents:importFiles', { files: [{ name: 'letter.jpg', data: new Uint8Array(scan()) }] })).toMatchObject(refused);
    expect(() => imports.startImport([{ name: 'letter.jpg', path: file }])).toThrow(expect.objectContaining({ code: 'demo-vault' }));
    expect(session.vault().db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(before);
    // Nor a passphrase of its own: it would look like a safe place for real documents.
    expect(await dispatch(handlers, 'vault:changePassphrase', { current: DEMO_VAULT_PASSPHRASE, next: 'my own secret passphrase' })).toMatchObject(refused);
    expect(await dispatch(handlers, 'vault:rotateKey', { current: DEMO_VAULT_PASSPHRASE, next: 'my own secret passphrase' })).toMatchObject(refused);
    await session.lock('user');
    await session.unlock(demoDir(), { passphrase: DEMO_VAULT_PASSPHRASE });

    // Control: the same call goes through on an ordinary vault.
    await session.create(join(dir.path, 'Documents', 'Dalel Vault'), 'a long enough passphrase');
    const started = await dispatch(handlers, 'documents:importFiles', { files: [{ name: 'letter.jpg', data: new Uint8Array(scan()) }] });
    expect(started).toMatchObject({ ok: true });
    await imports.cancel((started as { value: { batchId: string } }).value.batchId);
  });

  it('never opens for writing, replaces or removes a real vault in the demo folder, even one with the demo passphrase', async () => {
    for (const passphrase of ['the lawyer own passphrase', DEMO_VAULT_PASSPHRASE]) {
      const { vault } = await createVault(demoDir(), passphrase, { kdf: TEST_KDF });
      vault.db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?)').run('lawyer.note', 'real case data');
      vault.lock();
      // Something the lawyer keeps beside it, too.
      writeFileSync(join(demoDir(), 'notes.txt'), 'the lawyer\'s own file');
      const before = hashFolder(demoDir());

      const failure = await failureOf(session.openDemo());
      expect(failure.code).toBe('vault-exists');
      expect(failure.reason).toBe('demo-folder-taken');
      expect(session.status()).toMatchObject({ state: 'no-vault' });
      if (passphrase !== DEMO_VAULT_PASSPHRASE) expect(hashFolder(demoDir())).toEqual(before);
      // Opened with the public passphrase, it was only read for the mark: its data is as it was, and unmarked.
      const reopened = await unlockVault(demoDir(), { passphrase }, { kdf: TEST_KDF });
      expect(reopened.db.prepare('SELECT value FROM vault_meta WHERE key = ?').pluck().get('lawyer.note')).toBe('real case data');
      expect(reopened.db.prepare('SELECT 1 FROM vault_meta WHERE key = ?').get(DEMO_MARK_KEY)).toBeUndefined();
      expect(reopened.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
      reopened.lock();
      rmSync(demoDir(), { recursive: true });
    }
  });

  it('never writes into a demo folder that holds other files', async () => {
    mkdirSync(demoDir(), { recursive: true });
    writeFileSync(join(demoDir(), 'scan.pdf'), 'the lawyer\'s own file');
    const before = hashFolder(demoDir());
    const failure = await failureOf(session.openDemo());
    expect(failure).toMatchObject({ code: 'validation', reason: 'folder-not-empty' });
    expect(hashFolder(demoDir())).toEqual(before);
  });

  it('keeps the demo folder for the demo: a real vault cannot be made there', async () => {
    const failure = await failureOf(session.create(demoDir(), 'a long enough passphrase'));
    expect(failure).toMatchObject({ code: 'validation', reason: 'folder-for-demo' });
    expect(existsSync(demoDir())).toBe(false);
  });

  it('keeps the demo folder for the demo: a backup is not restored there, and restores elsewhere (control)', async () => {
    const handlers = createHandlers({ session, imports }, { pickFolder: async () => null, pickFiles: async () => [], pickSavePath: async () => null });
    await session.create(join(dir.path, 'Documents', 'Dalel Vault'), 'a long enough passphrase');
    const backup = join(dir.path, 'vault.dalel-backup');
    await backupVault(session.vault(), backup);
    await session.lock('user');
    const secret = { passphrase: 'a long enough passphrase' };
    expect(await dispatch(handlers, 'vault:restore', { file: backup, path: demoDir(), secret })).toMatchObject({ ok: false, error: { code: 'validation', reason: 'folder-for-demo' } });
    expect(existsSync(demoDir())).toBe(false);
    expect(await dispatch(handlers, 'vault:restore', { file: backup, path: join(dir.path, 'Restored'), secret })).toMatchObject({ ok: true });
  });

  it('refuses a sample set whose file differs from demo.json before any vault is made', async () => {
    const altered = join(dir.path, 'altered-demo');
    cpSync(defaultDemoDir(), altered, { recursive: true });
    expect(loadDemoSet(altered).documents.length).toBeGreaterThanOrEqual(3);
    const bytes = readFileSync(join(altered, 'cert_nurlan.jpg'));
    const at = bytes.length - 10;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
    writeFileSync(join(altered, 'cert_nurlan.jpg'), bytes);
    const demo = new DemoVault({ session, imports, demoDir: altered });
    expect(await failureOf(demo.open('en'))).toMatchObject({ code: 'internal' });
    expect(existsSync(demoDir())).toBe(false);
  });

  it('ships a sample set that is fictional, small and pinned: every file as listed, persons and case consistent', () => {
    const set = loadDemoSet(defaultDemoDir());
    expect(set.documents.length).toBeGreaterThanOrEqual(3);
    expect(set.documents.length).toBeLessThanOrEqual(5);
    // Copied from the fictional corpus, byte for byte (its README says what they are).
    const corpus = join(__dirname, '../../../testdata/corpus');
    for (const document of set.documents) expect(readFileSync(join(corpus, document.file)).equals(Buffer.from(document.data)), document.file).toBe(true);
    expect(set.persons.some((person) => person.role === 'client')).toBe(true);
    expect(set.persons.some((person) => person.protected && person.role === 'relative')).toBe(true);
    expect(readFileSync(join(defaultDemoDir(), 'README.md'), 'utf8')).toMatch(/fictional/i);
  });
});
