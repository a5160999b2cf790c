/**
 * Password-protected PDFs for the tests, made from PDFs the tests build: qpdf encrypts them the ways
 * senders' software does (AES-256 as current Acrobat, AES-128 and RC4 as older scanners and office
 * suites, an owner password only as "protected against copying"). Nothing here is shipped; the tests skip
 * where Debian's qpdf is missing (scripts/dev.sh test installs it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { hasQpdf } from '../../testing/tools';

export type PdfCipher = 'aes-256' | 'aes-128' | 'rc4-128' | 'rc4-40';

export const PDF_CIPHERS: readonly PdfCipher[] = ['aes-256', 'aes-128', 'rc4-128', 'rc4-40'];

const CIPHER_ARGS: Record<PdfCipher, string[]> = {
  'aes-256': ['256'],
  'aes-128': ['128', '--use-aes=y'],
  'rc4-128': ['128', '--use-aes=n'],
  'rc4-40': ['40'],
};

/**
 * `bytes` encrypted with a user password (empty: opens without one) and an owner password. Object
 * streams are kept as qpdf finds them unless `objectStreams` says otherwise ('generate' packs the
 * objects into encrypted object streams, as Acrobat's "reduced size" does).
 */
export function encryptPdf(
  bytes: Uint8Array,
  options: { user: string; owner: string; cipher: PdfCipher; objectStreams?: 'generate' | 'disable'; restrictions?: string[] },
): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-protected-'));
  try {
    const input = join(dir, 'in.pdf');
    writeFileSync(input, bytes);
    const weak = options.cipher.startsWith('rc4') ? ['--allow-weak-crypto'] : [];
    const streams = options.objectStreams ? [`--object-streams=${options.objectStreams}`] : [];
    // The password is on qpdf's command line here, in a test; Dalel itself never puts one on a command line.
    return execFileSync(
      'qpdf',
      [...weak, ...streams, '--encrypt', options.user, options.owner, ...CIPHER_ARGS[options.cipher], ...(options.restrictions ?? []), '--', input, '-'],
      { maxBuffer: 256 * 1024 * 1024 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `secret` in the encodings a program could have written it in: UTF-8, UTF-16 either way round, hex. */
export function secretEncodings(secret: string): Buffer[] {
  const utf8 = Buffer.from(secret, 'utf8');
  const utf16le = Buffer.from(secret, 'utf16le');
  const utf16be = Buffer.from(utf16le);
  utf16be.swap16();
  return [utf8, utf16le, utf16be, Buffer.from(utf8.toString('hex')), Buffer.from(utf8.toString('hex').toUpperCase())];
}

export function containsSecret(bytes: Uint8Array, secret: string): boolean {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return secretEncodings(secret).some((needle) => haystack.includes(needle));
}
