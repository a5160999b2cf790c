/**
 * A scanned page keeps its paper size: the image the vault stores and the resolution stored with it
 * give the scan's width in inches, whatever resolution it was scanned at and whether it came as an
 * image or inside a PDF. Bundles print pages at that size; a page stored with the scan's resolution
 * but OCR's (smaller) image printed at 2/3 of its size.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentStore } from '../documents/documentStore';
import { createTesseractEngine, defaultTessdataDir } from '../ocr';
import { corpusPath } from '../testing/corpus';
import { TEST_KDF, tempDir } from '../testing/fixtures';
import { createVault } from '../vault/vault';
import { ImportService } from './importService';
import { createFileParser, nodeParserProcesses } from './parse';

/** scan_0008.jpg: an A4 page scanned at 300 dpi, 2480 × 3508 pixels. */
const A4_INCHES = 2480 / 300;

describe('the resolution a scanned page is stored with', { timeout: 300_000 }, () => {
  const dir = tempDir('dalel-resolution-');
  const parser = createFileParser({ processes: nodeParserProcesses() });
  const ocr = createTesseractEngine({ tessdataDir: defaultTessdataDir() });
  afterAll(async () => {
    await Promise.all([parser.close(), ocr.close()]);
    dir.remove();
  });

  it('gives the paper width in inches for scans at 150, 300 and 400 dpi, as images and inside a PDF', async () => {
    const scan = corpusPath('scan_0008.jpg');
    const files: Array<{ name: string; bytes: Buffer }> = [];
    for (const dpi of [150, 300, 400]) {
      const width = Math.round(A4_INCHES * dpi);
      const bytes = await sharp(scan).resize({ width }).withMetadata({ density: dpi }).png().toBuffer();
      files.push({ name: `a4-at-${dpi}.png`, bytes });
    }
    const pdf = await PDFDocument.create();
    const picture = await pdf.embedJpg(await sharp(scan).jpeg({ quality: 80 }).toBuffer());
    const page = pdf.addPage([A4_INCHES * 72, (3508 / 300) * 72]);
    page.drawImage(picture, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
    files.push({ name: 'a4-scanned.pdf', bytes: Buffer.from(await pdf.save()) });
    for (const file of files) writeFileSync(join(dir.path, file.name), file.bytes);

    const { vault } = await createVault(join(dir.path, 'vault'), 'resolution passphrase', { kdf: TEST_KDF });
    const imports = new ImportService({ parser, ocr });
    imports.attach(vault);
    try {
      await imports.importFiles(
        files.map((file) => ({ name: file.name, path: join(dir.path, file.name) })),
        { languages: ['eng', 'rus'] },
      );
      await imports.whenIdle();
      const store = new DocumentStore(vault.db);
      const inches = Object.fromEntries(
        store.list().map((doc) => {
          const stored = store.pages(doc.id)[0]!;
          expect(stored.source, doc.fileName).toBe('ocr');
          return [doc.fileName, stored.width! / stored.dpi!];
        }),
      );
      expect(Object.keys(inches).sort()).toEqual(files.map((file) => file.name).sort());
      // Deskewing (2.8° here) may widen the image by a few per cent; 2/3 of the width would be 5.5 inches.
      for (const [name, width] of Object.entries(inches)) expect(width, name).toBeGreaterThan(A4_INCHES * 0.97);
      for (const [name, width] of Object.entries(inches)) expect(width, name).toBeLessThan(A4_INCHES * 1.1);
    } finally {
      await imports.detach();
      vault.lock();
    }
  });
});
