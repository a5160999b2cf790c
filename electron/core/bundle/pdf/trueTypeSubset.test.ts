import * as fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { Typefaces } from './fonts';
import { FONTS_DIR } from './testing/corpusBundle';
import { seededRandom } from '../../testing/seededRandom';
import { subsetTrueType } from './trueTypeSubset';

const faces = Typefaces.load(FONTS_DIR);
const droid = faces.fonts.cjk;

/** The glyphs of the characters of the index line that lost its ink (乌公通〔2020〕45号). */
const NOTICE = [...'乌公通〔〕号'].map((char) => droid.glyphForCodePoint(char.codePointAt(0)!).id);

/** How glyph `gid` of `font` is drawn: its outline as SVG path data ("" when it has none or cannot be read). */
function outline(font: Font, gid: number): string {
  try {
    return font.getGlyph(gid).path.toSVG();
  } catch {
    return 'unreadable';
  }
}

/** The length of glyph `gid`'s record in the glyf table (fontkit parses loca, its types do not say so). */
function recordLength(font: Font, gid: number): number {
  const { offsets } = (font as unknown as { loca: { offsets: number[] } }).loca;
  return offsets[gid + 1]! - offsets[gid]!;
}

function checksum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

describe('subsetting a TrueType font for the PDF', () => {
  it('keeps every glyph drawn as in the whole font, those after a glyph of odd length included', () => {
    const random = seededRandom(11);
    const glyphs = [...NOTICE, ...Array.from({ length: 300 }, () => 1 + Math.floor(random() * (droid.numGlyphs - 1)))];
    expect(glyphs.some((gid) => recordLength(droid, gid) % 2 === 1)).toBe(true);
    const { program, glyphIds } = subsetTrueType(faces.files.cjk, glyphs);
    const subset = fontkit.create(Buffer.from(program));
    expect(subset.numGlyphs).toBeGreaterThanOrEqual(new Set(glyphs).size + 1);
    for (const gid of glyphs) {
      const id = glyphIds.get(gid)!;
      expect([gid, outline(subset, id)]).toEqual([gid, outline(droid, gid)]);
      expect([gid, subset.getGlyph(id).advanceWidth]).toEqual([gid, droid.getGlyph(gid).advanceWidth]);
    }
    expect(outline(subset, glyphIds.get(NOTICE[2]!)!)).not.toBe(''); // 通 is a composite: its parts came along
    expect(checksum(program)).toBe(0xb1b0afba); // the whole-file checksum the head table promises
  });

  it('subsets DejaVu Sans, its Arabic presentation forms included', () => {
    const glyphs = faces.line('ئۇيغۇر لالە Шешім 2020', 'regular').glyphs.map((glyph) => glyph.gid);
    const { program, glyphIds } = subsetTrueType(faces.files.regular, glyphs);
    const subset = fontkit.create(Buffer.from(program));
    for (const gid of glyphs) expect(outline(subset, glyphIds.get(gid)!)).toBe(outline(faces.fonts.regular, gid));
    expect(glyphIds.get(0)).toBe(0);
  });

  it('is needed: fontkit’s own subset loses the glyphs after one of odd length (the index that printed “〔2020 45”)', async () => {
    const subset = droid.createSubset();
    const ids = NOTICE.map((gid) => subset.includeGlyph(gid));
    const parts: Uint8Array[] = [];
    await new Promise<void>((resolve) => {
      const stream = subset.encodeStream();
      stream.on('data', (bytes: Uint8Array) => parts.push(bytes));
      stream.on('end', () => resolve());
    });
    const broken = fontkit.create(Buffer.concat(parts));
    const lost = NOTICE.filter((gid, i) => outline(broken, ids[i]!) !== outline(droid, gid));
    expect(lost.length).toBeGreaterThan(0);
  });
});
