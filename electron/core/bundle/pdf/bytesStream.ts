import { PDFStream, type PDFContext, type PDFDict, type PDFObject, type PDFRef } from 'pdf-lib';

const STREAM = Buffer.from('\nstream\n', 'latin1');
const ENDSTREAM = Buffer.from('\nendstream', 'latin1');

/**
 * A stream whose bytes are written into the file with one copy. pdf-lib's own streams copy their data
 * byte by byte in JavaScript when the document is saved: 3.6 s of a 500-page export's 10 s
 * (`npm run bench:export`), for the page images alone.
 */
export class BytesStream extends PDFStream {
  constructor(
    dict: PDFDict,
    private readonly bytes: Uint8Array,
  ) {
    super(dict);
  }

  override getContents(): Uint8Array {
    return this.bytes;
  }

  override getContentsSize(): number {
    return this.bytes.length;
  }

  override getContentsString(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('latin1');
  }

  override clone(context?: PDFContext): BytesStream {
    return new BytesStream(this.dict.clone(context), this.bytes);
  }

  /**
   * The stream as copyBytesInto writes it, in three pieces, the content itself not copied: a bundle
   * written to a file (saveToFile.ts) hands the page images to the file as they are.
   */
  parts(): [head: Uint8Array, content: Uint8Array, tail: Uint8Array] {
    this.updateDict();
    const head = new Uint8Array(this.dict.sizeInBytes() + STREAM.length);
    head.set(STREAM, this.dict.copyBytesInto(head, 0));
    return [head, this.bytes, ENDSTREAM];
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    this.updateDict();
    const start = offset;
    offset += this.dict.copyBytesInto(buffer, offset);
    buffer.set(STREAM, offset);
    offset += STREAM.length;
    buffer.set(this.bytes, offset);
    offset += this.bytes.length;
    buffer.set(ENDSTREAM, offset);
    offset += ENDSTREAM.length;
    return offset - start;
  }
}

/** A dictionary as pdf-lib's `obj()` takes it: strings become names, arrays and objects nest. */
export type DictEntries = Record<string, unknown>;

export function dict(context: PDFContext, entries: DictEntries): PDFDict {
  return context.obj(entries as Record<string, PDFObject>);
}

/** Register `bytes` as a stream with `entries` in its dictionary. */
export function registerStream(context: PDFContext, bytes: Uint8Array, entries: DictEntries): PDFRef {
  return context.register(new BytesStream(dict(context, entries), bytes));
}

