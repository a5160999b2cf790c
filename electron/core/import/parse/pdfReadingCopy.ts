import {
  PDFArray,
  PDFBool,
  PDFContext,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFObjectStreamParser,
  PDFRawStream,
  PDFRef,
  PDFString,
  PDFWriter,
  type PDFObject,
} from 'pdf-lib';
import ByteStream from 'pdf-lib/cjs/core/parser/ByteStream';
import { unlockPdf, type EncryptionValues, type FileDecryption } from './pdfSecurity';

/**
 * The reading copy of a password-protected PDF: the same objects, decrypted, in a new file without
 * /Encrypt. The vault keeps the original exactly as it was given (its SHA-256 is the evidence) and,
 * beside it inside the encrypted database, this copy, which every later reading opens — the pages read
 * after import (and again after a crash or a lock), OCR run again in other languages, the print reading,
 * and a bundle's vector pages. The password is needed once, here, and is never kept: keeping it would
 * be the only other way to read the file again.
 *
 * Why not a tool: qpdf (`--decrypt --password-file=-`) does this, but it is not part of the app on
 * Windows or macOS, and would be a second parser of a stranger's file outside the parser process. pdf.js
 * can open the file but not write it decrypted (its page extraction re-encrypts with the same key), and
 * pdf-lib cannot decrypt. So the file is read here, in the parser process, with pdf-lib's object parser,
 * object by object as pdf-lib's own loader does (the last definition of an object wins, cross-reference
 * tables are not trusted), its strings and streams decrypted with the standard security handler
 * (pdfSecurity.ts), and written out by pdf-lib's writer. pdfDocument.ts then checks with pdf.js that the
 * copy has the same pages and text as the original.
 */

const keyword = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));
const KEYWORDS = { header: keyword('%PDF-'), obj: keyword('obj'), endobj: keyword('endobj'), trailer: keyword('trailer') };
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** Why a reading copy could not be made; the caller words it for the lawyer. */
export class ReadingCopyFailure extends Error {
  override readonly name = 'ReadingCopyFailure';
}

interface Definition {
  ref: PDFRef;
  object: PDFObject;
}

/** Every indirect object and trailer of the file, in file order, as pdf-lib's loader would find them. */
class FileScanner extends PDFObjectParser {
  readonly definitions: Definition[] = [];
  /** trailer dictionaries and cross-reference stream dictionaries, in file order */
  readonly trailers: PDFDict[] = [];

  constructor(bytes: Uint8Array, context: PDFContext) {
    super(ByteStream.of(bytes), context);
  }

  scan(): void {
    while (!this.bytes.done()) {
      this.skipWhitespaceAndComments();
      if (this.bytes.done()) break;
      const start = this.bytes.offset();
      if (this.matchKeyword(KEYWORDS.trailer)) {
        this.skipWhitespaceAndComments();
        this.tryValue((value) => value instanceof PDFDict && this.trailers.push(value));
        continue;
      }
      const byte = this.bytes.peek();
      if (byte >= DIGIT_0 && byte <= DIGIT_9) {
        const ref = this.objectHeader();
        if (ref) {
          const body = this.bytes.offset();
          const parsed = this.tryValue((object) => {
            this.skipWhitespaceAndComments();
            this.matchKeyword(KEYWORDS.endobj);
            this.definitions.push({ ref, object });
            if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Type')) === PDFName.of('XRef')) this.trailers.push(object.dict);
          });
          if (!parsed) this.skipPast(body, KEYWORDS.endobj); // a damaged object is left out, as pdf-lib leaves it out
          continue;
        }
        this.bytes.moveTo(start);
      }
      this.bytes.next();
    }
  }

  private objectHeader(): PDFRef | null {
    const start = this.bytes.offset();
    try {
      const number = this.parseRawInt();
      this.skipWhitespaceAndComments();
      const generation = this.parseRawInt();
      this.skipWhitespaceAndComments();
      if (this.matchKeyword(KEYWORDS.obj)) return PDFRef.of(number, generation);
    } catch {
      // not an object header
    }
    this.bytes.moveTo(start);
    return null;
  }

  private tryValue(use: (value: PDFObject) => void): boolean {
    try {
      use(this.parseObject());
      return true;
    } catch {
      return false;
    }
  }

  private skipPast(from: number, word: number[]): void {
    this.bytes.moveTo(from);
    while (!this.bytes.done() && !this.matchKeyword(word)) this.bytes.next();
  }
}

function bytesOf(value: PDFObject | undefined): Uint8Array | null {
  return value instanceof PDFString || value instanceof PDFHexString ? value.asBytes() : null;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

/** The /Encrypt dictionary's values, each looked up through the file's objects when it is a reference. */
function encryptionValues(dict: PDFDict, lookup: (value: PDFObject | undefined) => PDFObject | undefined): EncryptionValues {
  const get = (key: string) => lookup(dict.get(PDFName.of(key)));
  const name = (value: PDFObject | undefined, fallback: string) => (value instanceof PDFName ? value.decodeText() : fallback);
  const number = (value: PDFObject | undefined) => (value instanceof PDFNumber ? value.asNumber() : null);
  const cryptFilters = new Map<string, { cfm: string; length: number | null }>();
  const cf = get('CF');
  if (cf instanceof PDFDict) {
    for (const [key, value] of cf.entries()) {
      const filter = lookup(value);
      if (!(filter instanceof PDFDict)) continue;
      cryptFilters.set(key.decodeText(), { cfm: name(lookup(filter.get(PDFName.of('CFM'))), 'None'), length: number(lookup(filter.get(PDFName.of('Length')))) });
    }
  }
  const stmF = name(get('StmF'), 'Identity');
  const metadata = get('EncryptMetadata');
  return {
    filter: name(get('Filter'), ''),
    v: number(get('V')) ?? 0,
    r: number(get('R')) ?? 0,
    length: number(get('Length')),
    o: bytesOf(get('O')) ?? new Uint8Array(0),
    u: bytesOf(get('U')) ?? new Uint8Array(0),
    oe: bytesOf(get('OE')),
    ue: bytesOf(get('UE')),
    p: number(get('P')) ?? 0,
    encryptMetadata: !(metadata instanceof PDFBool && !metadata.asBoolean()),
    cryptFilters,
    stmF,
    strF: name(get('StrF'), 'Identity'),
    eff: name(get('EFF'), stmF),
  };
}

/** Strings of one object, decrypted; they come back as hex strings, which hold any bytes. */
function decryptValue(value: PDFObject, decrypt: (data: Uint8Array) => Uint8Array): PDFObject {
  if (value instanceof PDFString || value instanceof PDFHexString) return PDFHexString.of(hex(decrypt(value.asBytes())));
  if (value instanceof PDFArray) {
    for (let i = 0; i < value.size(); i++) value.set(i, decryptValue(value.get(i), decrypt));
    return value;
  }
  if (value instanceof PDFDict) {
    // A signature's /Contents is not encrypted (ISO 32000-2, 7.6.2).
    const type = value.get(PDFName.of('Type'));
    const signature = type === PDFName.of('Sig') || type === PDFName.of('DocTimeStamp');
    for (const [key, entry] of value.entries()) {
      if (signature && key === PDFName.of('Contents')) continue;
      value.set(key, decryptValue(entry, decrypt));
    }
    return value;
  }
  return value;
}

const asList = (value: PDFObject | undefined): PDFObject[] => (value instanceof PDFArray ? value.asArray() : value ? [value] : []);

/** A stream's bytes decrypted; a /Crypt filter in its chain names its own crypt filter and is then removed. */
function decryptStream(stream: PDFRawStream, ref: PDFRef, decryption: FileDecryption): PDFRawStream {
  const dict = stream.dict;
  const type = dict.get(PDFName.of('Type'));
  if (type === PDFName.of('Metadata') && !decryption.encryptMetadata) return stream;
  const filters = asList(dict.get(PDFName.of('Filter')));
  const parms = asList(dict.get(PDFName.of('DecodeParms')));
  const cryptAt = filters.findIndex((filter) => filter === PDFName.of('Crypt'));
  let cryptFilter: string | undefined;
  if (cryptAt >= 0) {
    const parm = parms[cryptAt];
    const named = parm instanceof PDFDict ? parm.get(PDFName.of('Name')) : undefined;
    cryptFilter = named instanceof PDFName ? named.decodeText() : 'Identity';
    filters.splice(cryptAt, 1);
    if (parms.length > cryptAt) parms.splice(cryptAt, 1);
    if (filters.length === 0) dict.delete(PDFName.of('Filter'));
    else dict.set(PDFName.of('Filter'), dict.context.obj(filters));
    if (parms.length === 0 || parms.every((parm) => !(parm instanceof PDFDict))) dict.delete(PDFName.of('DecodeParms'));
    else dict.set(PDFName.of('DecodeParms'), dict.context.obj(parms));
  }
  const contents = decryption.stream(ref.objectNumber, ref.generationNumber, stream.getContents(), { cryptFilter, embedded: type === PDFName.of('EmbeddedFile') });
  return PDFRawStream.of(dict, contents);
}

/**
 * The decrypted copy of `bytes`, opened with `password` (user or owner password). Throws
 * ReadingCopyFailure when the file is not encrypted the standard way or the password opens nothing.
 */
export async function readingCopy(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  const context = PDFContext.create();
  const scanner = new FileScanner(bytes, context);
  scanner.scan();

  const latest = new Map<string, PDFObject>();
  for (const { ref, object } of scanner.definitions) latest.set(ref.tag, object);
  const lookup = (value: PDFObject | undefined): PDFObject | undefined => (value instanceof PDFRef ? latest.get(value.tag) : value);

  // Later trailers update earlier ones, key by key (incremental updates), as pdf-lib reads them.
  const trailer: Partial<Record<'Root' | 'Encrypt' | 'Info' | 'ID', PDFObject>> = {};
  for (const dict of scanner.trailers) {
    for (const key of ['Root', 'Encrypt', 'Info', 'ID'] as const) {
      const value = dict.get(PDFName.of(key));
      if (value) trailer[key] = value;
    }
  }
  const encrypt = lookup(trailer.Encrypt);
  if (!(encrypt instanceof PDFDict)) throw new ReadingCopyFailure('the file names no encryption dictionary');
  const fileId = bytesOf(lookup(asList(lookup(trailer.ID))[0])) ?? new Uint8Array(0);
  let decryption: FileDecryption | null;
  try {
    decryption = unlockPdf(encryptionValues(encrypt, lookup), fileId, password);
  } catch (error) {
    throw new ReadingCopyFailure(error instanceof Error ? error.message : 'unsupported encryption');
  }
  if (!decryption) throw new ReadingCopyFailure('the password does not open the file');

  for (const { ref, object } of scanner.definitions) {
    if (trailer.Encrypt instanceof PDFRef && ref === trailer.Encrypt) continue; // no longer needed: the copy is not encrypted
    const decryptString = (data: Uint8Array) => decryption.string(ref.objectNumber, ref.generationNumber, data);
    if (object instanceof PDFRawStream) {
      const type = object.dict.get(PDFName.of('Type'));
      if (type === PDFName.of('XRef')) continue; // cross-reference streams are not encrypted, and the writer makes a new table
      decryptValue(object.dict, decryptString);
      const plain = decryptStream(object, ref, decryption);
      // The objects inside an object stream are not encrypted one by one: the stream was, as a whole.
      if (type === PDFName.of('ObjStm')) await PDFObjectStreamParser.forStream(plain).parseIntoContext();
      else context.assign(ref, plain);
      continue;
    }
    context.assign(ref, decryptValue(object, decryptString));
  }

  let root = trailer.Root instanceof PDFRef ? trailer.Root : undefined;
  const isCatalog = (object: PDFObject | undefined) => object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Catalog');
  if (!root || !isCatalog(context.lookup(root))) root = context.enumerateIndirectObjects().find(([, object]) => isCatalog(object))?.[0];
  if (!root) throw new ReadingCopyFailure('the file has no catalog');
  context.trailerInfo = { Root: root, Info: trailer.Info, ID: lookup(trailer.ID) };
  return PDFWriter.forContext(context, Infinity).serializeToBuffer();
}
