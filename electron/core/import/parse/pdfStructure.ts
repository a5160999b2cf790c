/**
 * Checks on a PDF's raw bytes, made before and beside pdf.js. pdf.js is built to show *something* from
 * any file, so it silently rebuilds broken cross-reference tables and salvages cut-off files; for evidence
 * Dalel needs to know when that happened.
 */

/** The PDF spec's implementation note (and Acrobat): `%%EOF` must be within the file's last 1024 bytes. */
const EOF_WINDOW = 1024;

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, end - start)).toString('latin1');
}

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x00 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x20;
}

function isDelimiter(byte: number | undefined): boolean {
  return byte === undefined || isWhitespace(byte) || '()<>[]{}/%'.includes(String.fromCharCode(byte));
}

/**
 * Does the file still have its end? A PDF is read from its end (trailer, `startxref`, `%%EOF`), so a file
 * without `%%EOF` near the end was cut off, typically by an interrupted download or copy. pdf.js can
 * still show the pages it finds, but a lawyer must not file an incomplete document believing it whole,
 * so such a file is refused (and the lawyer asked for a complete copy) rather than imported in part.
 * Trailing whitespace and NUL padding (some transfer tools add it) are ignored.
 */
export function pdfHasEnd(bytes: Uint8Array): boolean {
  let end = bytes.length;
  while (end > 0 && isWhitespace(bytes[end - 1])) end--;
  return latin1(bytes, Math.max(0, end - EOF_WINDOW), end).includes('%%EOF');
}

/** Skips whitespace and `%` comments from `at`, as a PDF lexer does. */
function skipBlank(bytes: Uint8Array, at: number): number {
  let i = at;
  for (;;) {
    while (i < bytes.length && isWhitespace(bytes[i])) i++;
    if (bytes[i] !== 0x25) return i;
    while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
  }
}

function objectHeaderAt(bytes: Uint8Array, offset: number): { num: number; gen: number } | null {
  if (offset < 0 || offset >= bytes.length) return null;
  const at = skipBlank(bytes, offset);
  const match = /^(\d+)\s+(\d+)\s+obj\b/.exec(latin1(bytes, at, Math.min(bytes.length, at + 40)));
  return match ? { num: Number(match[1]), gen: Number(match[2]) } : null;
}

/** How many in-use entries of a classic table are checked: enough to catch shifted offsets, still O(1). */
const ENTRIES_CHECKED = 3;

/**
 * Is the cross-reference data where the file says it is? `startxref` must point at an `xref` table or
 * an xref-stream object, and the table's first entries at the objects they name. When this fails, pdf.js
 * reads the file by scanning every object instead (its "repair"), which is reported as `pdf-repaired`.
 * Only the newest section is checked: that is the one a reader starts from.
 */
export function pdfXrefIntact(bytes: Uint8Array): boolean {
  const tailStart = Math.max(0, bytes.length - 4 * EOF_WINDOW);
  const tail = latin1(bytes, tailStart, bytes.length);
  const match = /startxref\s+(\d+)/g;
  let offset: number | null = null;
  for (let m = match.exec(tail); m; m = match.exec(tail)) offset = Number(m[1]);
  if (offset === null || offset >= bytes.length) return false;
  const at = skipBlank(bytes, offset);
  if (objectHeaderAt(bytes, at)) return true; // an xref stream (PDF 1.5+); pdf.js validates its contents
  if (latin1(bytes, at, at + 4) !== 'xref') return false;
  const table = latin1(bytes, at + 4, Math.min(bytes.length, at + 4 + 64 * 1024));
  const header = /^\s*(\d+)\s+(\d+)/.exec(table);
  if (!header) return false;
  const first = Number(header[1]);
  const entry = /(\d{10})\s(\d{5})\s([nf])/g;
  entry.lastIndex = header[0].length;
  let checked = 0;
  for (let index = 0, m = entry.exec(table); m && index < Number(header[2]); index++, m = entry.exec(table)) {
    if (m[3] !== 'n' || Number(m[1]) === 0) continue;
    const found = objectHeaderAt(bytes, Number(m[1]));
    if (!found || found.num !== first + index || found.gen !== Number(m[2])) return false;
    if (++checked === ENTRIES_CHECKED) break;
  }
  return true;
}

/**
 * Where stream data lies (`stream` EOL … `endstream`). Images and fonts are binary, and three random
 * bytes there spell `/JS` often enough (it happened on a corpus scan) to need skipping.
 */
function streamRanges(buffer: Buffer): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let at = buffer.indexOf('stream', 0, 'latin1'); at !== -1; ) {
    const isEnd = at >= 3 && buffer.toString('latin1', at - 3, at) === 'end';
    const eol = buffer[at + 6];
    if (isEnd || (eol !== 0x0d && eol !== 0x0a)) {
      at = buffer.indexOf('stream', at + 6, 'latin1');
      continue;
    }
    const end = buffer.indexOf('endstream', at + 6, 'latin1');
    ranges.push([at + 6, end === -1 ? buffer.length : end]);
    at = end === -1 ? -1 : buffer.indexOf('stream', end + 9, 'latin1');
  }
  return ranges;
}

function hasName(buffer: Buffer, streams: Array<[number, number]>, name: string): boolean {
  for (let at = buffer.indexOf(name, 0, 'latin1'); at !== -1; at = buffer.indexOf(name, at + 1, 'latin1')) {
    const inStream = streams.some(([from, to]) => at >= from && at < to);
    if (!inStream && isDelimiter(buffer[at + name.length])) return true;
  }
  return false;
}

function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** `/Encrypt` anywhere: used to tell "damaged" from "protected in a way pdf.js cannot open". */
export function pdfMentionsEncrypt(bytes: Uint8Array): boolean {
  const buffer = view(bytes);
  return hasName(buffer, streamRanges(buffer), '/Encrypt');
}

/**
 * Active content named in plain (uncompressed) objects: JavaScript actions and Launch actions (which run
 * programs). pdf.js's own checks see compressed objects too, but only where it looks for scripts
 * (document, pages, form fields); this scan catches the rest, e.g. a link annotation that launches a file.
 */
export function pdfNamesActiveContent(bytes: Uint8Array): boolean {
  const buffer = view(bytes);
  const streams = streamRanges(buffer);
  return ['/JavaScript', '/JS', '/Launch'].some((name) => hasName(buffer, streams, name));
}
