import { PDFArray, PDFBool, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFContext, type PDFObject, type PDFRef } from 'pdf-lib';
import {
  FORBIDDEN_KEYS,
  FORBIDDEN_TYPES,
  MAX_NAME_BYTES,
  MAX_ORIGINAL_DEPTH,
  MAX_ORIGINAL_OBJECTS,
  ORIGINAL_PAGES_PER_CALL,
  STRIPPED_KEYS,
  type OriginalPage,
  type OriginalPageReader,
  type PdfValue,
} from '../../import/parse/originalPageData';
import { BytesStream, registerStream } from './bytesStream';

/**
 * Pages of original PDFs as Form XObjects, so their own text stays vector and searchable.
 *
 * The original is a stranger's file, so it is never parsed here: the parser process reads it
 * (import/parse/originalPages.ts) and sends, per page, its content as one Flate stream and its resources
 * as plain data — checked there (nothing that leads to pages, annotations, actions or scripts) and
 * stripped of XMP metadata and private application data. pdf-lib's embedPage would copy the whole page
 * dictionary into the bundle, its annotations and their actions (JavaScript included) with it.
 *
 * The data is checked again here before anything is built (a parser process a file took over could send
 * anything): kinds, nesting, counts, name lengths, finite numbers, and the same forbidden types and keys.
 * Names are written again with every delimiter escaped and strings as hex, so no byte that came from the
 * original becomes PDF syntax; stream bytes are copied as they are, never decoded. A page that fails any
 * of this leaves nothing behind, and the writer takes the page's image instead.
 */

export interface EmbeddedOriginalPage {
  ref: PDFRef;
  /** the page's visible area in its own user space: [x0, y0, x1, y1] */
  box: [number, number, number, number];
  /** clockwise degrees the page is shown rotated: 0, 90, 180 or 270 */
  rotation: number;
}

interface Original {
  /** pages answered so far, by 0-based index */
  pages: Map<number, OriginalPage>;
  /** objects received and not built yet, by the original's object number */
  objects: Map<number, PdfValue>;
  /** objects built into the bundle, by the original's object number */
  built: Map<number, PDFRef>;
  /** calls in flight, by the first page they ask for */
  calls: Map<number, Promise<void>>;
}

/**
 * The originals of one bundle document. Pages are asked for ORIGINAL_PAGES_PER_CALL at a time (one parse
 * in the parser process serves them all), keyed by the identity of the original's bytes, as the bundle
 * service passes the same Uint8Array for every page of a document; an object several pages share is
 * built once. Drop the instance when the document is done and what it holds goes with it.
 */
export class OriginalPdfs {
  private readonly originals = new Map<Uint8Array, Original>();

  constructor(
    private readonly context: PDFContext,
    /** Without a reader (no parser process here) every page goes in as its image. */
    private readonly reader: OriginalPageReader | undefined,
    private readonly signal?: AbortSignal,
  ) {}

  /**
   * Throws when the page cannot be embedded faithfully (encrypted, broken, unusual): use the page image
   * then. `picturesAsPrinted`: a page that draws pictures is refused (the page image goes in): a picture is
   * carried whole, and what of it the page hides (under a box drawn over it, clipped, masked, off the
   * page) no reading of the page saw, yet any tool extracts it from the bundle.
   */
  async embed(pdf: Uint8Array, pageIndex: number, picturesAsPrinted = false): Promise<EmbeddedOriginalPage> {
    if (!this.reader) throw new Error('No parser process reads original PDFs here.');
    let original = this.originals.get(pdf);
    if (!original) this.originals.set(pdf, (original = { pages: new Map(), objects: new Map(), built: new Map(), calls: new Map() }));
    if (!original.pages.has(pageIndex)) await this.fetch(original, pdf, pageIndex);
    const page = original.pages.get(pageIndex);
    if (!page || page.index !== pageIndex) throw new Error('The parser process did not send this page.');
    if ('refused' in page) throw new Error(String(page.refused));
    if (typeof page.pictures !== 'boolean') throw new Error('The parser process did not say whether the page draws pictures.');
    if (picturesAsPrinted && page.pictures) throw new Error('The page draws pictures, and names are redacted: it goes in as it prints.');
    const { box, rotation } = checkPlacement(page.box, page.rotation);
    if (!(page.contents instanceof Uint8Array) || page.contents.length === 0) throw new Error('The page has no content.');

    // Everything that can fail comes before anything is built: a page that falls back leaves nothing behind.
    const needed = reachable(page.resources, original);
    if (!isDictionary(page.resources)) throw new Error('The page resources are not a dictionary.');
    const refs = new Map(original.built);
    for (const number of needed) refs.set(number, this.context.nextRef());
    const resources = build(page.resources, refs, this.context);
    for (const number of needed) {
      const value = original.objects.get(number) ?? { t: 'null' };
      const object = value.t === 'stream' ? new BytesStream(buildDict(value.dict, refs, this.context), value.bytes) : build(value, refs, this.context);
      this.context.assign(refs.get(number)!, object);
      original.built.set(number, refs.get(number)!);
      original.objects.delete(number); // built: the data is not needed again
    }
    const ref = registerStream(this.context, page.contents, {
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: box,
      Resources: resources,
      Filter: 'FlateDecode',
    });
    original.pages.delete(pageIndex);
    return { ref, box, rotation };
  }

  private fetch(original: Original, pdf: Uint8Array, pageIndex: number): Promise<void> {
    const first = pageIndex - (pageIndex % ORIGINAL_PAGES_PER_CALL);
    let call = original.calls.get(first);
    if (!call) {
      const pages = Array.from({ length: ORIGINAL_PAGES_PER_CALL }, (_, i) => first + i);
      call = this.reader!.originalPages(pdf, pages, { signal: this.signal }).then((answer) => {
        if (!Array.isArray(answer?.pages) || !Array.isArray(answer.objects)) throw new Error('The parser process sent no pages.');
        if (answer.objects.length + original.objects.size + original.built.size > MAX_ORIGINAL_OBJECTS) throw new Error('The original reaches too many objects.');
        for (const page of answer.pages) if (pages.includes(page?.index) && !original.pages.has(page.index)) original.pages.set(page.index, page);
        for (const [number, value] of answer.objects) {
          if (Number.isSafeInteger(number) && number > 0 && !original.built.has(number)) original.objects.set(number, value);
        }
      });
      original.calls.set(first, call);
      // A page asked for again after a failed call asks again; a settled call's data is in `pages`.
      void call.finally(() => original.calls.delete(first)).catch(() => undefined);
    }
    return call;
  }
}

function checkPlacement(box: unknown, rotation: unknown): { box: [number, number, number, number]; rotation: number } {
  if (!Array.isArray(box) || box.length !== 4 || !box.every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 1e7)) throw new Error('The page box is not four numbers.');
  const [x0, y0, x1, y1] = box as [number, number, number, number];
  if (x1 - x0 < 1 || y1 - y0 < 1) throw new Error('The page has no visible area.');
  if (rotation !== 0 && rotation !== 90 && rotation !== 180 && rotation !== 270) throw new Error('The page rotation is not a multiple of 90°.');
  return { box: [x0, y0, x1, y1], rotation };
}

function isDictionary(value: PdfValue): boolean {
  return value?.t === 'dict';
}

/**
 * Check a page's resources and every object they reach that is not built yet; the object numbers to
 * build, in the order found. Throws on anything that does not belong.
 */
function reachable(resources: PdfValue, original: Original): number[] {
  const found: number[] = [];
  const seen = new Set<number>();
  const pending: PdfValue[] = [resources];
  while (pending.length) {
    const refs: number[] = [];
    checkValue(pending.pop()!, 0, refs);
    for (const number of refs) {
      if (seen.has(number) || original.built.has(number)) continue;
      seen.add(number);
      if (seen.size > MAX_ORIGINAL_OBJECTS) throw new Error('The page reaches too many objects.');
      found.push(number);
      const value = original.objects.get(number);
      if (value) pending.push(value);
    }
  }
  return found;
}

/** Depth 0 is an object of its own (or the resource dictionary, which must be a dictionary). */
function checkValue(value: PdfValue, depth: number, refs: number[]): void {
  if (depth > MAX_ORIGINAL_DEPTH) throw new Error('The page resources are nested too deeply.');
  if (!value || typeof value !== 'object') throw new Error('The page resources hold something that is not a PDF object.');
  switch (value.t) {
    case 'name':
      nameText(value.v);
      return;
    case 'num':
      if (typeof value.v !== 'number' || !Number.isFinite(value.v)) throw new Error('The page resources hold a number that is not finite.');
      return;
    case 'bool':
      if (typeof value.v !== 'boolean') throw new Error('The page resources hold a broken boolean.');
      return;
    case 'null':
      return;
    case 'str':
      if (!(value.v instanceof Uint8Array)) throw new Error('The page resources hold a broken string.');
      return;
    case 'ref':
      if (!Number.isSafeInteger(value.v) || value.v <= 0) throw new Error('The page resources hold a broken reference.');
      refs.push(value.v);
      return;
    case 'array':
      if (!Array.isArray(value.v)) throw new Error('The page resources hold a broken array.');
      for (const item of value.v) checkValue(item, depth + 1, refs);
      return;
    case 'dict':
      checkEntries(value.v, depth, refs);
      return;
    case 'stream':
      if (depth > 0) throw new Error('A stream can only be an object of its own.');
      if (!(value.bytes instanceof Uint8Array)) throw new Error('The page resources hold a broken stream.');
      checkEntries(value.dict, depth, refs);
      return;
    default:
      throw new Error('The page resources hold an object of an unknown kind.');
  }
}

function checkEntries(entries: unknown, depth: number, refs: number[]): void {
  if (!Array.isArray(entries)) throw new Error('The page resources hold a broken dictionary.');
  const keys = new Set<string>();
  for (const entry of entries as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) throw new Error('The page resources hold a broken dictionary entry.');
    const [key, item] = entry as [Uint8Array, PdfValue];
    const name = nameText(key);
    if (keys.has(name)) throw new Error('A dictionary of the page resources holds a key twice.');
    keys.add(name);
    if (FORBIDDEN_KEYS.has(name)) throw new Error(`The page's resources carry /${name}.`);
    if (name === 'Type' && item?.t === 'name' && FORBIDDEN_TYPES.has(nameText(item.v))) throw new Error(`The page's resources reach a /${nameText(item.v)}.`);
    checkValue(item, depth + 1, refs);
  }
}

/** A name's bytes as pdf-lib's PDFName.of takes them (one char per byte), or a refusal. */
function nameText(bytes: unknown): string {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0 || bytes.length > MAX_NAME_BYTES || bytes.includes(0)) throw new Error('The page resources hold a name PDF does not allow.');
  return String.fromCharCode(...bytes);
}

function build(value: PdfValue, refs: ReadonlyMap<number, PDFRef>, context: PDFContext): PDFObject {
  switch (value.t) {
    case 'name':
      return PDFName.of(nameText(value.v));
    case 'num':
      return PDFNumber.of(value.v);
    case 'bool':
      return value.v ? PDFBool.True : PDFBool.False;
    case 'null':
      return PDFNull;
    case 'str':
      return PDFHexString.of(Buffer.from(value.v).toString('hex'));
    case 'ref':
      return refs.get(value.v)!;
    case 'array': {
      const array = PDFArray.withContext(context);
      for (const item of value.v) array.push(build(item, refs, context));
      return array;
    }
    case 'dict':
      return buildDict(value.v, refs, context);
    case 'stream':
      throw new Error('A stream can only be an object of its own.'); // refused by checkValue before
  }
}

function buildDict(entries: Array<[Uint8Array, PdfValue]>, refs: ReadonlyMap<number, PDFRef>, context: PDFContext): PDFDict {
  const dict = PDFDict.withContext(context);
  for (const [key, item] of entries) {
    const name = nameText(key);
    if (!STRIPPED_KEYS.has(name)) dict.set(PDFName.of(name), build(item, refs, context));
  }
  return dict;
}
