import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFString, type PDFContext, type PDFRef } from 'pdf-lib';
import { registerStream } from './bytesStream';
import type { FaceName, SetGlyph, Typefaces } from './fonts';
import { subsetTrueType } from './trueTypeSubset';

/** Resource names of the faces on every page Dalel draws. */
export const FACE_RESOURCE: Record<FaceName, string> = { regular: 'F1', bold: 'F2', cjk: 'F3' };

interface FaceUse {
  ref: PDFRef;
  /** glyph and what it shows → its CID as 4 hex digits */
  hex: Map<string, string>;
  /** CID − 1 → what it shows */
  entries: Array<{ gid: number; width: number; text: string }>;
}

/**
 * The faces a bundle uses, embedded as subsets (Type0 / CIDFontType2, Identity-H). Each distinct glyph
 * and meaning gets its own CID, mapped to its glyph through a CIDToGIDMap and to its characters through
 * the ToUnicode CMap: two characters that share a glyph (Latin A and Cyrillic А in some fonts) still copy
 * and search as themselves, a lam-alef ligature copies as lam and alef, and an initial, medial or final
 * form as its letter. The font objects are written by `finish()`, once every page is drawn and the glyphs
 * used are known; pages refer to them by a reference reserved at first use.
 */
export class EmbeddedFonts {
  private readonly used = new Map<FaceName, FaceUse>();

  constructor(
    private readonly typefaces: Typefaces,
    private readonly context: PDFContext,
  ) {}

  ref(face: FaceName): PDFRef {
    return this.use(face).ref;
  }

  /** The CID of `glyph` copying as `text`, as 4 hex digits for a `<…> Tj` string. */
  hex(glyph: SetGlyph, text: string): string {
    const use = this.use(glyph.face);
    const key = `${glyph.gid}\u0000${text}`;
    let hex = use.hex.get(key);
    if (hex === undefined) {
      if (use.entries.length === 0xfffe) throw new Error(`More than 65,534 different glyphs of ${glyph.face} in one bundle.`);
      use.entries.push({ gid: glyph.gid, width: glyph.width, text });
      hex = use.entries.length.toString(16).padStart(4, '0');
      use.hex.set(key, hex);
    }
    return hex;
  }

  /** Writes the font objects; a promise, as the writer has always awaited it. */
  async finish(): Promise<void> {
    for (const [face, use] of this.used) this.write(face, use);
  }

  private use(face: FaceName): FaceUse {
    let use = this.used.get(face);
    if (!use) {
      use = { ref: this.context.nextRef(), hex: new Map(), entries: [] };
      this.used.set(face, use);
    }
    return use;
  }

  private write(face: FaceName, use: FaceUse): void {
    const { context } = this;
    const font = this.typefaces.fonts[face];
    const { program, glyphIds } = subsetTrueType(this.typefaces.files[face], use.entries.map((entry) => entry.gid));
    const cidToGid = new Uint8Array(2 * (use.entries.length + 1));
    use.entries.forEach((entry, i) => {
      const gid = glyphIds.get(entry.gid)!;
      cidToGid[2 * (i + 1)] = gid >> 8;
      cidToGid[2 * (i + 1) + 1] = gid & 0xff;
    });

    // A subset's name starts with a tag of six capitals; derived from the glyphs used, so the same bundle
    // is written byte for byte the same (pdf-lib's own embedder picks a random suffix).
    const digest = createHash('sha256').update(use.entries.map((entry) => `${entry.gid}:${entry.text}`).join(',')).digest();
    const tag = [...digest.subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join('');
    const baseFont = `${tag}+${font.postscriptName ?? 'Font'}`;
    const scale = 1000 / font.unitsPerEm;
    const { minX, minY, maxX, maxY } = font.bbox;

    const fontFile = registerStream(context, deflateSync(program), { Filter: 'FlateDecode', Length1: program.length });
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: baseFont,
        Flags: 4, // symbolic: glyphs are addressed by CID, not by a standard encoding
        FontBBox: [minX, minY, maxX, maxY].map((v) => Math.round(v * scale)),
        ItalicAngle: font.italicAngle,
        Ascent: Math.round(font.ascent * scale),
        Descent: Math.round(font.descent * scale),
        CapHeight: Math.round((font.capHeight || font.ascent) * scale),
        StemV: 80,
        FontFile2: fontFile,
      }),
    );
    const cidMap = registerStream(context, deflateSync(cidToGid), { Filter: 'FlateDecode' });
    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseFont,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        DW: 1000,
        W: [1, use.entries.map((entry) => entry.width)],
        CIDToGIDMap: cidMap,
      }),
    );
    const toUnicode = registerStream(context, deflateSync(Buffer.from(toUnicodeCMap(use.entries), 'latin1')), { Filter: 'FlateDecode' });
    context.assign(
      use.ref,
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: baseFont,
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: toUnicode,
      }),
    );
  }
}

/** UTF-16BE in hex, as a CMap's destination string holds it. */
function utf16Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex;
}

/**
 * CID → Unicode, in blocks of at most 100 entries as the CMap format requires. A glyph that shows no
 * character of its own (the second half of a letter the font draws in two glyphs) has no entry.
 */
function toUnicodeCMap(entries: Array<{ text: string }>): string {
  const mapped = entries.flatMap((entry, i) => (entry.text ? [`<${(i + 1).toString(16).padStart(4, '0')}> <${utf16Hex(entry.text)}>`] : []));
  const blocks: string[] = [];
  for (let start = 0; start < mapped.length; start += 100) {
    const block = mapped.slice(start, start + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMapResource defineresource pop',
    'end',
    'end',
  ].join('\n');
}
