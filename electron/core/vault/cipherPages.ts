import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { PageSizeProblem, WalProblem } from '../../../shared/ipc/verifyFacts';

/**
 * The cipher's own page authentication, checked over every page of the file — including free pages and
 * pages no table points at, which SQLite's integrity_check never reads.
 *
 * The vault database is in SQLCipher 4 format (SQLite3MultipleCiphers `cipher=sqlcipher`, `legacy=4`,
 * database.ts). Each 4096-byte page ends in 80 reserved bytes: a 16-byte IV and an HMAC-SHA512 over the
 * page's ciphertext, the IV and the page number (4 bytes, little-endian). Page 1 starts with the 16-byte
 * KDF salt in clear and is encrypted from byte 16. With a raw key (`x'…'`) the key is the AES-256 key
 * itself, and the HMAC key is PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations, 32 bytes) — SQLCipher's
 * documented design, checked against the library in cipherPages.test.ts (every page of a real vault
 * verifies; one flipped byte does not). WAL frames carry pages in the same format.
 */
export const PAGE_SIZE = 4096;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
const RESERVE = IV_BYTES + HMAC_BYTES;
const SALT_BYTES = 16;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;
/** Pages read at a time: 1 MiB, so a multi-gigabyte vault is checked in constant memory. */
const CHUNK_PAGES = 256;

export interface PageCheck {
  /** whole pages in vault.db */
  pages: number;
  /** page numbers whose authentication fails (at most the first 50 are listed) */
  badPages: number[];
  badPageCount: number;
  /** the file is empty, its size is not a whole number of pages, or it is shorter than its own header says */
  sizeProblem: PageSizeProblem | null;
  /** committed WAL frames checked, and those whose page fails authentication */
  walFrames: number;
  badWalFrames: number[];
  /** the WAL is damaged before transactions that were committed after it (SQLite would drop them) */
  walProblem: WalProblem | null;
}

interface PageKeys {
  encryption: Buffer;
  hmac: Buffer;
}

function pageKeys(dataKey: Buffer, salt: Buffer): PageKeys {
  const hmacSalt = Buffer.from(salt.map((byte) => byte ^ 0x3a));
  return { encryption: dataKey, hmac: pbkdf2Sync(dataKey, hmacSalt, 2, 32, 'sha512') };
}

/** Whether the page (as stored) authenticates as page number `pgno`. */
function pageAuthentic(keys: PageKeys, page: Buffer, pgno: number): boolean {
  const offset = pgno === 1 ? SALT_BYTES : 0;
  const signed = page.subarray(offset, PAGE_SIZE - HMAC_BYTES);
  const number = Buffer.alloc(4);
  number.writeUInt32LE(pgno);
  const mac = createHmac('sha512', keys.hmac).update(signed).update(number).digest();
  return mac.equals(page.subarray(PAGE_SIZE - HMAC_BYTES, PAGE_SIZE));
}

/** Page 1 decrypted: the SQLite header from byte 16 on (the first 16 bytes are the salt). */
function decryptPage(keys: PageKeys, page: Buffer, pgno: number): Buffer {
  const offset = pgno === 1 ? SALT_BYTES : 0;
  const iv = page.subarray(PAGE_SIZE - RESERVE, PAGE_SIZE - HMAC_BYTES);
  const decipher = createDecipheriv('aes-256-cbc', keys.encryption, iv);
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(offset, PAGE_SIZE - RESERVE)), decipher.final()]);
}

function readAt(fd: number, buffer: Buffer, position: number): number {
  let done = 0;
  while (done < buffer.length) {
    const read = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return done;
}

/**
 * Check every page of `file` (and the committed frames of `file-wal`, when there is one) against the
 * data key. Throws only when the file cannot be read at all (ENOENT and the like).
 */
export function checkCipherPages(file: string, dataKey: Buffer): PageCheck {
  const result: PageCheck = { pages: 0, badPages: [], badPageCount: 0, sizeProblem: null, walFrames: 0, badWalFrames: [], walProblem: null };
  const fd = openSync(file, 'r');
  let keys: PageKeys | null = null;
  try {
    const size = fstatSync(fd).size;
    if (size === 0) {
      result.sizeProblem = { kind: 'empty' };
      return result;
    }
    if (size % PAGE_SIZE !== 0) result.sizeProblem = { kind: 'partial-page', bytes: size, pageSize: PAGE_SIZE };
    result.pages = Math.floor(size / PAGE_SIZE);
    const chunk = Buffer.alloc(CHUNK_PAGES * PAGE_SIZE);
    let declaredPages: number | null = null;
    const bad: number[] = [];
    for (let first = 0; first < result.pages; first += CHUNK_PAGES) {
      const count = Math.min(CHUNK_PAGES, result.pages - first);
      readAt(fd, chunk.subarray(0, count * PAGE_SIZE), first * PAGE_SIZE);
      for (let index = 0; index < count; index += 1) {
        const pgno = first + index + 1;
        const page = chunk.subarray(index * PAGE_SIZE, (index + 1) * PAGE_SIZE);
        if (pgno === 1) {
          keys = pageKeys(dataKey, Buffer.from(page.subarray(0, SALT_BYTES)));
          if (pageAuthentic(keys, page, 1)) declaredPages = declaredSize(decryptPage(keys, page, 1));
        }
        if (!pageAuthentic(keys!, page, pgno)) bad.push(pgno);
      }
    }
    const wal = keys ? checkWal(`${file}-wal`, keys) : null;
    if (wal) {
      result.walFrames = wal.frames;
      result.badWalFrames = wal.bad;
      result.walProblem = wal.problem;
    }
    // A page a crash tore while the WAL was being folded in is not damage: SQLite reads that page from
    // the committed WAL frame and writes it again at the next checkpoint.
    const damaged = wal ? bad.filter((pgno) => !wal.pages.has(pgno)) : bad;
    result.badPageCount = damaged.length;
    result.badPages = damaged.slice(0, 50);
    // Without committed WAL frames the file must hold every page its header counts (a file cut at a page
    // boundary passes the size test above). With frames, the WAL may hold pages past the file's end.
    if (!result.sizeProblem && declaredPages !== null && result.walFrames === 0 && declaredPages > result.pages) {
      result.sizeProblem = { kind: 'shorter-than-header', declaredPages, pages: result.pages };
    }
    return result;
  } finally {
    closeSync(fd);
    keys?.hmac.fill(0);
  }
}

/**
 * The database size in pages from the decrypted header (offsets from the header's start; the buffer
 * starts at byte 16), when the header says that field is valid (change counter = version-valid-for).
 */
function declaredSize(plain: Buffer): number | null {
  const at = (offset: number) => plain.readUInt32BE(offset - SALT_BYTES);
  const pages = at(28);
  return pages > 0 && at(24) === at(92) ? pages : null;
}

/**
 * The committed frames of a WAL: those with the header's salts whose running checksum holds, up to the
 * last commit frame (frames after it are an unfinished transaction SQLite ignores). Each frame's page
 * is checked like a page of the file. Null when there is no WAL or it is empty.
 *
 * SQLite stops reading a WAL at the first frame whose checksum fails and silently drops everything after
 * it. After a crash that is one unfinished transaction, torn in any order (frames reach the disk in any
 * order until the commit's fsync). Two or more authentic commit frames after the break cannot be that —
 * with synchronous=FULL a transaction starts only after the one before it reached the disk — so that is
 * reported as damage: committed changes SQLite would drop.
 */
function checkWal(file: string, keys: PageKeys): { frames: number; bad: number[]; problem: WalProblem | null; pages: Set<number> } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    if (size < WAL_HEADER) return null;
    const header = Buffer.alloc(WAL_HEADER);
    readAt(fd, header, 0);
    const magic = header.readUInt32BE(0);
    if ((magic & 0xfffffffe) !== 0x377f0682 || header.readUInt32BE(8) !== PAGE_SIZE) return null;
    const bigEndian = (magic & 1) === 1;
    let sums = walChecksum(header.subarray(0, 24), bigEndian, [0, 0]);
    if (sums[0] !== header.readUInt32BE(24) || sums[1] !== header.readUInt32BE(28)) return null;
    const salt1 = header.readUInt32BE(16);
    const salt2 = header.readUInt32BE(20);
    const frame = Buffer.alloc(FRAME_HEADER + PAGE_SIZE);
    const pending: Array<{ index: number; ok: boolean; pgno: number }> = [];
    const bad: number[] = [];
    const pages = new Set<number>();
    let committed = 0;
    let brokenAt: number | null = null;
    let commitsAfterBreak = 0;
    for (let index = 0; WAL_HEADER + (index + 1) * frame.length <= size; index += 1) {
      readAt(fd, frame, WAL_HEADER + index * frame.length);
      if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break;
      const authentic = pageAuthentic(keys, frame.subarray(FRAME_HEADER), frame.readUInt32BE(0));
      const commit = frame.readUInt32BE(4) !== 0;
      if (brokenAt !== null) {
        if (commit && authentic) commitsAfterBreak += 1;
        continue;
      }
      sums = walChecksum(frame.subarray(0, 8), bigEndian, sums);
      sums = walChecksum(frame.subarray(FRAME_HEADER), bigEndian, sums);
      if (sums[0] !== frame.readUInt32BE(16) || sums[1] !== frame.readUInt32BE(20)) {
        brokenAt = index + 1;
        continue;
      }
      pending.push({ index: index + 1, ok: authentic, pgno: frame.readUInt32BE(0) });
      if (commit) {
        // A commit frame: the transaction's frames count.
        for (const item of pending) {
          if (!item.ok && bad.length < 50) bad.push(item.index);
          if (item.ok) pages.add(item.pgno);
        }
        committed += pending.length;
        pending.length = 0;
      }
    }
    const problem: WalProblem | null = brokenAt !== null && commitsAfterBreak >= 2 ? { kind: 'lost-commits', frame: brokenAt, commits: commitsAfterBreak } : null;
    return committed > 0 || problem ? { frames: committed, bad, problem, pages } : null;
  } finally {
    closeSync(fd);
  }
}

/** SQLite's WAL checksum (wal.c walChecksumBytes), over 8-byte steps, continuing from `start`. */
function walChecksum(data: Buffer, bigEndian: boolean, start: [number, number]): [number, number] {
  let [s0, s1] = start;
  for (let offset = 0; offset < data.length; offset += 8) {
    const x0 = bigEndian ? data.readUInt32BE(offset) : data.readUInt32LE(offset);
    const x1 = bigEndian ? data.readUInt32BE(offset + 4) : data.readUInt32LE(offset + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/** Every page of the file decrypted, for tests that look for what deleted rows left behind. */
export function* decryptedPages(file: string, dataKey: Buffer): Generator<{ pgno: number; plain: Buffer }> {
  const fd = openSync(file, 'r');
  try {
    const pages = Math.floor(fstatSync(fd).size / PAGE_SIZE);
    const page = Buffer.alloc(PAGE_SIZE);
    let keys: PageKeys | null = null;
    for (let pgno = 1; pgno <= pages; pgno += 1) {
      readAt(fd, page, (pgno - 1) * PAGE_SIZE);
      keys ??= pageKeys(dataKey, Buffer.from(page.subarray(0, SALT_BYTES)));
      yield { pgno, plain: decryptPage(keys, page, pgno) };
    }
  } finally {
    closeSync(fd);
  }
}
