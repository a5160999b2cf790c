import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/domain/document';
import { DocumentStore } from '../documents/documentStore';
import { createTesseractEngine, defaultTessdataDir, LOW_CONFIDENCE } from '../ocr';
import { corpusPath } from '../testing/corpus';
import { TEST_KDF, tempDir } from '../testing/fixtures';
import { createVault, unlockVault, type Vault } from '../vault/vault';
import { ImportService } from './importService';
import { createFileParser, nodeParserProcesses } from './parse';

const PASSPHRASE = 'import service passphrase';
const file = (name: string) => ({ name, path: corpusPath(name) });

// Real parsing and OCR on a 2-core machine: a few pages take tens of seconds.
describe('import service', { timeout: 240_000 }, () => {
  const parser = createFileParser({ processes: nodeParserProcesses() });
  const ocr = createTesseractEngine({ tessdataDir: defaultTessdataDir() });
  let dir: ReturnType<typeof tempDir>;
  let vaultDir: string;
  let vault: Vault;
  let imports: ImportService;
  let events: ImportProgress[];
  let changed: string[];
  let read: string[];

  afterAll(async () => {
    await Promise.all([parser.close(), ocr.close()]);
  });
  beforeEach(async () => {
    dir = tempDir();
    vaultDir = join(dir.path, 'vault');
    vault = (await createVault(vaultDir, PASSPHRASE, { kdf: TEST_KDF })).vault;
    events = [];
    changed = [];
    read = [];
    imports = new ImportService({
      parser,
      ocr,
      onProgress: (p) => events.push(p),
      onDocumentChanged: (id) => changed.push(id),
      onDocumentRead: (id) => read.push(id),
    });
    imports.attach(vault);
  });
  afterEach(async () => {
    await imports.detach();
    vault.lock();
    dir.remove();
  });

  it('imports, reports progress per file and page, and audits every import', async () => {
    const result = await imports.importFiles([file('scan_0008.jpg'), file('ngo_letter_45-21.pdf'), file('bad/pixel.png')], { languages: ['eng', 'rus'] });
    await imports.whenIdle();
    // Stored, and read or still being read: the text-layer page can be read before the last file is refused.
    const storedOrRead = expect.stringMatching(/^(processing|imported)$/);
    expect(result.files.map((f) => f.status)).toEqual([storedOrRead, storedOrRead, 'rejected']);
    const final = imports.progress(result.batchId!)!;
    expect(final.done).toBe(true);
    expect(final.files.map((f) => [f.status, f.pagesDone])).toEqual([
      ['imported', 1],
      ['imported', 1],
      ['rejected', 0],
    ]);
    expect(final.files[2]!.error?.code).toBe('image-too-small');
    expect(events.some((e) => e.files[0]!.status === 'reading')).toBe(true);
    expect(events.at(-1)!.done).toBe(true);

    const store = new DocumentStore(vault.db);
    expect(store.list().map((d) => [d.title, d.status, d.languages.join('+')])).toEqual(
      expect.arrayContaining([
        ['scan 0008', 'ready', 'eng+rus'],
        ['ngo letter 45-21', 'ready', 'eng+rus'],
      ]),
    );
    const actions = (vault.db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((r) => r.action);
    expect(actions.filter((a) => a === 'document.imported')).toHaveLength(2);
    expect(actions.filter((a) => a === 'document.ready')).toHaveLength(2);
    expect(actions).toContain('document.rejected');
    expect(vault.verify().ok).toBe(true);
    expect(new Set(changed).size).toBe(2);
  });

  it('cancelling removes the documents it had not finished and skips files not yet read', async () => {
    const { batchId, done } = imports.startImport([file('MIA_citizenship_Zhumabekov_3pages.pdf'), file('scan_0008.jpg'), file('scan_0005.jpg')]);
    // Wait until the first document is stored and its pages are being read, then cancel.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (imports.progress(batchId)!.files[0]!.status === 'processing') {
          clearInterval(timer);
          resolve();
        }
      }, 20);
    });
    expect(await imports.cancel(batchId)).toBe(true);
    await done;
    const final = imports.progress(batchId)!;
    expect(final.done).toBe(true);
    expect(final.files.every((f) => f.status === 'cancelled' || f.status === 'imported')).toBe(true);
    const store = new DocumentStore(vault.db);
    // Whatever is left in the vault is complete; nothing half-read stays behind.
    expect(store.list().every((d) => d.status === 'ready')).toBe(true);
    expect(store.pendingPages(10)).toEqual([]);
    expect(vault.verify().ok).toBe(true);
  });

  it('a lock in the middle leaves pages pending, and they are read after the next unlock', async () => {
    await imports.importFiles([file('MIA_citizenship_Zhumabekov_3pages.pdf')]);
    await imports.detach(); // the vault is about to lock
    vault.lock();
    vault = await unlockVault(vaultDir, { passphrase: PASSPHRASE }, { kdf: TEST_KDF });
    const store = new DocumentStore(vault.db);
    const [doc] = store.list();
    expect(doc!.status).toBe('processing');
    expect(store.pages(doc!.id).some((p) => p.status === 'pending')).toBe(true);

    imports.attach(vault);
    await imports.whenIdle();
    expect(new DocumentStore(vault.db).get(doc!.id)).toMatchObject({ status: 'ready', pagesDone: 3 });
  });

  it('the same bytes twice are a duplicate of the stored document', async () => {
    const first = await imports.importFiles([file('scan_0001.jpg')]);
    const again = await imports.importFiles([file('bad/scan_0001 (copy).jpg')]);
    expect(again.files[0]).toMatchObject({ status: 'duplicate', docId: first.files[0]!.docId });
    await imports.whenIdle();
    expect(new DocumentStore(vault.db).list()).toHaveLength(1);
  });

  it('re-running OCR with other languages reads the pages again, and says when the text is final', async () => {
    const result = await imports.importFiles([file('scan_0008.jpg')], { languages: ['rus'] });
    await imports.whenIdle();
    const id = result.files[0]!.docId!;
    expect(read).toEqual([id]);
    const store = new DocumentStore(vault.db);
    const before = store.pages(id)[0]!;
    expect(imports.rerunOcr(id, ['eng'])).toBe(1);
    expect(store.get(id)!.status).toBe('processing');
    await imports.whenIdle();
    const after = store.pages(id)[0]!;
    expect(store.get(id)).toMatchObject({ status: 'ready', languages: ['eng'] });
    // Once when imported, once more when read again: what was suggested from the old text is redone.
    expect(read).toEqual([id, id]);
    // The import asked for Russian, but OCR saw Latin letters and read the page in English anyway
    // (script detection): the reading was never flagged, and reading it again in English keeps it so.
    expect(before.lowConfidence).toBe(false);
    expect(before.print).toMatchObject({ status: 'done', script: 'Latin' });
    expect(after.lowConfidence).toBe(false);
    expect(after.confidence!).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });
});
