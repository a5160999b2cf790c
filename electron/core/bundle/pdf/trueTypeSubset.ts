/**
 * A TrueType font cut down to the glyphs a bundle uses, as a PDF embeds it (FontFile2 of a CIDFontType2):
 * glyf, loca, hmtx, head, hhea, maxp, and the hinting tables cvt, fpgm and prep copied as they are.
 * No cmap, name, OS/2 or post: the PDF maps its codes to glyphs itself (CIDToGIDMap) and says what they
 * mean in its ToUnicode map.
 *
 * Why not fontkit's own subsetter (`font.createSubset()`): it copies each glyph's bytes unpadded and then
 * writes the short loca format whenever the subset is under 128 KB, which stores offsets halved. Droid
 * Sans Fallback has 11,679 glyphs of odd length; every glyph after one of them in a subset started a byte
 * early and drew nothing, so "乌公通〔2020〕45号" printed as "乌公 〔2020 45" and copied in full — the
 * text layer was right, the ink was missing. Here every glyph is padded to 4 bytes and loca is always long.
 */

const REQUIRED = ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf'] as const;
const HINTING = ['cvt ', 'fpgm', 'prep'] as const;

/** Composite glyph flags (OpenType glyf table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

interface Table {
  offset: number;
  length: number;
}

export interface TrueTypeSubset {
  /** the font program, for FontFile2 */
  program: Uint8Array;
  /** glyph id in the whole font → glyph id in the subset */
  glyphIds: Map<number, number>;
}

/** The font `font` (a .ttf file's bytes) with glyph 0 and `glyphs` (plus the parts of composite glyphs). */
export function subsetTrueType(file: Uint8Array, glyphs: Iterable<number>): TrueTypeSubset {
  // A plain Uint8Array: a Buffer's slice() would share memory, and composite glyphs are renumbered in place.
  const font = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = readDirectory(view);
  const table = (tag: string) => {
    const found = tables.get(tag);
    if (!found) throw new Error(`The font has no ${tag} table.`);
    return found;
  };
  for (const tag of REQUIRED) table(tag);
  const head = table('head');
  const longLoca = view.getInt16(head.offset + 50) === 1;
  const numGlyphs = view.getUint16(table('maxp').offset + 4);
  const numMetrics = view.getUint16(table('hhea').offset + 34);
  const loca = table('loca').offset;
  const glyf = table('glyf').offset;
  const hmtx = table('hmtx').offset;
  const glyphStart = (gid: number) => (longLoca ? view.getUint32(loca + 4 * gid) : 2 * view.getUint16(loca + 2 * gid));

  const glyphIds = new Map<number, number>();
  const order: number[] = [];
  const include = (gid: number) => {
    if (!Number.isInteger(gid) || gid < 0 || gid >= numGlyphs) throw new Error(`The font has no glyph ${gid}.`);
    let id = glyphIds.get(gid);
    if (id === undefined) {
      id = order.length;
      glyphIds.set(gid, id);
      order.push(gid);
    }
    return id;
  };
  include(0);
  for (const gid of glyphs) include(gid);

  const records: Uint8Array[] = [];
  for (let i = 0; i < order.length; i++) {
    const gid = order[i]!;
    const start = glyphStart(gid);
    const record = font.slice(glyf + start, glyf + glyphStart(gid + 1));
    if (record.length >= 10 && new DataView(record.buffer).getInt16(0) < 0) renumberComponents(record, include);
    records.push(record);
  }

  const glyfOut = new Uint8Array(records.reduce((sum, record) => sum + padded(record.length), 0));
  const locaOut = new DataView(new ArrayBuffer(4 * (order.length + 1)));
  const hmtxOut = new DataView(new ArrayBuffer(4 * order.length));
  let offset = 0;
  records.forEach((record, i) => {
    glyfOut.set(record, offset);
    locaOut.setUint32(4 * i, offset);
    offset += padded(record.length);
    const gid = order[i]!;
    const metric = Math.min(gid, numMetrics - 1);
    hmtxOut.setUint16(4 * i, view.getUint16(hmtx + 4 * metric));
    hmtxOut.setInt16(4 * i + 2, gid < numMetrics ? view.getInt16(hmtx + 4 * gid + 2) : view.getInt16(hmtx + 4 * numMetrics + 2 * (gid - numMetrics)));
  });
  locaOut.setUint32(4 * order.length, offset);

  const copy = (tag: string) => font.slice(tables.get(tag)!.offset, tables.get(tag)!.offset + tables.get(tag)!.length);
  const headOut = copy('head');
  const headView = new DataView(headOut.buffer);
  headView.setUint32(8, 0); // checkSumAdjustment, set once the whole file is known
  headView.setInt16(50, 1); // indexToLocFormat: long
  const hheaOut = copy('hhea');
  new DataView(hheaOut.buffer).setUint16(34, order.length);
  const maxpOut = copy('maxp');
  new DataView(maxpOut.buffer).setUint16(4, order.length);

  const out = new Map<string, Uint8Array>([
    ['head', headOut],
    ['hhea', hheaOut],
    ['maxp', maxpOut],
    ['hmtx', new Uint8Array(hmtxOut.buffer)],
    ['loca', new Uint8Array(locaOut.buffer)],
    ['glyf', glyfOut],
  ]);
  for (const tag of HINTING) if (tables.has(tag)) out.set(tag, copy(tag));
  const { bytes: program, offsets } = writeFont(out);
  new DataView(program.buffer).setUint32(offsets.get('head')! + 8, (0xb1b0afba - checksum(program)) >>> 0);
  return { program, glyphIds };
}

function readDirectory(view: DataView): Map<string, Table> {
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new Error('Only TrueType outlines can be subset here.');
  const tables = new Map<string, Table>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
    tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return tables;
}

/** Point a composite glyph's components at their ids in the subset (which includes them). */
function renumberComponents(record: Uint8Array, include: (gid: number) => number): void {
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  let at = 10;
  for (;;) {
    const flags = view.getUint16(at);
    view.setUint16(at + 2, include(view.getUint16(at + 2)));
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) return;
  }
}

const padded = (length: number) => (length + 3) & ~3;

function checksum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  const whole = bytes.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (whole < bytes.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (bytes[i] ?? 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** The font file: tables in tag order, each at a 4-byte boundary, as the OpenType table directory wants them. */
function writeFont(tables: Map<string, Uint8Array>): { bytes: Uint8Array; offsets: Map<string, number> } {
  const tags = [...tables.keys()].sort();
  const offsets = new Map<string, number>();
  const headerLength = 12 + 16 * tags.length;
  const total = headerLength + tags.reduce((sum, tag) => sum + padded(tables.get(tag)!.length), 0);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  const entrySelector = Math.floor(Math.log2(tags.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  view.setUint16(6, 16 * 2 ** entrySelector);
  view.setUint16(8, entrySelector);
  view.setUint16(10, 16 * tags.length - 16 * 2 ** entrySelector);
  let offset = headerLength;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const at = 12 + 16 * i;
    for (let j = 0; j < 4; j++) view.setUint8(at + j, tag.charCodeAt(j));
    view.setUint32(at + 4, checksum(data));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, data.length);
    bytes.set(data, offset);
    offsets.set(tag, offset);
    offset += padded(data.length);
  });
  return { bytes, offsets };
}
