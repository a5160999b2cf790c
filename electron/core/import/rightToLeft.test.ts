/**
 * Arabic-script text (Uyghur, Kazakh in Arabic script) in a PDF text layer another producer wrote:
 * Chromium prints it as shaped glyphs, a glyph or two per positioned run, in the order they print. It is
 * imported for real (parser process, the vault, the search index) and must come out as it is read: the
 * page's text and words in reading order and in letters, found by search. A vault that stored such a
 * page before (words backwards, in presentation forms) reads it again after migration 0016.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentStore } from '../documents/documentStore';
import { createTesseractEngine, defaultTessdataDir } from '../ocr';
import { SearchService } from '../search/searchService';
import { TEST_KDF, tempDir } from '../testing/fixtures';
import m0016 from '../vault/migrations/0016-right-to-left-text';
import { createVault, type Vault } from '../vault/vault';
import { ImportService } from './importService';
import { createFileParser, nodeParserProcesses } from './parse';
import { browserPdf, CHROMIUM, hasChromium } from './testing/browserPdf';

if (!hasChromium) console.warn(`right-to-left text layer tests skipped: no Chromium at ${CHROMIUM} (bash scripts/dev.sh test installs Debian's)`);

const SENTENCE = 'ئەرمەكنىڭ ئانىسى جانار تۆلەۋبەكقىزى ئىلىدا تۇرىدۇ';

describe.skipIf(!hasChromium)('a Uyghur letter Chromium printed', { timeout: 120_000 }, () => {
  const dir = tempDir('dalel-rtl-');
  const parser = createFileParser({ processes: nodeParserProcesses(), concurrency: 1 });
  const ocr = createTesseractEngine({ tessdataDir: defaultTessdataDir() });
  let vault: Vault;
  let docId: string;

  const page = () => new DocumentStore(vault.db).pages(docId)[0]!;

  async function importAgain(): Promise<void> {
    const imports = new ImportService({ parser, ocr });
    imports.attach(vault);
    await imports.whenIdle();
    await imports.detach();
  }

  beforeAll(async () => {
    vault = (await createVault(join(dir.path, 'vault'), 'right to left passphrase', { kdf: TEST_KDF })).vault;
    const imports = new ImportService({ parser, ocr });
    imports.attach(vault);
    const pdf = await browserPdf(`<p>Letter of the Migration Service, 12 March 2024.</p><p dir="rtl" lang="ug">${SENTENCE}.</p>`);
    const imported = await imports.importFiles([{ name: 'uyghur.pdf', data: pdf }]);
    await imports.whenIdle();
    await imports.detach();
    docId = imported.files[0]!.docId!;
  }, 120_000);

  afterAll(async () => {
    vault?.lock();
    await Promise.allSettled([parser.close(), ocr.close()]);
    dir.remove();
  });

  it('stores its text and words in reading order, in letters, the first word read rightmost', () => {
    const stored = page();
    expect(stored.source).toBe('text-layer');
    expect(stored.text).toContain(SENTENCE);
    const words = stored.words.filter((word) => /\p{Script=Arabic}/u.test(word.text));
    expect(words.map((word) => word.text.replace(/\.$/, ''))).toEqual(SENTENCE.split(' '));
    for (let i = 1; i < words.length; i++) expect(words[i]!.bbox[2]).toBeLessThanOrEqual(words[i - 1]!.bbox[0] + 1);
  });

  it('is found by search, a word alone or the name', () => {
    const search = new SearchService(vault.db, vault.searchIndex);
    for (const query of ['تۆلەۋبەكقىزى', '"جانار تۆلەۋبەكقىزى"']) expect(search.search({ query }).hits.map((hit) => hit.docId)).toContain(docId);
  });

  it('is read again after migration 0016 when a vault stored it backwards, in presentation forms', async () => {
    const backwards = 'Letter of the Migration Service, 12 March 2024.\nۇﺪﯨرۇﺗ اﺪﯩﻠﯩﺋ ىﺰﯩﻘﻛەﺑەۋﻟۆﺗ رﺎﻧﺎﺟ';
    vault.db.prepare("UPDATE pages SET text = ?, words = '[]' WHERE document_id = ?").run(backwards, docId);
    vault.db.exec(m0016.sql);
    expect(page().status).toBe('pending');
    await importAgain();
    expect(page().status).toBe('done');
    expect(page().text).toContain(SENTENCE);
    expect(page().words.map((word) => word.text)).toContain('تۆلەۋبەكقىزى');
  });
});
