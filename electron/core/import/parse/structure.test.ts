import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jpegComplete, pngComplete } from './imageStructure';
import { pdfHasEnd, pdfMentionsEncrypt, pdfNamesActiveContent, pdfXrefIntact } from './pdfStructure';
import { detectKind, sniffFile } from './sniff';
import { CORPUS_DIR, corpusBytes, manifest } from './testing/corpus';
import { ImportFailure } from './types';
import { hasQpdf } from '../../testing/tools';

/** Byte-level checks, run in-process on corpus bytes and on damage made from them. */

const documents = manifest().documents;
const pdfs = documents.filter((doc) => doc.format === 'pdf').map((doc) => corpusBytes(doc.file));

function failure(run: () => unknown): ImportFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportFailure) return error;
    throw error;
  }
  throw new Error('expected an ImportFailure');
}

describe('sniffing', () => {
  it('knows every corpus document by its content', () => {
    for (const doc of documents) expect(detectKind(corpusBytes(doc.file)), doc.file).toBe(doc.format);
  });

  it('accepts junk before %PDF- within the first KiB, as readers do, and not beyond', () => {
    const pdf = corpusBytes('ngo_letter_45-21.pdf');
    expect(detectKind(Buffer.concat([Buffer.alloc(900, 0x20), pdf]))).toBe('pdf');
    expect(detectKind(Buffer.concat([Buffer.alloc(4096, 0x20), pdf]))).toBeNull();
  });

  it('gives empty, oversized and unknown files their codes', () => {
    expect(failure(() => sniffFile(new Uint8Array(0), 'a.pdf')).code).toBe('empty-file');
    expect(failure(() => sniffFile(new Uint8Array(300 * 1024 * 1024), 'a.pdf')).code).toBe('file-too-large');
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(100)]);
    expect(failure(() => sniffFile(heic, 'IMG_0001.HEIC')).message).toMatch(/HEIC/);
    expect(failure(() => sniffFile(Buffer.from('Заметки по делу клиента\n'), 'notes.pdf')).message).toMatch(/plain text/);
  });

  it('warns when the extension names another format, in any case', () => {
    const jpeg = corpusBytes('scan_0005.jpg');
    expect(sniffFile(jpeg, 'scan.JPG').warnings).toEqual([]);
    expect(sniffFile(jpeg, 'scan.jpeg').warnings).toEqual([]);
    expect(sniffFile(jpeg, 'scan').warnings).toEqual([]);
    expect(sniffFile(jpeg, 'scan.png').warnings).toEqual(['extension-mismatch']);
  });
});

describe('PDF structure', () => {
  it('every corpus PDF has its end and an intact cross-reference table', () => {
    for (const pdf of pdfs) expect([pdfHasEnd(pdf), pdfXrefIntact(pdf)]).toEqual([true, true]);
  });

  it('a cut-off PDF has no end; trailing whitespace and NUL padding are not damage', () => {
    const pdf = corpusBytes('ngo_letter_45-21.pdf');
    expect(pdfHasEnd(pdf.subarray(0, pdf.length - 200))).toBe(false);
    expect(pdfHasEnd(Buffer.concat([pdf, Buffer.alloc(8192, 0)]))).toBe(true);
    expect(pdfHasEnd(corpusBytes('bad/verdict_copy_incomplete.pdf'))).toBe(false);
  });

  if (!hasQpdf) console.warn('skipped: the qpdf rewrite test, qpdf is not installed (Debian qpdf; scripts/dev.sh test installs it)');

  it.skipIf(!hasQpdf)('valid rewrites of other shapes (linearized, xref streams, QDF) are neither cut off nor repaired', () => {
    for (const file of ['ngo_letter_45-21.pdf', 'verdict_Kadyrbekuly.pdf', 'memo_relatives_xinjiang.pdf']) {
      for (const args of [['--linearize'], ['--object-streams=generate'], ['--linearize', '--object-streams=generate'], ['--qdf']]) {
        const rewritten = execFileSync('qpdf', [...args, join(CORPUS_DIR, file), '-'], { maxBuffer: 64 * 1024 * 1024 });
        expect([pdfHasEnd(rewritten), pdfXrefIntact(rewritten), pdfNamesActiveContent(rewritten)], `${file} ${args.join(' ')}`).toEqual([true, true, false]);
      }
    }
  });

  it('shifted offsets are caught', () => {
    expect(pdfXrefIntact(corpusBytes('bad/cover_letter_broken_xref.pdf'))).toBe(false);
  });

  it('finds JavaScript names outside stream data, not inside it', () => {
    expect(pdfNamesActiveContent(corpusBytes('bad/evidence_cover_js.pdf'))).toBe(true);
    for (const pdf of pdfs) expect(pdfNamesActiveContent(pdf)).toBe(false);
    const inStream = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Length 8 >>\nstream\n/JS (x)\nendstream\nendobj\n%%EOF\n');
    expect(pdfNamesActiveContent(inStream)).toBe(false);
    const launch = Buffer.from('%PDF-1.4\n1 0 obj\n<< /S /Launch /F (calc.exe) >>\nendobj\n%%EOF\n');
    expect(pdfNamesActiveContent(launch)).toBe(true);
  });

  it('sees /Encrypt in encrypted files only', () => {
    expect(pdfMentionsEncrypt(corpusBytes('bad/bundle_protected.pdf'))).toBe(true);
    expect(pdfMentionsEncrypt(corpusBytes('ngo_letter_45-21.pdf'))).toBe(false);
  });
});

describe('image structure', () => {
  const jpegs = documents.filter((doc) => doc.format === 'jpeg').map((doc) => corpusBytes(doc.file));

  it('every corpus JPEG is complete; cut anywhere, none is', () => {
    for (const jpeg of jpegs) {
      expect(jpegComplete(jpeg)).toBe(true);
      for (const share of [0.05, 0.4, 0.9]) expect(jpegComplete(jpeg.subarray(0, Math.floor(jpeg.length * share)))).toBe(false);
      expect(jpegComplete(jpeg.subarray(0, jpeg.length - 2))).toBe(false); // only the end marker missing
    }
    expect(jpegComplete(corpusBytes('bad/IMG_0457.jpg'))).toBe(false);
  });

  it('PNGs end with IEND; a cut PNG does not', () => {
    const png = corpusBytes('fax_20210522.png');
    expect(pngComplete(png)).toBe(true);
    expect(pngComplete(png.subarray(0, png.length - 12))).toBe(false);
    expect(pngComplete(corpusBytes('bad/huge_scan.png'))).toBe(true); // complete, only too large
  });
});
