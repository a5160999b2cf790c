/**
 * The byte side of the leak check: every protected spelling as the byte strings a PDF could hold it in,
 * and the finished file's bytes as a reader sees them (streams decompressed). See leakCheck.ts.
 */
import { inflateSync, constants as zlibConstants } from 'node:zlib';

const HEX = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

type Encoding = 'utf8' | 'utf16' | 'hex8' | 'hex16';

export interface Needle {
  bytes: Buffer;
  encoding: Encoding;
  /** Chinese has no spaces: a Han spelling counts wherever it stands */
  han: boolean;
}

/** Each spelling as the byte strings a PDF could hold it in. */
export function byteNeedles(spellings: readonly string[]): Needle[] {
  const needles = new Map<string, Needle>();
  for (const spelling of spellings) {
    const text = spelling.normalize('NFC').trim();
    const han = /\p{Script=Han}/u.test(text);
    const add = (bytes: Buffer, encoding: Encoding) => needles.set(`${encoding}:${bytes.toString('latin1')}`, { bytes, encoding, han });
    if ([...text].length < (han ? 2 : 4)) continue; // three letters turn up by chance in any binary
    for (const form of new Set([text, text.toUpperCase()])) {
      const utf8 = Buffer.from(form, 'utf8');
      const utf16 = Buffer.from(form, 'utf16le').swap16();
      add(utf8, 'utf8');
      add(utf16, 'utf16');
      for (const hex of [HEX(utf8), HEX(utf8).toUpperCase()]) add(Buffer.from(hex, 'latin1'), 'hex8');
      for (const hex of [HEX(utf16), HEX(utf16).toUpperCase()]) add(Buffer.from(hex, 'latin1'), 'hex16');
    }
  }
  return [...needles.values()];
}

const LETTER = /[\p{L}\p{M}\p{N}]/u;

/** The character just before (`side` -1) or after (+1) a hit, in the hit's encoding, or '' at an edge. */
function neighbour(chunk: Buffer, at: number, length: number, encoding: Encoding, side: -1 | 1): string {
  const edge = side < 0 ? at : at + length;
  if (encoding === 'utf16') {
    const from = side < 0 ? edge - 2 : edge;
    return from < 0 || from + 2 > chunk.length ? '' : Buffer.from(chunk.subarray(from, from + 2)).swap16().toString('utf16le');
  }
  if (encoding === 'hex8' || encoding === 'hex16') {
    const width = encoding === 'hex8' ? 2 : 4;
    const from = side < 0 ? edge - width : edge;
    const hex = from < 0 ? '' : chunk.subarray(from, from + width).toString('latin1');
    if (!/^[0-9a-f]+$/i.test(hex) || hex.length !== width) return '';
    const bytes = Buffer.from(hex, 'hex');
    return encoding === 'hex8' ? (bytes[0]! < 0x80 ? String.fromCharCode(bytes[0]!) : 'x') : bytes.swap16().toString('utf16le');
  }
  // UTF-8: a continuation byte or a lead byte beside the hit is part of a letter of another word.
  const from = side < 0 ? edge - 1 : edge;
  if (from < 0 || from >= chunk.length) return '';
  const byte = chunk[from]!;
  return byte >= 0x80 ? 'x' : String.fromCharCode(byte);
}

/** Whether a needle stands in the chunk as a word of its own (Dauletkyzy does not hold the word Daulet). */
export function holdsWord(chunk: Buffer, needle: Needle): boolean {
  for (let at = chunk.indexOf(needle.bytes); at >= 0; at = chunk.indexOf(needle.bytes, at + 1)) {
    const before = neighbour(chunk, at, needle.bytes.length, needle.encoding, -1);
    const after = neighbour(chunk, at, needle.bytes.length, needle.encoding, 1);
    if (needle.han || (!LETTER.test(before) && !LETTER.test(after))) return true;
  }
  return false;
}

/** The file's bytes as a reader sees them: streams decompressed (pictures and font programs left out), the rest as it is. */
export function* readableBytes(file: Buffer): Generator<Buffer> {
  let at = 0;
  for (;;) {
    const keyword = file.indexOf('stream', at, 'latin1');
    if (keyword < 0) break;
    // A stream's data follows `stream` right after its dictionary's `>>` (whitespace between).
    let before = keyword - 1;
    while (before > 0 && (file[before] === 0x20 || file[before] === 0x0a || file[before] === 0x0d || file[before] === 0x09)) before--;
    if (file[before] !== 0x3e || file[before - 1] !== 0x3e) {
      at = keyword + 6;
      continue;
    }
    let start = keyword + 6;
    if (file[start] === 0x0d) start++;
    if (file[start] === 0x0a) start++;
    const end = file.indexOf('endstream', start, 'latin1');
    if (end < 0) break;
    const dictStart = file.lastIndexOf('obj', keyword);
    const dict = file.subarray(Math.max(at, dictStart), keyword).toString('latin1');
    yield file.subarray(at, keyword);
    const picture = /\/Subtype\s*\/Image\b/.test(dict);
    const font = /\/Length[123]\b|\/Subtype\s*\/(Type1C|CIDFontType0C|OpenType)\b/.test(dict);
    if (!picture && !font) {
      const data = file.subarray(start, end);
      if (/\/FlateDecode\b/.test(dict)) {
        try {
          yield inflateSync(data, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
        } catch {
          yield data;
        }
      } else yield data;
    }
    at = end + 9;
  }
  yield file.subarray(at);
}
