import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportErrorCode, ImportWarning } from '../../../../shared/domain/document';
import { createFileParser } from './fileParser';
import { nodeParserProcesses } from './processes';
import { CORPUS_DIR, corpusBytes, manifest, normaliseSpace } from './testing/corpus';
import { ImportFailure } from './types';
import { hasQpdf } from '../../testing/tools';

/** The corpus's bad inputs, then the same kinds of damage made fresh from good files (the general case). */

const parser = createFileParser({ processes: nodeParserProcesses() });
afterAll(() => parser.close());

async function failureOf(promise: Promise<unknown>): Promise<ImportFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ImportFailure)) throw new Error(`expected an ImportFailure, got ${String(error)}`);
  expect(error.message.length).toBeGreaterThan(20); // a sentence for the lawyer, not a stack trace
  return error;
}

type Expected = { reject: ImportErrorCode } | { import: ImportWarning[]; pages: number };

/** Our outcome per file; the test checks each against the truth's `expected_outcome`. */
const EXPECTED: Record<string, Expected> = {
  'bad/empty.pdf': { reject: 'empty-file' },
  'bad/IMG_0457.jpg': { reject: 'corrupt-file' },
  'bad/verdict_copy_incomplete.pdf': { reject: 'corrupt-file' },
  'bad/cover_letter_broken_xref.pdf': { import: ['pdf-repaired'], pages: 1 },
  'bad/bundle_protected.pdf': { reject: 'pdf-password-required' },
  'bad/bundle_owner_locked.pdf': { import: ['pdf-encrypted-owner'], pages: 1 },
  'bad/evidence_cover_js.pdf': { import: ['pdf-javascript'], pages: 1 },
  'bad/huge_scan.png': { reject: 'image-too-large' },
  'bad/notes_client.pdf': { reject: 'unsupported-file' },
  'bad/scan_0001 (copy).jpg': { import: [], pages: 1 }, // duplicates are the import service's business
  'bad/pixel.png': { reject: 'image-too-small' },
  'bad/photo_from_phone.png': { import: ['extension-mismatch'], pages: 1 },
  'bad/scan_multipage.tif': { import: [], pages: 2 },
};

describe('corpus bad inputs', () => {
  const bad = manifest().bad_inputs;
  it('covers every bad input of the corpus', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(bad.map((b) => b.file).sort());
  });

  it.each(bad.map((b) => [b.file, b] as const))('%s', async (file, truth) => {
    const expected = EXPECTED[file] as Expected;
    expect(truth.expected_outcome.startsWith('reject') ? 'reject' : 'import').toBe('reject' in expected ? 'reject' : 'import');
    const bytes = corpusBytes(file);
    const name = file.slice('bad/'.length);
    if ('reject' in expected) {
      expect((await failureOf(parser.inspect(bytes, name))).code).toBe(expected.reject);
      return;
    }
    const inspected = await parser.inspect(bytes, name);
    expect(inspected.warnings).toEqual(expected.import);
    expect(inspected.pageCount).toBe(expected.pages);
    const pageText = (truth as unknown as { page_text?: string[] }).page_text;
    for (let page = 1; page <= inspected.pageCount; page++) {
      const content = await parser.page(bytes, inspected.kind, page);
      if (inspected.kind === 'pdf' && pageText) {
        // Opened, repaired or decrypted: the text is what the truth says the file contains.
        expect(content.source).toBe('text-layer');
        if (content.source === 'text-layer') expect(normaliseSpace(content.text)).toBe(normaliseSpace(pageText[page - 1] ?? ''));
      }
    }
  });

  it('refuses the 60000×60000 PNG at page() too, not only at inspect()', async () => {
    expect((await failureOf(parser.page(corpusBytes('bad/huge_scan.png'), 'png', 1))).code).toBe('image-too-large');
  });
});

const qpdf = (...args: string[]): Buffer => execFileSync('qpdf', [...args, '-'], { maxBuffer: 64 * 1024 * 1024 });
if (!hasQpdf) console.warn('skipped: two qpdf-made damage tests, qpdf is not installed (Debian qpdf; scripts/dev.sh test installs it)');

describe('the same damage, made fresh from good files', () => {
  const pdfs = manifest().documents.filter((doc) => doc.format === 'pdf').map((doc) => doc.file);

  it.each(pdfs)('%s cut off part-way is refused as corrupt-file', async (file) => {
    const bytes = corpusBytes(file);
    for (const share of [0.3, 0.7, 0.98]) {
      const cut = bytes.subarray(0, Math.floor(bytes.length * share));
      expect((await failureOf(parser.inspect(cut, file))).code).toBe('corrupt-file');
    }
  });

  it('a PDF whose startxref points nowhere is repaired, with a warning and its full text', async () => {
    const bytes = Buffer.from(corpusBytes('ngo_letter_45-21.pdf'));
    const tail = bytes.lastIndexOf('startxref');
    const offset = /startxref\s+(\d+)/.exec(bytes.toString('latin1', tail))?.[1] ?? '';
    const broken = Buffer.concat([bytes.subarray(0, tail), Buffer.from(`startxref\n${Number(offset) + 37}\n%%EOF\n`)]);
    const inspected = await parser.inspect(broken, 'letter.pdf');
    expect(inspected.warnings).toEqual(['pdf-repaired']);
    const page = await parser.page(broken, 'pdf', 1);
    expect(page.source).toBe('text-layer');
  });

  it('JPEGs: cut anywhere is corrupt-file; data after the end marker (phone trailers) is fine', async () => {
    const jpeg = corpusBytes('scan_0005.jpg');
    for (const share of [0.1, 0.5, 0.999]) {
      expect((await failureOf(parser.inspect(jpeg.subarray(0, Math.floor(jpeg.length * share)), 'a.jpg'))).code).toBe('corrupt-file');
    }
    const withTrailer = Buffer.concat([jpeg, Buffer.from('MotionPhoto_Data\0\0ftypmp42 and some video bytes')]);
    expect((await parser.inspect(withTrailer, 'a.jpg')).pageCount).toBe(1);
    expect((await parser.page(withTrailer, 'jpeg', 1)).source).toBe('raster');
  });

  it('a PNG cut off is corrupt-file', async () => {
    const png = corpusBytes('certificate_aigerim.png');
    expect((await failureOf(parser.inspect(png.subarray(0, png.length - 100), 'a.png'))).code).toBe('corrupt-file');
  });

  it('a tiny image of any format is image-too-small', async () => {
    const tiny = await sharp({ create: { width: 20, height: 400, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    expect((await failureOf(parser.inspect(tiny, 'strip.jpg'))).code).toBe('image-too-small');
  });

  it('formats by content: other formats are named in the refusal, missing extensions are not a mismatch', async () => {
    const gif = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#fff' } }).gif().toBuffer();
    const refusal = await failureOf(parser.inspect(gif, 'scan.gif'));
    expect([refusal.code, refusal.message]).toEqual(['unsupported-file', expect.stringMatching(/GIF/)]);
    expect((await parser.inspect(corpusBytes('ngo_letter_45-21.pdf'), 'letter')).warnings).toEqual([]);
    expect((await parser.inspect(corpusBytes('scan_0005.jpg'), 'SCAN.JPEG')).warnings).toEqual([]);
    expect((await parser.inspect(corpusBytes('scan_0005.jpg'), 'scan.pdf')).warnings).toEqual(['extension-mismatch']);
  });

  it.skipIf(!hasQpdf)('JavaScript hidden in a compressed object stream is still flagged', async () => {
    const packed = qpdf('--object-streams=generate', join(CORPUS_DIR, 'bad/evidence_cover_js.pdf'));
    expect(packed.includes('/JavaScript')).toBe(false); // invisible to a byte scan
    expect((await parser.inspect(packed, 'cover.pdf')).warnings).toEqual(['pdf-javascript']);
  });

  it.skipIf(!hasQpdf)('AES-256 encryption: a user password is asked for, a wrong one refused, the right one opens a reading copy; an owner password only is a warning', async () => {
    const source = join(CORPUS_DIR, 'ngo_letter_45-21.pdf');
    const locked = qpdf('--encrypt', 'user-pw', 'owner-pw', '256', '--', source);
    expect((await failureOf(parser.inspect(locked, 'letter.pdf'))).code).toBe('pdf-password-required');
    const wrong = await failureOf(parser.inspect(locked, 'letter.pdf', { password: 'User-pw' }));
    expect(wrong.code).toBe('pdf-password-wrong');
    expect(wrong.message).not.toContain('User-pw');
    const plainText = await parser.page(readFileSync(source), 'pdf', 1);
    for (const password of ['user-pw', 'owner-pw']) {
      const opened = await parser.inspect(locked, 'letter.pdf', { password });
      expect(opened).toMatchObject({ kind: 'pdf', pageCount: 1, warnings: [] });
      const copy = opened.readingCopy!;
      expect(Buffer.from(copy).includes('/Encrypt')).toBe(false);
      const page = await parser.page(copy, 'pdf', 1);
      expect(page.source).toBe('text-layer');
      if (page.source === 'text-layer' && plainText.source === 'text-layer') expect(page.text).toBe(plainText.text);
    }
    // pdf.js and the reading copy take a password in Cyrillic the same way (UTF-8 for AES-256).
    const kazakh = qpdf('--encrypt', 'Көктерек 1987', 'owner-pw', '256', '--', source);
    expect((await failureOf(parser.inspect(kazakh, 'letter.pdf', { password: 'Коктерек 1987' }))).code).toBe('pdf-password-wrong');
    expect((await parser.inspect(kazakh, 'letter.pdf', { password: 'Көктерек 1987' })).readingCopy).toBeInstanceOf(Uint8Array);
    const ownerOnly = qpdf('--encrypt', '', 'owner-pw', '256', '--print=none', '--', source);
    expect((await parser.inspect(ownerOnly, 'letter.pdf')).warnings).toEqual(['pdf-encrypted-owner']);
    // A password given for a file that opens without one changes nothing: no reading copy is made.
    const unasked = await parser.inspect(ownerOnly, 'letter.pdf', { password: 'owner-pw' });
    expect(unasked.warnings).toEqual(['pdf-encrypted-owner']);
    expect(unasked.readingCopy).toBeUndefined();
    expect((await parser.page(ownerOnly, 'pdf', 1)).source).toBe('text-layer');
  });

  it.skipIf(!hasQpdf)('encrypted with a security handler other than the password one: encrypted-pdf, with a password or without', async () => {
    const locked = qpdf('--encrypt', 'user-pw', 'owner-pw', '256', '--', join(CORPUS_DIR, 'ngo_letter_45-21.pdf'));
    const at = locked.indexOf('/Filter /Standard');
    expect(at).toBeGreaterThan(0);
    const certificates = Buffer.from(locked);
    certificates.write('/Filter /PubSecXY', at, 'latin1'); // a certificate handler's name, the same length
    expect((await failureOf(parser.inspect(certificates, 'letter.pdf'))).code).toBe('encrypted-pdf');
    expect((await failureOf(parser.inspect(certificates, 'letter.pdf', { password: 'user-pw' }))).code).toBe('encrypted-pdf');
  });

  it.skipIf(!hasQpdf)('JavaScript inside a password-protected PDF is still flagged', async () => {
    const locked = qpdf('--object-streams=generate', '--encrypt', 'user-pw', 'owner-pw', '256', '--', join(CORPUS_DIR, 'bad/evidence_cover_js.pdf'));
    expect((await parser.inspect(locked, 'cover.pdf', { password: 'user-pw' })).warnings).toEqual(['pdf-javascript']);
  });
});
