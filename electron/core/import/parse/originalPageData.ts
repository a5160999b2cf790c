/**
 * A page of an original PDF as plain data, for a bundle: what the parser process sends (originalPages.ts)
 * and the main process builds bundle objects from (bundle/pdf/originals.ts) without parsing PDF syntax.
 * Names and strings travel as bytes, so nothing in them can become PDF syntax on the way out: names are
 * written again with every delimiter escaped, strings as hex.
 */

export type PdfValue =
  | { t: 'name'; v: Uint8Array }
  | { t: 'num'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'null' }
  | { t: 'str'; v: Uint8Array }
  | { t: 'array'; v: PdfValue[] }
  | { t: 'dict'; v: Array<[key: Uint8Array, value: PdfValue]> }
  /** only as an indirect object: its dictionary and its bytes, still encoded (never decoded in the main process) */
  | { t: 'stream'; dict: Array<[key: Uint8Array, value: PdfValue]>; bytes: Uint8Array }
  /** an indirect object of the original, by its object number */
  | { t: 'ref'; v: number };

export type OriginalPage =
  | {
      /** 0-based */
      index: number;
      /** the page's visible area in its own user space: [x0, y0, x1, y1] */
      box: [number, number, number, number];
      /** clockwise degrees the page is shown rotated: 0, 90, 180 or 270 */
      rotation: number;
      /** what the page draws, as one Flate-encoded content stream */
      contents: Uint8Array;
      /** the page's resource dictionary (checked and stripped) */
      resources: PdfValue;
      /** the page draws pictures (an image, inline or through a form): they may hold what does not show */
      pictures: boolean;
    }
  | { index: number; refused: string };

export interface OriginalPages {
  pages: OriginalPage[];
  /** the indirect objects the pages' resources reach, by object number in the original */
  objects: Array<[number, PdfValue]>;
}

/** Dictionaries that never belong in what a page draws; finding one means the page is not copied. */
export const FORBIDDEN_TYPES: ReadonlySet<string> = new Set(['Page', 'Pages', 'Catalog', 'Annot', 'Action', 'Outlines', 'Filespec', 'EmbeddedFile']);
/** Keys that lead to scripts, actions, annotations or back up the page tree: the page is not copied. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['JS', 'JavaScript', 'AA', 'OpenAction', 'Annots', 'Parent']);
/** Keys dropped from every copied dictionary: XMP packets and applications' private data. */
export const STRIPPED_KEYS: ReadonlySet<string> = new Set(['Metadata', 'PieceInfo', 'LastModified']);

/**
 * Nesting of arrays and dictionaries within one object. The PDF reference's implementation limit for
 * nested arrays and dictionaries is 28 (ISO 32000-1, annex C); 64 leaves room for odd writers.
 */
export const MAX_ORIGINAL_DEPTH = 64;
/** Indirect objects one document's pages may reach: a 2,000-page born-digital court file reaches ~30,000. */
export const MAX_ORIGINAL_OBJECTS = 200_000;
/** The PDF reference's limit on a name, in bytes (ISO 32000-1, annex C). */
export const MAX_NAME_BYTES = 127;
/**
 * Largest content a copied page may draw, inflated. A dense vector page (a map, a scanned form redrawn as
 * paths) runs to a few MB of operators; a Flate bomb of 256 KiB inflates to 256 MiB (the parser fuzz's
 * flate-bomb.pdf), and until issue 12 the main process inflated it to check it. Beyond this the page goes
 * in as its image.
 */
export const MAX_PAGE_CONTENT_BYTES = 64 * 1024 * 1024;
/** Pages asked for in one call: one parse of the original serves this many pages. */
export const ORIGINAL_PAGES_PER_CALL = 32;

/** Who reads originals' pages: the parser (in its own process), or a test's stand-in. */
export interface OriginalPageReader {
  originalPages(pdf: Uint8Array, pages: number[], options?: { signal?: AbortSignal }): Promise<OriginalPages>;
}
