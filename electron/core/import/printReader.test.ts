/**
 * The second reading of a page, as it prints: what a PDF's text layer does not say — a name in a pasted
 * picture, a filled form field, a FreeText note — is read, kept and flagged for flattening; what does not
 * print (a Hidden annotation, one without the Print flag) is never read. Real parser processes and OCR.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Word } from '../../../shared/domain/document';
import { DocumentStore } from '../documents/documentStore';
import { PrintReadings } from '../documents/printReadings';
import { fold } from '../text';
import { createTesseractEngine, defaultTessdataDir } from '../ocr';
import { TEST_KDF, tempDir } from '../testing/fixtures';
import { createVault, type Vault } from '../vault/vault';
import { ImportService } from './importService';
import { createFileParser, nodeParserProcesses } from './parse';
import { PrintReader } from './printReader';
import sharp from 'sharp';
import m0015 from '../vault/migrations/0015-angled-text';
import { printedPdf, textPicture } from './testing/printedPdf';
import { hasPdftoppm } from '../testing/tools';


const text = (words: readonly Word[]) => fold(words.map((word) => word.text).join(' '));

if (!hasPdftoppm) console.log('print reading tests skipped: pdftoppm (poppler-utils) is missing; bash scripts/dev.sh test installs it');

describe.skipIf(!hasPdftoppm)('reading a page as it prints', { timeout: 300_000 }, () => {
  const parser = createFileParser({ processes: nodeParserProcesses() });
  const ocr = createTesseractEngine({ tessdataDir: defaultTessdataDir() });
  const dir = tempDir('dalel-print-reading-');
  let vault: Vault;
  let imports: ImportService;
  let reader: PrintReader;
  let docId: string;
  const pagesRead: string[] = [];

  beforeAll(async () => {
    vault = (await createVault(join(dir.path, 'vault'), 'print reading passphrase', { kdf: TEST_KDF })).vault;
    imports = new ImportService({ parser, ocr });
    reader = new PrintReader({ parser, ocr, importBusy: () => imports.busy(), onPageRead: (id, page) => pagesRead.push(`${id}#${page}`) });
    imports.attach(vault);
    const pdf = await printedPdf({
      lines: ['Ministry of Internal Affairs', 'Reply to the application of 12 March 2021', 'The applicant was heard on the facts stated below.'],
      pictureText: 'ZHANAR TOLEUBEKKYZY',
      fieldValue: 'Ermek Saparbayev',
      noteText: 'Copy for Aidos Nurtazin',
      hiddenText: 'Bolatbek Zhaksylykov',
    });
    const imported = await imports.importFiles([{ name: 'reply.pdf', data: pdf }], { languages: ['eng'] });
    docId = imported.files[0]!.docId!;
    await imports.whenIdle();
  });

  afterAll(async () => {
    await reader.detach();
    await imports.detach();
    vault.lock();
    await Promise.allSettled([parser.close(), ocr.close()]);
    dir.remove();
  });

  it('keeps the text layer, the field and the note, leaves out what does not print, and waits to be read as it prints', () => {
    const store = new DocumentStore(vault.db);
    const prints = new PrintReadings(vault.db);
    const [page] = store.pages(docId);
    expect(page).toMatchObject({ source: 'text-layer', print: { status: 'pending' }, lowConfidence: false });
    expect(text(page!.words)).toContain('ministry of internal affairs');
    // The picture, the field and the note are not in the text layer.
    expect(text(page!.words)).not.toMatch(/toleubek|saparbayev|nurtazin/);
    const readings = prints.readings(docId).get(1)!;
    expect(readings.flatten).toBe(true);
    expect(readings.overlays.map((w) => [w.origin, w.text]).sort()).toEqual([
      ['annotation', 'Aidos'],
      ['annotation', 'Copy'],
      ['annotation', 'Nurtazin'],
      ['annotation', 'for'],
      ['form-field', 'Ermek'],
      ['form-field', 'Saparbayev'],
    ]);
    // Each word of the field lies inside the field's area, which is where the page shows it.
    for (const word of readings.overlays) {
      expect(word.bbox[0]).toBeGreaterThanOrEqual(word.area[0]);
      expect(word.bbox[2]).toBeLessThanOrEqual(word.area[2] + 1);
    }
  });

  it('reads the picture, the field and the note from the page as it prints, and never the hidden note', async () => {
    reader.attach(vault);
    await reader.whenIdle();
    const store = new DocumentStore(vault.db);
    const prints = new PrintReadings(vault.db);
    const [page] = store.pages(docId);
    expect(page!.print).toMatchObject({ status: 'done', script: 'Latin' });
    expect(pagesRead).toContain(`${docId}#1`);
    const printed = text(prints.readings(docId).get(1)!.printWords ?? []);
    expect(printed).toMatch(/zhanar/);
    expect(printed).toMatch(/toleubekkyzy/);
    expect(printed).toMatch(/saparbayev/);
    expect(printed).toMatch(/nurtazin/);
    expect(printed).not.toMatch(/zhaksylykov|bolatbek/);
    expect(text(prints.readings(docId).get(1)!.overlays)).not.toMatch(/zhaksylykov|bolatbek/);
    // Print words sit on the stored page image, like the text layer's words: the typed heading is read there too.
    const heading = prints.readings(docId).get(1)!.printWords!.find((w) => fold(w.text) === 'ministry')!;
    const typed = page!.words.find((w) => fold(w.text) === 'ministry')!;
    expect(Math.abs(heading.bbox[0] - typed.bbox[0])).toBeLessThan(15);
    expect(Math.abs(heading.bbox[1] - typed.bbox[1])).toBeLessThan(15);
  });

  it('renders again a page stored before pages were rendered as they print', async () => {
    // As a vault from before migration 0008 leaves it: no field or note text, nothing flagged.
    vault.db.prepare("UPDATE pages SET rendered_for_print = 0, overlays = '[]', flatten = 0, print_status = 'pending', print_words = NULL WHERE document_id = ?").run(docId);
    reader.wake();
    await reader.whenIdle();
    const store = new DocumentStore(vault.db);
    const prints = new PrintReadings(vault.db);
    const readings = prints.readings(docId).get(1)!;
    expect(prints.renderedForPrint(docId, 1)).toBe(true);
    expect(readings.flatten).toBe(true);
    expect(text(readings.overlays)).toMatch(/saparbayev/);
    expect(text(readings.printWords ?? [])).toMatch(/toleubekkyzy/);
    // Control: the page's own text layer still does not hold the picture's name.
    expect(text(store.pages(docId)[0]!.words)).not.toMatch(/toleubek/);
  });

  it('reads the angled text of a scan read before angled text was looked for (migration 0015), and only that', async () => {
    // A scanned letter with a notice pasted sideways on it.
    const typed = await textPicture(['Ministry of Internal Affairs', 'Reply to the application of 12 March 2021', 'The notice received is attached.'], 12);
    const notice = await sharp(await textPicture('Zhanar Toleubekkyzy', 28)).rotate(90, { background: '#ffffff' }).png().toBuffer();
    const scan = await sharp({ create: { width: 1654, height: 2339, channels: 3, background: '#ffffff' } })
      .composite([
        { input: typed, left: 160, top: 200 },
        { input: notice, left: 240, top: 900 },
      ])
      .grayscale()
      .withMetadata({ density: 200 })
      .png()
      .toBuffer();
    const imported = await imports.importFiles([{ name: 'scan.png', data: scan }], { languages: ['eng'] });
    const scanId = imported.files[0]!.docId!;
    await imports.whenIdle();
    await reader.whenIdle();
    const store = new DocumentStore(vault.db);
    const [read] = store.pages(scanId);
    // Read at import: the name is among the page's words, with its angle.
    expect(text(read!.words.filter((w) => w.angle !== undefined))).toMatch(/toleubekkyzy/);

    // As a vault from before 0015 leaves it: the page's words without the angled ones, its print reading done.
    const level = read!.words.filter((w) => w.angle === undefined);
    vault.db.prepare('UPDATE pages SET words = ?, print_words = NULL WHERE document_id = ?').run(JSON.stringify(level), scanId);
    const before = schemaVersionOf();
    vault.db.exec(`PRAGMA user_version = 14; ${m0015.sql}`);
    vault.db.pragma(`user_version = ${before}`);
    expect(store.pages(scanId)[0]!.print.status).toBe('pending');
    reader.wake();
    await reader.whenIdle();
    const printed = new PrintReadings(vault.db).readings(scanId).get(1)!.printWords ?? [];
    expect(text(printed)).toMatch(/toleubekkyzy/);
    expect(printed.every((w) => w.angle !== undefined)).toBe(true);
    // The scan's own reading stays as it was: the print reading adds the angled words only.
    expect(store.pages(scanId)[0]!.words).toEqual(level);
  });

  function schemaVersionOf(): number {
    return vault.db.pragma('user_version', { simple: true }) as number;
  }
});
