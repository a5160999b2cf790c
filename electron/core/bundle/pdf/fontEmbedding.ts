import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFString, type PDFContext, type PDFRef } from 'pdf-lib';
import type { Subset } from '@pdf-lib/fontkit';
import { registerStream } from './bytesStream';
import type { FaceName, GlyphChoice, Typefaces } from './fonts';

/** Resource names of the faces on every page Dalel draws. */
export const FACE_RESOURCE: Record<FaceName, string> = { regular: 'F1', bold: 'F2', cjk: 'F3' };

interface FaceUse {
  ref: PDFRef;
  /** code point → its CID as 4 hex digits */
  hex: Map<number, string>;
  /** CID − 1 → what it shows */
  entries: Array<{ codePoint: number; gid: number; width: number }>;
}

/**
 * The faces a bundle uses, embedded as subsets (Type0 / CIDFontType2, Identity-H). Each distinct
 * character gets its own CID, mapped to its glyph through a CIDToGIDMap and to its Unicode value through
 * the ToUnicode CMap: two characters that share a glyph (Latin A and Cyrillic А in some fonts) still copy
 * and search as themselves. The font objects are written by `finish()`, once every page is drawn and
 * the glyphs used are known; pages refer to them by a reference reserved at first use.
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

  /** The CID of `codePoint` in `choice.face`, as 4 hex digits for a `<…> Tj` string. */
  hex(codePoint: number, choice: GlyphChoice): string {
    const use = this.use(choice.face);
    let hex = use.hex.get(codePoint);
    if (hex === undefined) {
      use.entries.push({ codePoint, gid: choice.gid, width: choice.width });
      hex = use.entries.length.toString(16).padStart(4, '0');
      use.hex.set(codePoint, hex);
    }
    return hex;
  }

  async finish(): Promise<void> {
    for (const [face, use] of this.used) await this.write(face, use);
  }

  private use(face: FaceName): FaceUse {
    let use = this.used.get(face);
    if (!use) {
      use = { ref: this.context.nextRef(), hex: new Map(), entries: [] };
      this.used.set(face, use);
    }
    return use;
  }

  private async write(face: FaceName, use: FaceUse): Promise<void> {
    const { context } = this;
    const font = this.typefaces.fonts[face];
    const subset = font.createSubset();
    const cidToGid = new Uint8Array(2 * (use.entries.length + 1));
    use.entries.forEach((entry, i) => {
      const gid = subset.includeGlyph(entry.gid);
      cidToGid[2 * (i + 1)] = gid >> 8;
      cidToGid[2 * (i + 1) + 1] = gid & 0xff;
    });
    const program = await encodeSubset(subset);

    // A subset's name starts with a tag of six capitals; derived from the characters, so the same bundle
    // is written byte for byte the same (pdf-lib's own embedder picks a random suffix).
    const digest = createHash('sha256').update(use.entries.map((entry) => entry.codePoint).join(',')).digest();
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

function encodeSubset(subset: Subset): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    const stream = subset.encodeStream();
    stream.on('data', (bytes) => parts.push(bytes));
    stream.on('end', () => resolve(Buffer.concat(parts)));
    (stream as unknown as { on(event: 'error', cb: (error: unknown) => void): void }).on('error', reject);
  });
}

function utf16Hex(codePoint: number): string {
  if (codePoint < 0x10000) return codePoint.toString(16).padStart(4, '0');
  const v = codePoint - 0x10000;
  return (0xd800 + (v >> 10)).toString(16) + (0xdc00 + (v & 0x3ff)).toString(16);
}

/** CID → Unicode, in blocks of at most 100 entries as the CMap format requires. */
function toUnicodeCMap(entries: Array<{ codePoint: number }>): string {
  const blocks: string[] = [];
  for (let start = 0; start < entries.length; start += 100) {
    const block = entries.slice(start, start + 100);
    const lines = block.map((entry, i) => `<${(start + i + 1).toString(16).padStart(4, '0')}> <${utf16Hex(entry.codePoint)}>`);
    blocks.push(`${block.length} beginbfchar\n${lines.join('\n')}\nendbfchar`);
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
