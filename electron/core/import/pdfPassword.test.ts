import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/domain/document';
import { DocumentStore } from '../documents/documentStore';
import { createTesseractEngine, defaultTessdataDir } from '../ocr';
import { SearchService } from '../search/searchService';
import { listFiles, TEST_KDF } from '../testing/fixtures';
import { createVault, type Vault } from '../vault/vault';
import type { VaultDatabase } from '../vault/database';
import { ImportService } from './importService';
import { createFileParser, nodeParserProcesses, parserEnvironment } from './parse';
import { printedPdf } from './testing/printedPdf';
import { containsSecret, encryptPdf, hasQpdf, type PdfCipher } from './testing/protectedPdf';

/**
 * Password-protected PDFs through the importer (issue 14 item 9), with the real parser processes: the
 * import asks for the password, refuses a wrong one, and with the right one stores the file exactly as
 * given beside a reading copy every later reading opens — and the password is found nowhere afterwards.
 */

if (!hasQpdf) console.warn('skipped: password-protected PDFs, qpdf is not installed (Debian qpdf; scripts/dev.sh test installs it)');

const PASSPHRASE = 'protected pdf vault passphrase';
/** ASCII, so that every cipher (RC4's PDFDocEncoding too) takes it the same way; distinctive, so a find means a leak. */
const PASSWORD = 'Kokterek-ulpan 1987';
const WRONG = 'kokterek-ulpan 1987';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const LINES = ['Министерство внутренних дел Республики Казахстан', 'Справка об отказе № 3-1-17/Б-1234', 'Заявитель: Асқарұлы Нұрлан, 02.04.2021'];

describe.skipIf(!hasQpdf)('password-protected PDFs', { timeout: 240_000 }, () => {
  // Everything this run writes to a temporary folder goes here, the parser processes' too, to be searched.
  const originalTmp = process.env.TMPDIR;
  const base = mkdtempSync(join(tmpdir(), 'dalel-pdf-password-'));
  const runTmp = join(base, 'tmp');
  const inputs = join(base, 'inputs');
  let parser: ReturnType<typeof createFileParser>;
  let ocr: ReturnType<typeof createTesseractEngine>;
  let letter: Uint8Array;
  let vaultDir: string;
  let vault: Vault;
  let imports: ImportService;
  let events: ImportProgress[];
  let n = 0;

  beforeAll(async () => {
    for (const dir of [runTmp, inputs]) mkdirSync(dir);
    letter = await printedPdf({ lines: LINES, fieldValue: 'Айгерим Даулетқызы' });
    process.env.TMPDIR = runTmp;
    parser = createFileParser({ processes: nodeParserProcesses({ env: { ...parserEnvironment(), TMPDIR: runTmp, TMP: runTmp, TEMP: runTmp } }) });
    ocr = createTesseractEngine({ tessdataDir: defaultTessdataDir() });
  });
  afterAll(async () => {
    await Promise.all([parser.close(), ocr.close()]);
    if (originalTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = originalTmp;
    rmSync(base, { recursive: true, force: true });
  });
  beforeEach(async () => {
    vaultDir = join(base, `vault-${++n}`);
    vault = (await createVault(vaultDir, PASSPHRASE, { kdf: TEST_KDF })).vault;
    events = [];
    imports = new ImportService({ parser, ocr, onProgress: (progress) => events.push(progress) });
    imports.attach(vault);
  });
  afterEach(async () => {
    await imports.detach();
    vault.lock();
  });

  /** The protected letter as a file on disk, as the lawyer chooses it. */
  function protectedFile(name: string, cipher: PdfCipher, options: { user?: string; objectStreams?: 'generate' } = {}): { name: string; path: string; bytes: Buffer } {
    const bytes = encryptPdf(letter, { user: options.user ?? PASSWORD, owner: 'office owner 2021', cipher, ...(options.objectStreams ? { objectStreams: options.objectStreams } : {}) });
    const path = join(inputs, name);
    writeFileSync(path, bytes);
    return { name, path, bytes };
  }

  const search = (query: string) => new SearchService(vault.db, vault.searchIndex).search({ query }).hits;

  it.each(['aes-256', 'aes-128', 'rc4-128'] as const)(
    '%s: asked for, a wrong password refused, the right one imports the file as given; its text is found',
    async (cipher) => {
      const file = protectedFile(`refusal-${cipher}.pdf`, cipher, { objectStreams: 'generate' });
      const { batchId, done } = imports.startImport([{ name: file.name, path: file.path }], { languages: ['rus'] });
      let progress = await done;
      expect(progress.files[0]).toMatchObject({ status: 'rejected', docId: null, error: { code: 'pdf-password-required' } });
      expect(progress.done).toBe(true);
      const store = new DocumentStore(vault.db);
      expect(store.list()).toEqual([]);

      progress = await imports.retryWithPassword(batchId, 0, WRONG).done;
      expect(progress.files[0]).toMatchObject({ status: 'rejected', error: { code: 'pdf-password-wrong' } });
      expect(progress.files[0]!.error!.message).not.toContain(WRONG);
      // one try per password: the row is not waiting while a try runs, and a second call for it is refused
      const retry = imports.retryWithPassword(batchId, 0, PASSWORD);
      expect(() => imports.retryWithPassword(batchId, 0, PASSWORD)).toThrow(expect.objectContaining({ code: 'conflict' }));
      progress = await retry.done;
      expect(progress.files[0]!.status).toMatch(/^(processing|imported)$/);
      await imports.whenIdle();
      const docId = imports.progress(batchId)!.files[0]!.docId!;
      expect(imports.progress(batchId)!.files[0]).toMatchObject({ status: 'imported', pageCount: 1, pagesDone: 1, error: null });
      expect(imports.progress(batchId)!.done).toBe(true);
      // The rows the lawyer saw: required, reading, wrong, reading, stored.
      expect(events.map((event) => event.files[0]!.error?.code ?? event.files[0]!.status)).toEqual(
        expect.arrayContaining(['pdf-password-required', 'reading', 'pdf-password-wrong', 'processing', 'imported']),
      );

      // Evidence integrity: the original is the file as given, byte for byte, still protected.
      const doc = store.get(docId)!;
      expect(doc).toMatchObject({ status: 'ready', sha256: sha256(file.bytes), size: file.bytes.length, warnings: [] });
      expect(Buffer.compare(store.original(docId)!.data, file.bytes)).toBe(0);
      expect(store.readable(docId)!.data.includes('/Encrypt')).toBe(false);
      const page = store.pages(docId)[0]!;
      expect(page).toMatchObject({ status: 'done', source: 'text-layer' });
      expect(page.text).toContain('Справка об отказе');
      expect(search('Асқарұлы').map((hit) => hit.docId)).toEqual([docId]);
      expect(search('3-1-17/Б-1234').map((hit) => hit.docId)).toEqual([docId]);

      const audit = vault.db.prepare("SELECT action, details FROM audit_log WHERE action LIKE 'document.%' ORDER BY seq").all() as Array<{ action: string; details: string }>;
      expect(audit.map((entry) => [entry.action, JSON.parse(entry.details).code ?? JSON.parse(entry.details).openedWithPassword])).toEqual([
        ['document.rejected', 'pdf-password-required'],
        ['document.rejected', 'pdf-password-wrong'],
        ['document.imported', true],
        ['document.ready', undefined],
      ]);
      expect(vault.verify({ deep: true }).ok).toBe(true);
    },
  );

  it('the CLI way: one password for every PDF of the import that asks for one; files that do not are untouched', async () => {
    const locked = protectedFile('locked.pdf', 'aes-256');
    const ownerOnly = protectedFile('owner-only.pdf', 'aes-128', { user: '' });
    const plain = join(inputs, 'plain.pdf');
    writeFileSync(plain, await printedPdf({ lines: ['Письмо без пароля', 'Алматы'] }));
    const result = await imports.importFiles(
      [
        { name: 'locked.pdf', path: locked.path },
        { name: 'owner-only.pdf', path: ownerOnly.path },
        { name: 'plain.pdf', path: plain },
      ],
      { languages: ['rus'], pdfPassword: PASSWORD },
    );
    await imports.whenIdle();
    const store = new DocumentStore(vault.db);
    const files = imports.progress(result.batchId!)!.files;
    expect(files.map((file) => [file.status, file.warnings])).toEqual([
      ['imported', []],
      ['imported', ['pdf-encrypted-owner']],
      ['imported', []],
    ]);
    // Only the file that needed the password has a reading copy; the others are read as they are.
    const readingCopies = (vault.db.prepare('SELECT count(*) AS n FROM documents WHERE reading_blob IS NOT NULL').get() as { n: number }).n;
    expect(readingCopies).toBe(1);
    expect(Buffer.compare(store.readable(files[1]!.docId!)!.data, ownerOnly.bytes)).toBe(0);
    expect(search('Алматы')).toHaveLength(1);

    const wrong = await imports.importFiles([{ name: 'again.pdf', path: protectedFile('again.pdf', 'rc4-128').path }], { pdfPassword: WRONG });
    expect(wrong.files[0]).toMatchObject({ status: 'rejected', error: { code: 'pdf-password-wrong' } });
  });

  it('pages read again later — after a crash, in a bundle — open the reading copy, without the password', async () => {
    const file = protectedFile('later.pdf', 'aes-256');
    const result = await imports.importFiles([{ name: file.name, path: file.path }], { languages: ['rus'], pdfPassword: PASSWORD });
    await imports.whenIdle();
    const docId = result.files[0]!.docId!;
    const store = new DocumentStore(vault.db);

    // As if the app had been killed before the page was read: it is pending when the vault opens again.
    await imports.detach();
    vault.db.prepare("UPDATE pages SET status = 'pending' WHERE document_id = ?").run(docId);
    vault.db.prepare("UPDATE documents SET status = 'processing' WHERE id = ?").run(docId);
    imports.attach(vault);
    await imports.whenIdle();
    expect(store.get(docId)!.status).toBe('ready');
    expect(store.pages(docId)[0]).toMatchObject({ status: 'done', source: 'text-layer' });

    // The reading copy prints what the letter prints: the same pixels, the same form field read beside them.
    const [asGiven, asRead] = await Promise.all([parser.page(letter, 'pdf', 1), parser.page(store.readable(docId)!.data, 'pdf', 1)]);
    expect(asRead).toMatchObject({ width: asGiven.width, height: asGiven.height, overlays: asGiven.overlays, flatten: asGiven.flatten });
    expect(asRead.overlays.map((word) => word.text).join(' ')).toContain('Даулетқызы');
    expect(Buffer.compare(asRead.pixels, asGiven.pixels)).toBe(0);

    // A bundle takes the page's vectors from the reading copy; the protected original gives none.
    const fromCopy = await parser.originalPages(store.readable(docId)!.data, [0]);
    expect(fromCopy.pages[0]).not.toHaveProperty('refused');
    const fromOriginal = await parser.originalPages(store.original(docId)!.data, [0]);
    expect(fromOriginal.pages[0]).toHaveProperty('refused');

    // Deleting the document takes the reading copy with it.
    const blobs = () => (vault.db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n;
    expect(blobs()).toBe(4); // original, reading copy, page image, thumbnail
    vault.db.transaction(() => store.delete(docId))();
    expect(blobs()).toBe(0);
  });

  it('the password is nowhere afterwards: not in the vault (its files, nor any row once decrypted), the temporary folder, or what the window was sent', async () => {
    const file = protectedFile('leak.pdf', 'aes-256', { objectStreams: 'generate' });
    const { batchId, done } = imports.startImport([{ name: file.name, path: file.path }], { languages: ['rus'] });
    await done;
    await imports.retryWithPassword(batchId, 0, WRONG).done;
    await imports.retryWithPassword(batchId, 0, PASSWORD).done;
    await imports.whenIdle();
    expect(imports.progress(batchId)!.files[0]!.status).toBe('imported');

    const leaks = (secret: string): string[] => [
      ...listFiles(vaultDir).filter((path) => containsSecret(readFileSync(path), secret)),
      ...listFiles(runTmp).filter((path) => containsSecret(readFileSync(path), secret)),
      ...databaseValues(vault.db)
        .filter(({ value }) => containsSecret(typeof value === 'string' ? Buffer.from(value, 'utf8') : value, secret))
        .map(({ where }) => where),
      ...(containsSecret(Buffer.from(JSON.stringify(events), 'utf8'), secret) ? ['import:progress events'] : []),
    ];
    for (const secret of [PASSWORD, WRONG]) expect(leaks(secret), secret).toEqual([]);

    // Control: the same search finds the password planted where the import could have put it.
    writeFileSync(join(runTmp, 'planted.txt'), `password=${PASSWORD}\n`);
    vault.db.prepare('UPDATE documents SET notes = ?').run(`пароль: ${PASSWORD}`);
    expect(leaks(PASSWORD)).toEqual([join(runTmp, 'planted.txt'), expect.stringMatching(/^documents\.notes/)]);
    // The encrypted vault file alone would never show it: the search of decrypted rows is the one that counts.
    expect(listFiles(vaultDir).filter((path) => containsSecret(readFileSync(path), PASSWORD))).toEqual([]);
    rmSync(join(runTmp, 'planted.txt'));
  });
});

/** Every value of every row of every table, decrypted: what the vault holds, wherever it holds it. */
function databaseValues(db: VaultDatabase): Array<{ where: string; value: string | Buffer }> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((row) => row.name);
  const values: Array<{ where: string; value: string | Buffer }> = [];
  for (const table of tables) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<Record<string, unknown>>) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'string' || Buffer.isBuffer(value)) values.push({ where: `${table}.${column}`, value });
      }
    }
  }
  return values;
}
