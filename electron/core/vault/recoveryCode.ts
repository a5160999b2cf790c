import { randomBytes } from 'node:crypto';

/**
 * Recovery codes: 160 random bits in Crockford base32 (no I, L, O, U), grouped by four so they can be
 * copied onto paper and typed back. Typing is forgiving: case, spaces, dashes and the look-alikes
 * O→0, I/L→1 are normalised away.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_BYTES = 20;

export function generateRecoveryCode(): string {
  const bytes = randomBytes(CODE_BYTES);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  bytes.fill(0);
  return out.match(/.{1,4}/g)!.join('-');
}

/** Canonical form used as KDF input. Returns null when the text cannot be a recovery code. */
export function normalizeRecoveryCode(text: string): string | null {
  const cleaned = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== (CODE_BYTES * 8) / 5) return null;
  for (const ch of cleaned) if (!ALPHABET.includes(ch)) return null;
  return cleaned;
}
