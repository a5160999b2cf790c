import type { Word } from '../../../../shared/domain/document';
import type { RedactionLogEntry } from '../../../../shared/domain/bundle';
import type { BundleLanguage } from '../../../../shared/domain/bundleWords';
import type { OriginalPageReader } from '../../import/parse/originalPageData';

/**
 * What the bundle PDF writer is given. The writer knows nothing of the vault: the bundle service reads
 * the documents, plans and burns redactions, and hands over finished pages one at a time (`page(i)`),
 * so a 500-page bundle never holds every page image in memory at once.
 */

/**
 * One page of a document as it goes into the bundle.
 * - `pdf`: a page of an original PDF, kept as vectors (its own text stays searchable). Only for pages
 *   with nothing to redact; `pdf` is the whole original (the same bytes object for every page of a document).
 *   When the writer cannot embed it (a PDF the parser process cannot read or will not copy, or no parser
 *   process here), it uses `fallback()`: the page image.
 * - `image`: a page image (PNG or JPEG), redactions already burned in, with the words of its invisible
 *   text layer (words under a redaction already removed). Word boxes are in the image's pixels, top-left origin.
 */
export type BundleSourcePage =
  | {
      kind: 'pdf';
      pdf: Uint8Array;
      pageIndex: number;
      /** names are redacted in this bundle: a page that draws pictures goes in as its image (OriginalPdfs.embed) */
      picturesAsPrinted?: boolean;
      fallback(): Promise<BundleImagePage>;
    }
  | BundleImagePage;

export interface BundleImagePage {
  kind: 'image';
  image: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  dpi: number;
  words: Word[];
}

export interface BundlePdfDocument {
  /** the document's id in the vault: what a translation's `translationOf` names */
  id: string;
  title: string;
  /** YYYY-MM-DD or null */
  date: string | null;
  description: string;
  /** the original's file name and SHA-256, for the manifest page */
  fileName: string;
  sha256: string;
  /** when this document is a translation: the id of the original it follows (never its title: two may share one) */
  translationOf: string | null;
  /** and the original's title, as the manifest page prints it */
  translationOfTitle: string | null;
  pageCount: number;
  /** page `index` (0-based) of this document, loaded when the writer reaches it */
  page(index: number): Promise<BundleSourcePage>;
}

export interface BundlePdfSection {
  title: string;
  documents: BundlePdfDocument[];
}

export interface BundlePdfInput {
  /** the bundle's title, also the PDF's Title metadata */
  title: string;
  /** the language the cover, index and manifest print their words in (English when not given) */
  language?: BundleLanguage;
  cover: {
    caseTitle: string | null;
    personName: string | null;
    preparedBy: string;
    /** the date printed on the cover, YYYY-MM-DD */
    date: string;
  };
  /** page stamp prefix: "" → "12 / 240" */
  stampPrefix: string;
  sections: BundlePdfSection[];
  /** printed on the manifest page(s) at the end */
  manifest: {
    auditHead: string;
    generatedAt: string;
    /** the redaction log, page numbers already in bundle numbering, never the redacted text */
    redactions: RedactionLogEntry[];
  };
  /** folder holding DejaVuSans.ttf, DejaVuSans-Bold.ttf, DroidSansFallbackFull.ttf (resources/fonts) */
  fontsDir: string;
  /**
   * Reads pages of original PDFs in the parser process (originals.ts): they are strangers' files and are
   * never parsed where the bundle is written. Without it, every `pdf` page goes in as its image.
   */
  originals?: OriginalPageReader;
  /** stop building (the export was cancelled): reject with a DalelFailure 'cancelled' */
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

/** A document in bundle order (sections flattened), with where it sits in the outline. */
export interface FlatDocument {
  document: BundlePdfDocument;
  /** position in bundle order: the index of its entry in BundlePdfLayout.documents */
  index: number;
  section: number;
  /** the original this translation follows (its `index`), when found in the same section */
  originalIndex: number | null;
}

/** Where everything landed: 1-based PDF page numbers. */
export interface BundlePdfLayout {
  pages: number;
  frontMatterPages: number;
  /** in input order (sections flattened) */
  documents: Array<{ firstPage: number; lastPage: number }>;
  manifestPages: { firstPage: number; lastPage: number };
}

export interface BundlePdfResult extends BundlePdfLayout {
  bytes: Uint8Array;
}

/** A bundle written into a file: its size in bytes and the SHA-256 of those bytes, as written. */
export interface BundlePdfFileResult extends BundlePdfLayout {
  size: number;
  sha256: string;
  /**
   * Where each document page drawn as an image has that image in the file: its object's byte offset and
   * the image's size in pixels against the page image it was drawn from (the leak check reads it back).
   */
  pageImages: Map<number, { offset: number; width: number; height: number; sourceWidth: number; sourceHeight: number }>;
}
