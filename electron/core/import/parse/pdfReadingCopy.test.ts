import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encryptPdf, hasQpdf, PDF_CIPHERS } from '../testing/protectedPdf';
import { printedPdf } from '../testing/printedPdf';
import { readingCopy, ReadingCopyFailure } from './pdfReadingCopy';
import { normaliseSpace } from './testing/corpus';
import { hasPdftotext } from '../../testing/tools';

/**
 * The reading copy of a password-protected PDF, checked with tools that are not Dalel's: qpdf says the
 * copy is a sound, unencrypted PDF, and poppler reads from it the text the unprotected letter holds.
 */

if (!hasQpdf || !hasPdftotext) console.warn('skipped: reading copies, qpdf or poppler-utils is not installed (scripts/dev.sh test installs them)');

const dir = mkdtempSync(join(tmpdir(), 'dalel-reading-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINES = ['Министерство внутренних дел Республики Казахстан', 'Справка № 3-1-17/Б-1234 от 02.04.2021', 'Асқарұлы Нұрлан — отказ в выдаче удостоверения'];

function pdftotext(bytes: Uint8Array): string {
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  try {
    return normaliseSpace(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  } finally {
    rmSync(file, { force: true });
  }
}

function qpdfSays(bytes: Uint8Array): string {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  try {
    return execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
  } finally {
    rmSync(file, { force: true });
  }
}

describe.skipIf(!hasQpdf || !hasPdftotext)('reading copy of a protected PDF', () => {
  it.each(PDF_CIPHERS.flatMap((cipher) => [[cipher, 'preserve'], [cipher, 'generate']] as const))(
    '%s (object streams: %s): opened with the user or the owner password, the copy is unencrypted and says what the letter says',
    async (cipher, objectStreams) => {
      const letter = await printedPdf({ lines: LINES, fieldValue: 'Айгерим Даулетқызы', noteText: 'Копия верна' });
      const locked = encryptPdf(letter, { user: 'Kökterek 7', owner: 'owner-side 9', cipher, ...(objectStreams === 'generate' ? { objectStreams } : {}) });
      // (qpdf writes the 40-bit handler's password in PDFDocEncoding, as Dalel reads it.)
      expect(pdftotext(letter)).toContain('Справка № 3-1-17/Б-1234');
      for (const password of ['Kökterek 7', 'owner-side 9']) {
        const copy = await readingCopy(locked, password);
        const check = qpdfSays(copy);
        expect(check).toContain('File is not encrypted');
        expect(check).toContain('No syntax or stream encoding errors found');
        expect(pdftotext(copy)).toBe(pdftotext(letter));
        expect(pdftotext(copy)).toContain('Асқарұлы Нұрлан');
      }
    },
  );

  it('AES-256 takes a password in any script (UTF-8, SASLprep): a Kazakh one opens it', async () => {
    const letter = await printedPdf({ lines: LINES });
    const locked = encryptPdf(letter, { user: 'Көктерек 1987', owner: 'Иесі 2021', cipher: 'aes-256' });
    expect(pdftotext(await readingCopy(locked, 'Көктерек 1987'))).toBe(pdftotext(letter));
    expect(pdftotext(await readingCopy(locked, 'Иесі 2021'))).toBe(pdftotext(letter));
    await expect(readingCopy(locked, 'Коктерек 1987')).rejects.toBeInstanceOf(ReadingCopyFailure);
  });

  it('an owner password only: the empty user password makes the copy', async () => {
    const letter = await printedPdf({ lines: LINES });
    const locked = encryptPdf(letter, { user: '', owner: 'owner-side 9', cipher: 'aes-256', restrictions: ['--print=none', '--extract=n'] });
    expect(pdftotext(await readingCopy(locked, ''))).toBe(pdftotext(letter));
  });

  it('a wrong password, or a file that is not encrypted, makes no copy', async () => {
    const letter = await printedPdf({ lines: LINES });
    const locked = encryptPdf(letter, { user: 'Kökterek 7', owner: 'owner-side 9', cipher: 'aes-256' });
    await expect(readingCopy(locked, 'kökterek 7')).rejects.toBeInstanceOf(ReadingCopyFailure);
    await expect(readingCopy(letter, 'Kökterek 7')).rejects.toBeInstanceOf(ReadingCopyFailure);
  });
});
