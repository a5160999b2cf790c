import { deflateSync, inflateSync, constants as zlibConstants } from 'node:zlib';
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  decodePDFRawStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { FORBIDDEN_KEYS, FORBIDDEN_TYPES, MAX_ORIGINAL_DEPTH, MAX_ORIGINAL_OBJECTS, MAX_PAGE_CONTENT_BYTES, STRIPPED_KEYS, type OriginalPage, type OriginalPages, type PdfValue } from './originalPageData';

/**
 * Pages of an original PDF for a bundle, read here in the parser process: an original is a stranger's
 * file, and until issue 12 pdf-lib parsed it again at export inside the main (or CLI) process, outside
 * the isolation every other parse has. Here pdf-lib loads it, and for each page asked for, what the page
 * draws is taken out — its content as one Flate stream and its resources, after they are checked
 * (nothing that leads to pages, annotations, actions or scripts) and stripped of XMP metadata and
 * private application data — as plain data (originalPageData.ts). The main process builds the bundle's
 * objects from that data without parsing any PDF syntax, and checks it again (a parser process that a
 * file took over could send anything).
 */

class Refused extends Error {}

/**
 * Text a page carries but does not show: a marked-content property list's /ActualText (what the marked
 * glyphs "really" say), /Alt (a figure's description) or /E (an abbreviation's expansion). pdftotext,
 * copy and paste and screen readers give it as the page's text; pdf.js does not, so no reading of the page
 * has it and redaction cannot find a name there (a "Mother: Z. T." whose ActualText is her full name). A
 * page carrying any goes into the bundle as its image, whose text layer is the page's reading.
 */
const HIDDEN_TEXT_KEY = /\/(?:ActualText|Alt|E)(?=[\s<(/[\]])/;
const HIDDEN_TEXT = 'The page carries text it does not show (ActualText, Alt or E).';
/** The kinds of resources a content stream names (Do, Tf, gs, scn, sh, cs, BDC). */
const NAMED_RESOURCES: ReadonlySet<string> = new Set(['XObject', 'Font', 'ExtGState', 'Pattern', 'Shading', 'ColorSpace', 'Properties']);

/**
 * Every name a content stream mentions, #-escapes decoded: a superset of the resources it uses (a name
 * inside a string or an inline image's bytes only keeps a resource that would have been kept anyway).
 */
function namesIn(content: Uint8Array): Set<string> {
  const names = new Set<string>();
  for (const match of latin1(content).matchAll(/\/([^\s/[\]()<>{}%]*)/g)) {
    names.add(match[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
  }
  return names;
}

const resolve = (context: PDFContext, object: PDFObject | undefined) => (object instanceof PDFRef ? context.lookup(object) : object);

/**
 * What the content streams of one page's forms, patterns and glyphs draw, decoded once each (the
 * resources are pruned by them, and pictures looked for in them) and within the page-content limit: a
 * form can be a Flate bomb too.
 */
class Drawings {
  private readonly decoded = new Map<PDFRawStream, Uint8Array>();

  constructor(readonly context: PDFContext) {}

  of(stream: PDFRawStream): Uint8Array {
    let drawn = this.decoded.get(stream);
    if (drawn) return drawn;
    try {
      drawn = isPlainFlate(stream.dict) ? inflate(stream.contents, MAX_PAGE_CONTENT_BYTES) : decodePDFRawStream(stream).decode();
    } catch (error) {
      if (error instanceof Refused) throw error;
      throw new Refused('A form on the page could not be read.');
    }
    this.decoded.set(stream, drawn);
    return drawn;
  }

  resolve(object: PDFObject | undefined): PDFObject | undefined {
    return resolve(this.context, object);
  }
}

/**
 * The names a page's content uses of its resources, with those that forms and Type 3 glyphs without
 * resources of their own use (they draw with the page's, as PDF 1.0 allowed): pruning the page's
 * resources to the content's names alone would take what they draw out of the bundle.
 */
function namesUsed(drawn: Uint8Array, resources: PDFDict, drawings: Drawings): Set<string> {
  const used = namesIn(drawn);
  const kinds = ['XObject', 'Font'].map((kind) => drawings.resolve(resources.get(PDFName.of(kind))));
  const seen = new Set<string>();
  for (let more = true; more; ) {
    more = false;
    for (const kind of kinds) {
      if (!(kind instanceof PDFDict)) continue;
      for (const [key, value] of kind.entries()) {
        const name = key.decodeText();
        if (!used.has(name) || seen.has(name)) continue;
        seen.add(name);
        const target = drawings.resolve(value);
        const dict = target instanceof PDFRawStream ? target.dict : target instanceof PDFDict ? target : null;
        const subtype = dict?.get(PDFName.of('Subtype'));
        const draws = subtype instanceof PDFName && (subtype.decodeText() === 'Form' || subtype.decodeText() === 'Type3');
        if (!dict || !draws || dict.has(PDFName.of('Resources'))) continue;
        const procs = drawings.resolve(dict.get(PDFName.of('CharProcs')));
        const streams = target instanceof PDFRawStream ? [target] : procs instanceof PDFDict ? procs.values().map((proc) => drawings.resolve(proc)) : [];
        for (const stream of streams) {
          if (!(stream instanceof PDFRawStream)) continue;
          for (const inner of namesIn(drawings.of(stream))) {
            if (used.has(inner)) continue;
            used.add(inner);
            more = true;
          }
        }
      }
    }
  }
  return used;
}

const latin1 = (content: Uint8Array) => Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('latin1');

/**
 * Whether a content stream draws pictures: an inline image, or an image among the resources it names,
 * directly or through what those draw (a form, a tiling pattern, a soft mask, a Type 3 glyph), with
 * the page's resources for what has none of its own. Walked on the file itself for each page: the
 * answer for several pages shares objects, so what was written for one page says nothing of another.
 */
function drawsPictures(drawn: Uint8Array, resources: PDFDict, drawings: Drawings, seen = new Set<PDFObject>(), depth = 0): boolean {
  if (INLINE_IMAGE.test(latin1(drawn))) return true;
  if (depth > MAX_ORIGINAL_DEPTH) throw new Refused('The page resources are nested too deeply.');
  const used = namesIn(drawn);
  const inside = (stream: PDFObject | undefined, inner: PDFDict) => stream instanceof PDFRawStream && drawsPictures(drawings.of(stream), inner, drawings, seen, depth + 1);
  const draws = (object: PDFObject | undefined): boolean => {
    const target = drawings.resolve(object);
    if (!target || seen.has(target)) return false;
    seen.add(target);
    const dict = target instanceof PDFRawStream ? target.dict : target instanceof PDFDict ? target : null;
    if (!dict) return false;
    const subtype = dict.get(PDFName.of('Subtype'));
    if (subtype instanceof PDFName && subtype.decodeText() === 'Image') return true;
    const own = drawings.resolve(dict.get(PDFName.of('Resources')));
    const inner = own instanceof PDFDict ? own : resources;
    if (target instanceof PDFRawStream) return inside(target, inner);
    // A Type 3 font's glyphs, a graphics state's soft mask (its form is G).
    const procs = drawings.resolve(dict.get(PDFName.of('CharProcs')));
    if (procs instanceof PDFDict && procs.values().some((proc) => inside(drawings.resolve(proc), inner))) return true;
    const mask = drawings.resolve(dict.get(PDFName.of('SMask')));
    return mask instanceof PDFDict && draws(mask.get(PDFName.of('G')));
  };
  for (const kind of NAMED_RESOURCES) {
    const named = drawings.resolve(resources.get(PDFName.of(kind)));
    if (!(named instanceof PDFDict)) continue;
    for (const [key, value] of named.entries()) if (used.has(key.decodeText()) && draws(value)) return true;
  }
  return false;
}

const hidesText = (content: Uint8Array) => HIDDEN_TEXT_KEY.test(latin1(content));
/** An inline image (BI … ID … EI) in a content stream. */
const INLINE_IMAGE = /(?:^|[\s\]>)])BI[\s/]/;

export async function readOriginalPages(bytes: Uint8Array, pages: readonly number[]): Promise<OriginalPages> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    const reason = `The PDF could not be read for the bundle: ${error instanceof Error ? error.message : String(error)}`;
    return { pages: pages.map((index) => ({ index, refused: reason })), objects: [] };
  }
  const objects = new Map<number, PdfValue>();
  const answer: OriginalPages['pages'] = [];
  for (const index of pages) {
    try {
      answer.push(readPage(doc, index, objects));
    } catch (error) {
      answer.push({ index, refused: error instanceof Error ? error.message : String(error) });
    }
  }
  return { pages: answer, objects: [...objects] };
}

function readPage(doc: PDFDocument, index: number, shared: Map<number, PdfValue>): OriginalPage {
  if (!Number.isInteger(index) || index < 0 || index >= doc.getPageCount()) throw new Refused(`The PDF has no page ${index + 1}.`);
  const page = doc.getPage(index);
  const crop = page.getCropBox();
  const media = page.getMediaBox();
  const box: [number, number, number, number] = [
    Math.max(crop.x, media.x),
    Math.max(crop.y, media.y),
    Math.min(crop.x + crop.width, media.x + media.width),
    Math.min(crop.y + crop.height, media.y + media.height),
  ];
  if (!box.every(Number.isFinite) || box[2] - box[0] < 1 || box[3] - box[1] < 1) throw new Refused('The page has no visible area.');
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  if (rotation % 90 !== 0) throw new Refused('The page is rotated by an angle that is not a multiple of 90°.');
  const { flate: contents, drawn } = pageContents(page.node.Contents(), doc.context);
  if (hidesText(drawn)) throw new Refused(HIDDEN_TEXT);
  const drawings = new Drawings(doc.context);
  // Objects new to this page go into the answer only when the whole page passed: a page refused half-way
  // leaves nothing another page could refer to without its own checks.
  const local = new Map<number, PdfValue>();
  const serialiser = new Serialiser(doc.context, shared, local, drawings);
  const pageResources = page.node.Resources() ?? doc.context.obj({});
  const resources = serialiser.resources(pageResources, namesUsed(drawn, pageResources, drawings), 0);
  serialiser.drain();
  for (const [number, value] of local) shared.set(number, value);
  return { index, box, rotation, contents, resources, pictures: drawsPictures(drawn, pageResources, drawings) };
}

class Serialiser {
  private readonly queue: number[] = [];

  constructor(
    private readonly context: PDFContext,
    private readonly shared: ReadonlyMap<number, PdfValue>,
    private readonly local: Map<number, PdfValue>,
    private readonly drawings: Drawings,
  ) {}

  /** Serialise every indirect object the page reaches, breadth first (no recursion through references). */
  drain(): void {
    while (this.queue.length) {
      const number = this.queue.shift()!;
      if (this.local.has(number) || this.shared.has(number)) continue;
      if (this.shared.size + this.local.size >= MAX_ORIGINAL_OBJECTS) throw new Refused('The page reaches too many objects.');
      const target = this.context.lookup(PDFRef.of(number));
      this.local.set(number, target === undefined ? { t: 'null' } : this.value(target, 0));
    }
  }

  value(object: PDFObject, depth: number): PdfValue {
    if (depth > MAX_ORIGINAL_DEPTH) throw new Refused('The page resources are nested too deeply.');
    if (object instanceof PDFRef) {
      // Generation numbers are dropped: an original's live object has one number.
      if (!this.local.has(object.objectNumber) && !this.shared.has(object.objectNumber)) this.queue.push(object.objectNumber);
      return { t: 'ref', v: object.objectNumber };
    }
    if (object instanceof PDFName) return { t: 'name', v: object.asBytes() };
    if (object instanceof PDFNumber) return { t: 'num', v: object.asNumber() };
    if (object instanceof PDFBool) return { t: 'bool', v: object.asBoolean() };
    if (object === PDFNull) return { t: 'null' };
    if (object instanceof PDFString || object instanceof PDFHexString) return { t: 'str', v: object.asBytes() };
    if (object instanceof PDFArray) return { t: 'array', v: object.asArray().map((item) => this.value(item, depth + 1)) };
    if (object instanceof PDFRawStream) {
      // A form (or a tiling pattern) draws with resources of its own, as a page does: its content may
      // carry the same hidden text, and its resources only what that content names are kept.
      const subtype = object.dict.get(PDFName.of('Subtype'));
      const draws = object.dict.has(PDFName.of('Resources')) || (subtype instanceof PDFName && subtype.decodeText() === 'Form');
      if (!draws) return { t: 'stream', dict: this.entries(object.dict, depth), bytes: object.contents };
      const drawn = this.drawings.of(object);
      if (hidesText(drawn)) throw new Refused(HIDDEN_TEXT);
      return { t: 'stream', dict: this.entries(object.dict, depth, namesIn(drawn)), bytes: object.contents };
    }
    if (object instanceof PDFStream) throw new Refused('The page resources hold a stream of an unexpected kind.');
    if (object instanceof PDFDict) return { t: 'dict', v: this.entries(object, depth) };
    throw new Refused('The page resources hold an object of an unknown kind.');
  }

  /**
   * A resource dictionary as its content uses it: of each kind of named resource (pictures and forms,
   * fonts, patterns…) only the names the content mentions. Producers often give every page one
   * dictionary holding every picture of the file, and the bundle carried the picture of a page it
   * burned (or left out) with a page it copied, where no reading looked but any tool could extract
   * it. The dictionaries are written into the answer, not shared by object number: another page of the
   * same file needs other names from them.
   */
  resources(object: PDFObject, used: ReadonlySet<string>, depth: number): PdfValue {
    const dict = resolve(this.context, object);
    if (!(dict instanceof PDFDict) || dict instanceof PDFRawStream) return this.value(object, depth);
    const out: Array<[Uint8Array, PdfValue]> = [];
    for (const [key, value] of this.kept(dict)) {
      const kind = resolve(this.context, value);
      if (NAMED_RESOURCES.has(key.decodeText()) && kind instanceof PDFDict && !(kind instanceof PDFRawStream)) {
        if (depth + 1 > MAX_ORIGINAL_DEPTH) throw new Refused('The page resources are nested too deeply.');
        const named = this.kept(kind).filter(([name]) => used.has(name.decodeText()));
        out.push([key.asBytes(), { t: 'dict', v: named.map(([name, item]) => [name.asBytes(), this.value(item, depth + 2)]) }]);
      } else {
        out.push([key.asBytes(), this.value(value, depth + 1)]);
      }
    }
    return { t: 'dict', v: out };
  }

  /** A stream's dictionary; `used`: the names its content mentions, when it has resources of its own. */
  private entries(dict: PDFDict, depth: number, used?: ReadonlySet<string>): Array<[Uint8Array, PdfValue]> {
    return this.kept(dict).map(([key, value]) => [
      key.asBytes(),
      used && key.decodeText() === 'Resources' ? this.resources(value, used, depth + 1) : this.value(value, depth + 1),
    ]);
  }

  /** The entries of a dictionary that may be carried, after its type and keys are checked. */
  private kept(dict: PDFDict): Array<[PDFName, PDFObject]> {
    const type = dict.get(PDFName.of('Type'));
    if (type instanceof PDFName && FORBIDDEN_TYPES.has(type.decodeText())) throw new Refused(`The page's resources reach a /${type.decodeText()}.`);
    const out: Array<[PDFName, PDFObject]> = [];
    for (const [key, value] of dict.entries()) {
      const name = key.decodeText();
      if (FORBIDDEN_KEYS.has(name)) throw new Refused(`The page's resources carry /${name}.`);
      // A named property list (/Span /MC0 BDC) holds the same hidden text as an inline one.
      if (name === 'ActualText' || name === 'Alt') throw new Refused(HIDDEN_TEXT);
      if (STRIPPED_KEYS.has(name)) continue;
      out.push([key, value]);
    }
    return out;
  }
}

/** The page's content streams as one Flate stream. A single Flate stream is kept as it is, once it inflates. */
function pageContents(contents: PDFObject | undefined, context: PDFContext): { flate: Uint8Array; drawn: Uint8Array } {
  const streams: PDFObject[] = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const resolved = streams.map((stream) => resolve(context, stream));
  if (resolved.length === 0) throw new Refused('The page has no content.');
  const only = resolved[0];
  if (resolved.length === 1 && only instanceof PDFRawStream && isPlainFlate(only.dict)) {
    // Throws when it does not inflate, or inflates to too much.
    return { flate: only.contents, drawn: inflate(only.contents, MAX_PAGE_CONTENT_BYTES) };
  }
  const decoded: Uint8Array[] = [];
  let size = 0;
  for (const stream of resolved) {
    if (!(stream instanceof PDFRawStream)) throw new Refused('The page content is not a stream.');
    const bytes = isPlainFlate(stream.dict) ? inflate(stream.contents, MAX_PAGE_CONTENT_BYTES - size) : decodePDFRawStream(stream).decode();
    size += bytes.length + 1;
    if (size > MAX_PAGE_CONTENT_BYTES) throw new Refused('The page draws too much to be copied.');
    decoded.push(bytes, Buffer.from('\n'));
  }
  const drawn = Buffer.concat(decoded);
  return { flate: deflateSync(drawn), drawn };
}

function inflate(bytes: Uint8Array, limit: number): Buffer {
  try {
    return inflateSync(bytes, { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, limit) });
  } catch (error) {
    if (error instanceof RangeError) throw new Refused('The page draws too much to be copied.');
    throw error;
  }
}

function isPlainFlate(dict: PDFDict): boolean {
  const filter = dict.get(PDFName.of('Filter'));
  const only = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
  return only instanceof PDFName && only.asString() === '/FlateDecode' && !dict.has(PDFName.of('DecodeParms'));
}
