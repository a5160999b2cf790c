import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM wrapping of the vault's data key under a key-encryption key. The associated data binds
 * the slot's kind and KDF parameters, so a header edited to point a slot at other parameters fails
 * authentication instead of silently deriving something else.
 */
export interface WrappedKey {
  alg: 'aes-256-gcm';
  nonce: string;
  ciphertext: string;
  tag: string;
}

export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;

export function wrapKey(kek: Buffer, dataKey: Buffer, aad: Buffer): WrappedKey {
  const nonce = randomBytes(GCM_NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    alg: 'aes-256-gcm',
    nonce: nonce.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns the data key, or null when authentication fails (wrong secret or altered slot). */
export function unwrapKey(kek: Buffer, wrapped: WrappedKey, aad: Buffer): Buffer | null {
  const nonce = Buffer.from(wrapped.nonce, 'base64');
  const tag = Buffer.from(wrapped.tag, 'base64');
  // Node accepts GCM tags from 4 bytes up unless told the length; the header schema checks it too.
  if (nonce.length !== GCM_NONCE_BYTES || tag.length !== GCM_TAG_BYTES) return null;
  const parts: Buffer[] = [];
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, nonce, { authTagLength: GCM_TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    parts.push(decipher.update(Buffer.from(wrapped.ciphertext, 'base64')));
    parts.push(decipher.final());
  } catch {
    for (const part of parts) part.fill(0);
    return null;
  }
  const key = Buffer.concat(parts);
  for (const part of parts) part.fill(0);
  return key;
}
