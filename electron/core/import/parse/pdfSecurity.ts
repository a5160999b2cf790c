import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

/**
 * The PDF standard security handler (ISO 32000-2, 7.6.4): from a password to the file's key, and from
 * the key to the plain bytes of each string and stream. Only what reading needs — Dalel never encrypts
 * a PDF. It mirrors pdf.js's CipherTransformFactory (pdf.worker.mjs), which has already said yes or no
 * to the password before this runs: the two must agree on which passwords open a file, or a file pdf.js
 * opened would have no reading copy (pdfReadingCopy.ts).
 *
 * Run in the parser process only. The password and the key live in this process's memory for the one
 * call; nothing here writes, logs or puts them in an error message.
 */

/** The values of an /Encrypt dictionary that decryption needs, read by pdfReadingCopy.ts. */
export interface EncryptionValues {
  filter: string;
  v: number;
  r: number;
  /** bits; absent means 40 (V 1-3) or the stream crypt filter's */
  length: number | null;
  o: Uint8Array;
  u: Uint8Array;
  oe: Uint8Array | null;
  ue: Uint8Array | null;
  p: number;
  encryptMetadata: boolean;
  /** crypt filters by name: their method (None, V2, AESV2, AESV3) and key length */
  cryptFilters: ReadonlyMap<string, { cfm: string; length: number | null }>;
  stmF: string;
  strF: string;
  eff: string;
}

export class UnsupportedEncryption extends Error {
  override readonly name = 'UnsupportedEncryption';
}

/** Padding string of algorithm 2 (7.6.4.3.2), the bytes an empty password is filled with. */
const PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f,
  0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

const md5 = (...parts: Uint8Array[]): Uint8Array => {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};

const sha = (bits: 256 | 384 | 512, data: Uint8Array): Uint8Array => new Uint8Array(createHash(`sha${bits}`).update(data).digest());

/**
 * RC4, in JavaScript: OpenSSL 3 (Node) keeps it only in its legacy provider, which may not be loaded, and
 * BoringSSL (Electron) is not OpenSSL. It is a dozen lines, used only to read old files.
 */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

/**
 * AES-CBC with the IV in the first 16 bytes (7.6.3.1). Lenient as readers are: bytes past the last whole
 * block (an end-of-line counted into the stream) are dropped, and padding is removed only when it is
 * well formed.
 */
function aesDecrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length < 32) return new Uint8Array(0);
  const body = data.subarray(16, 16 + Math.floor((data.length - 16) / 16) * 16);
  const decipher = createDecipheriv(key.length === 32 ? 'aes-256-cbc' : 'aes-128-cbc', key, data.subarray(0, 16)).setAutoPadding(false);
  const plain = new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
  const pad = plain.at(-1) ?? 0;
  const padded = pad >= 1 && pad <= 16 && plain.length >= pad && plain.subarray(plain.length - pad).every((byte) => byte === pad);
  return padded ? plain.subarray(0, plain.length - pad) : plain;
}

function aesNoIv(key: Uint8Array, data: Uint8Array, mode: 'decrypt' | 'encrypt', iv: Uint8Array = new Uint8Array(16)): Uint8Array {
  const algorithm = key.length === 32 ? 'aes-256-cbc' : 'aes-128-cbc';
  const cipher = (mode === 'decrypt' ? createDecipheriv(algorithm, key, iv) : createCipheriv(algorithm, key, iv)).setAutoPadding(false);
  return new Uint8Array(Buffer.concat([cipher.update(data), cipher.final()]));
}

const equal = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((byte, i) => byte === b[i]);

/** Characters SASLprep maps to a space or to nothing (RFC 4013), as pdf.js lists them. */
const NON_ASCII_SPACES = new Set([0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x200b, 0x202f, 0x205f, 0x3000]);
const MAPPED_TO_NOTHING = new Set([
  0xad, 0x34f, 0x1806, 0x180b, 0x180c, 0x180d, 0x200b, 0x200c, 0x200d, 0x2060, 0xfe00, 0xfe01, 0xfe02, 0xfe03, 0xfe04, 0xfe05, 0xfe06, 0xfe07, 0xfe08, 0xfe09,
  0xfe0a, 0xfe0b, 0xfe0c, 0xfe0d, 0xfe0e, 0xfe0f, 0xfeff,
]);

function saslPrep(password: string): string {
  let mapped = '';
  for (const char of password) {
    const code = char.codePointAt(0)!;
    if (NON_ASCII_SPACES.has(code)) mapped += ' ';
    else if (!MAPPED_TO_NOTHING.has(code)) mapped += char;
  }
  return mapped.normalize('NFKC');
}

/** The password as the handler's revision wants its bytes (pdf.js's choices, so both accept the same passwords). */
function passwordCandidates(password: string, v: number, r: number): Uint8Array[] {
  if (r === 6) {
    const prepped = saslPrep(password);
    const bytes = new TextEncoder().encode(prepped).subarray(0, 127);
    return prepped === password ? [bytes] : [bytes, new TextEncoder().encode(password).subarray(0, 127)];
  }
  if (v === 5) return [new TextEncoder().encode(password).subarray(0, 127)];
  // Revisions 2-4 take PDFDocEncoding; pdf.js takes each character's low byte, and so does Dalel.
  return [Uint8Array.from(password, (char) => char.charCodeAt(0) & 0xff)];
}

function keyLengthBytes(values: EncryptionValues): number {
  let bits = values.length;
  if (bits === null) bits = values.v <= 3 ? 40 : (values.cryptFilters.get(values.stmF)?.length ?? 128);
  if (bits < 40) bits <<= 3; // some writers give a crypt filter's /Length in bytes
  if (!Number.isInteger(bits) || bits < 40 || bits > 128 || bits % 8 !== 0) throw new UnsupportedEncryption('invalid key length');
  return bits >> 3;
}

/** Algorithm 2: the key a revision 2-4 password gives, or null when the password is not the user password. */
function rc4EraUserKey(values: EncryptionValues, fileId: Uint8Array, password: Uint8Array): Uint8Array | null {
  const n = keyLengthBytes(values);
  const padded = new Uint8Array(32);
  padded.set(password.subarray(0, 32));
  padded.set(PAD.subarray(0, 32 - Math.min(32, password.length)), Math.min(32, password.length));
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, values.p, true);
  const metadata = values.r >= 4 && !values.encryptMetadata ? [Uint8Array.from([0xff, 0xff, 0xff, 0xff])] : [];
  let hash = md5(padded, values.o.subarray(0, 32), p, fileId, ...metadata);
  if (values.r >= 3) for (let i = 0; i < 50; i++) hash = md5(hash.subarray(0, n));
  const key = hash.subarray(0, n);
  // Algorithms 4 and 5: the key is right when it turns the padding (and the file id) into /U.
  let check: Uint8Array;
  if (values.r >= 3) {
    check = rc4(key, md5(PAD, fileId));
    for (let i = 1; i <= 19; i++) check = rc4(key.map((byte) => byte ^ i), check);
    return equal(check, values.u.subarray(0, 16)) ? key : null;
  }
  check = rc4(key, PAD);
  return equal(check, values.u.subarray(0, 32)) ? key : null;
}

/** Algorithm 7: the user password hidden in /O, recovered with the owner password. */
function userPasswordFromOwner(values: EncryptionValues, owner: Uint8Array): Uint8Array {
  const n = keyLengthBytes(values);
  const padded = new Uint8Array(32);
  padded.set(owner.subarray(0, 32));
  padded.set(PAD.subarray(0, 32 - Math.min(32, owner.length)), Math.min(32, owner.length));
  let hash = md5(padded);
  if (values.r >= 3) for (let i = 0; i < 50; i++) hash = md5(hash);
  const key = hash.subarray(0, n);
  let user = values.o.subarray(0, 32);
  if (values.r >= 3) for (let i = 19; i >= 0; i--) user = rc4(key.map((byte) => byte ^ i), user);
  else user = rc4(key, user);
  return user;
}

/** Algorithm 2.B (revision 6), or plain SHA-256 (revision 5). */
function hashR6(password: Uint8Array, input: Uint8Array, userKey: Uint8Array, revision: number): Uint8Array {
  let k: Uint8Array = sha(256, input);
  if (revision === 5) return k;
  let e: Uint8Array = new Uint8Array(0);
  for (let round = 0; round < 64 || e.at(-1)! > round - 32; round++) {
    const single = new Uint8Array(password.length + k.length + userKey.length);
    single.set(password, 0);
    single.set(k, password.length);
    single.set(userKey, password.length + k.length);
    const repeated = new Uint8Array(single.length * 64);
    for (let j = 0; j < 64; j++) repeated.set(single, j * single.length);
    e = aesNoIv(k.subarray(0, 16), repeated, 'encrypt', k.subarray(16, 32));
    const remainder = e.subarray(0, 16).reduce((sum, byte) => sum + byte, 0) % 3;
    k = sha(remainder === 0 ? 256 : remainder === 1 ? 384 : 512, e);
  }
  return k.subarray(0, 32);
}

/** Algorithms 2.A, 11 and 12: the AES-256 file key for a user or owner password, or null. */
function aes256Key(values: EncryptionValues, password: Uint8Array): Uint8Array | null {
  const u = values.u.subarray(0, 48);
  const o = values.o.subarray(0, 48);
  const withSalt = (salt: Uint8Array, extra: Uint8Array) => {
    const input = new Uint8Array(password.length + 8 + extra.length);
    input.set(password, 0);
    input.set(salt, password.length);
    input.set(extra, password.length + 8);
    return input;
  };
  if (values.ue && equal(hashR6(password, withSalt(u.subarray(32, 40), new Uint8Array(0)), new Uint8Array(0), values.r), u.subarray(0, 32))) {
    return aesNoIv(hashR6(password, withSalt(u.subarray(40, 48), new Uint8Array(0)), new Uint8Array(0), values.r), values.ue.subarray(0, 32), 'decrypt');
  }
  if (password.length > 0 && values.oe && equal(hashR6(password, withSalt(o.subarray(32, 40), u), u, values.r), o.subarray(0, 32))) {
    return aesNoIv(hashR6(password, withSalt(o.subarray(40, 48), u), u, values.r), values.oe.subarray(0, 32), 'decrypt');
  }
  return null;
}

/** A decrypter for one file: the key, and which cipher each kind of string and stream uses. */
export interface FileDecryption {
  /** a string of object `num gen` */
  string(num: number, gen: number, data: Uint8Array): Uint8Array;
  /** a stream of object `num gen`; `cryptFilter` when the stream names its own (a /Crypt filter), `embedded` for an embedded file */
  stream(num: number, gen: number, data: Uint8Array, options?: { cryptFilter?: string; embedded?: boolean }): Uint8Array;
  /** whether /Metadata streams are encrypted */
  encryptMetadata: boolean;
}

/**
 * The file's decrypter for `password` (user or owner password; '' for a file with an owner password
 * only), or null when the password opens nothing. Throws UnsupportedEncryption for a handler other than
 * the standard one, or values it does not define.
 */
export function unlockPdf(values: EncryptionValues, fileId: Uint8Array, password: string): FileDecryption | null {
  if (values.filter !== 'Standard') throw new UnsupportedEncryption(`security handler ${values.filter}`);
  if (![1, 2, 4, 5].includes(values.v)) throw new UnsupportedEncryption(`algorithm V ${values.v}`);
  let key: Uint8Array | null = null;
  for (const candidate of passwordCandidates(password, values.v, values.r)) {
    if (values.v === 5) {
      key = aes256Key(values, candidate);
    } else {
      key = rc4EraUserKey(values, fileId, candidate);
      if (!key && candidate.length > 0) key = rc4EraUserKey(values, fileId, userPasswordFromOwner(values, candidate));
    }
    if (key) break;
  }
  if (!key) return null;
  // pdf.js widens a short algorithm 4 key to 16 bytes; the reading copy must decrypt what pdf.js showed.
  const fileKey = values.v === 4 && key.length < 16 ? Uint8Array.from({ length: 16 }, (_, i) => key[i] ?? 0) : key;
  const encryptMetadata = values.v < 4 || values.encryptMetadata;

  const objectKey = (num: number, gen: number, aes: boolean): Uint8Array => {
    const salt = aes ? [Uint8Array.from([0x73, 0x41, 0x6c, 0x54])] : []; // "sAlT"
    const id = Uint8Array.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff]);
    return md5(fileKey, id, ...salt).subarray(0, Math.min(fileKey.length + 5, 16));
  };
  const withFilter = (name: string, num: number, gen: number, data: Uint8Array): Uint8Array => {
    if (values.v < 4) return rc4(objectKey(num, gen, false), data);
    if (name === 'Identity') return data;
    const method = values.cryptFilters.get(name)?.cfm ?? 'None';
    if (method === 'None') return data;
    if (values.v === 5 || method === 'AESV3') return aesDecrypt(fileKey, data);
    if (method === 'V2') return rc4(objectKey(num, gen, false), data);
    if (method === 'AESV2') return aesDecrypt(objectKey(num, gen, true), data);
    throw new UnsupportedEncryption(`crypt filter method ${method}`);
  };
  return {
    encryptMetadata,
    string: (num, gen, data) => withFilter(values.strF, num, gen, data),
    stream: (num, gen, data, options) => withFilter(options?.cryptFilter ?? (options?.embedded ? values.eff : values.stmF), num, gen, data),
  };
}
