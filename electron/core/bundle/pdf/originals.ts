import { deflateSync, inflateSync, constants as zlibConstants } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFObjectCopier,
  PDFRawStream,
  PDFRef,
  PDFStream,
  decodePDFRawStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { registerStream, speedUpStreamsAfter } from './bytesStream';

/**
 * Pages of original PDFs as Form XObjects, so their own text stays vector and searchable.
 *
 * pdf-lib's embedPage copies the whole page dictionary into the bundle — its annotations and their
 * actions (JavaScript included) land in the file as unreferenced objects — and keeps every source
 * document in memory until save. Here only what the page draws is copied: its content and its resources,
 * after the resources have been checked (nothing that leads to pages, annotations, actions or scripts)
 * and stripped of XMP metadata and private application data. Outlines, the Info dictionary, OpenAction,
 * names and forms belong to the source catalog and are never reached.
 */

export interface EmbeddedOriginalPage {
  ref: PDFRef;
  /** the page's visible area in its own user space: [x0, y0, x1, y1] */
  box: [number, number, number, number];
  /** clockwise degrees the page is shown rotated: 0, 90, 180 or 270 */
  rotation: number;
}

/** Keys dropped from every copied dictionary: XMP packets and applications' private data. */
const STRIPPED_KEYS = ['Metadata', 'PieceInfo', 'LastModified'].map((key) => PDFName.of(key));
/** Dictionaries that never belong in what a page draws; finding one means the page is not copied. */
const FORBIDDEN_TYPES = new Set(['/Page', '/Pages', '/Catalog', '/Annot', '/Action', '/Outlines', '/Filespec', '/EmbeddedFile']);
const FORBIDDEN_KEYS = ['JS', 'JavaScript', 'AA', 'OpenAction', 'Annots', 'Parent'].map((key) => PDFName.of(key));

interface LoadedOriginal {
  doc: PDFDocument;
  copier: PDFObjectCopier;
  checked: Set<PDFObject>;
}

/**
 * The originals of one bundle document. Each original is parsed once (keyed by the identity of its
 * bytes, as the bundle service passes the same Uint8Array for every page of a document); drop the
 * instance when the document is done and the parsed originals go with it.
 */
export class OriginalPdfs {
  private readonly loaded = new Map<Uint8Array, Promise<LoadedOriginal>>();

  constructor(private readonly context: PDFContext) {}

  /** Throws when the page cannot be embedded faithfully (encrypted, broken, unusual): use the page image then. */
  async embed(pdf: Uint8Array, pageIndex: number): Promise<EmbeddedOriginalPage> {
    let loading = this.loaded.get(pdf);
    if (!loading) {
      loading = PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: true }).then((doc) => ({
        doc,
        copier: PDFObjectCopier.for(doc.context, this.context),
        checked: new Set<PDFObject>(),
      }));
      this.loaded.set(pdf, loading);
    }
    const original = await loading;
    const page = original.doc.getPage(pageIndex);
    const crop = page.getCropBox();
    const media = page.getMediaBox();
    const box: [number, number, number, number] = [
      Math.max(crop.x, media.x),
      Math.max(crop.y, media.y),
      Math.min(crop.x + crop.width, media.x + media.width),
      Math.min(crop.y + crop.height, media.y + media.height),
    ];
    if (!box.every(Number.isFinite) || box[2] - box[0] < 1 || box[3] - box[1] < 1) throw new Error('The page has no visible area.');
    const rotation = (((page.getRotation().angle % 360) + 360) % 360);
    if (rotation % 90 !== 0) throw new Error('The page is rotated by an angle that is not a multiple of 90°.');

    // Everything that can fail comes before anything is copied: a page that falls back leaves nothing behind.
    const contents = pageContents(page.node.Contents(), original.doc.context);
    const resources = page.node.Resources() ?? original.doc.context.obj({});
    check(resources, original);
    const before = this.context.largestObjectNumber;
    const copied = original.copier.copy(resources);
    speedUpStreamsAfter(this.context, before);
    const ref = registerStream(this.context, contents, {
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: box,
      Resources: copied,
      Filter: 'FlateDecode',
    });
    return { ref, box, rotation };
  }
}

/** Walk what the page's resources reach (once per object per original), refusing and stripping as above. */
function check(root: PDFObject, original: LoadedOriginal): void {
  const stack: PDFObject[] = [root];
  while (stack.length) {
    let object = stack.pop()!;
    if (object instanceof PDFRef) {
      const target = original.doc.context.lookup(object);
      if (!target) continue;
      object = target;
    }
    if (original.checked.has(object)) continue;
    original.checked.add(object);
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
    if (dict) {
      const type = dict.get(PDFName.of('Type'));
      if (type instanceof PDFName && FORBIDDEN_TYPES.has(type.asString())) throw new Error(`The page's resources reach a ${type.asString()}.`);
      for (const key of FORBIDDEN_KEYS) if (dict.has(key)) throw new Error(`The page's resources carry ${key.asString()}.`);
      for (const key of STRIPPED_KEYS) dict.delete(key);
      for (const [, value] of dict.entries()) stack.push(value);
    } else if (object instanceof PDFArray) {
      stack.push(...object.asArray());
    }
  }
}

/** The page's content streams as one Flate stream. A single Flate stream is kept as it is, once it inflates. */
function pageContents(contents: PDFObject | undefined, context: PDFContext): Uint8Array {
  const streams: PDFObject[] = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const resolved = streams.map((stream) => (stream instanceof PDFRef ? context.lookup(stream) : stream));
  if (resolved.length === 0) throw new Error('The page has no content.');
  const only = resolved[0];
  if (resolved.length === 1 && only instanceof PDFRawStream && isPlainFlate(only.dict)) {
    inflateSync(only.contents, { finishFlush: zlibConstants.Z_SYNC_FLUSH }); // throws when it does not inflate
    return only.contents;
  }
  const decoded: Uint8Array[] = [];
  for (const stream of resolved) {
    if (!(stream instanceof PDFRawStream)) throw new Error('The page content is not a stream.');
    decoded.push(isPlainFlate(stream.dict) ? inflateSync(stream.contents, { finishFlush: zlibConstants.Z_SYNC_FLUSH }) : decodePDFRawStream(stream).decode());
    decoded.push(Buffer.from('\n'));
  }
  return deflateSync(Buffer.concat(decoded));
}

function isPlainFlate(dict: PDFDict): boolean {
  const filter = dict.get(PDFName.of('Filter'));
  const only = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
  return only instanceof PDFName && only.asString() === '/FlateDecode' && !dict.has(PDFName.of('DecodeParms'));
}
