import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { PDFStreamWriter, type PDFDocument, type PDFObject, type PDFRef } from 'pdf-lib';
import { BytesStream } from './bytesStream';
import { throwIfCancelled } from './cancellation';

/**
 * Small objects are gathered into one buffer of this size before each write; a page image goes to the
 * file from where it already is. 4 MiB: a few hundred writes for the 300 MB bench bundle.
 */
const CHUNK = 4 * 1024 * 1024;

const ASCII = (text: string) => Buffer.from(text, 'latin1');
const TWO_NEWLINES = ASCII('\n\n');
const END_OBJECT = ASCII('\nendobj\n\n');

/** Anything pdf-lib can write: it knows its size and copies itself into a buffer. */
interface Piece {
  sizeInBytes(): number;
  copyBytesInto(buffer: Uint8Array, offset: number): number;
}

/** What pdf-lib's writers lay out before they fill one buffer with it (PDFWriter.d.ts, SerializationInfo). */
interface Serialization {
  size: number;
  header: Piece;
  indirectObjects: Array<[PDFRef, PDFObject]>;
  xref?: Piece;
  trailerDict?: Piece;
  trailer: Piece;
}

export interface SaveToFileOptions {
  signal?: AbortSignal;
  /** bytes written so far, of `total` */
  onWritten?(written: number, total: number): void;
}

/**
 * `doc.save({ useObjectStreams: true })`, byte for byte, written into `file` in chunks instead of one
 * buffer the size of the whole PDF, with the SHA-256 of what was written. pdf-lib lays the file out
 * (object streams, cross-reference stream, offsets); only its last step — allocating the output buffer
 * and copying every object into it — is done here, object by object. Its own serializer is not public
 * API, hence the cast to reach it.
 */
export async function saveToFile(
  doc: PDFDocument,
  file: FileHandle,
  options: SaveToFileOptions = {},
): Promise<{ size: number; sha256: string; offsets: Map<number, number> }> {
  await doc.flush();
  const writer = PDFStreamWriter.forContext(doc.context, 50);
  const layout = await (writer as unknown as { computeBufferSize(): Promise<Serialization> }).computeBufferSize();
  const out = new ChunkedFile(file, (written) => options.onWritten?.(written, layout.size));

  await out.piece(layout.header);
  await out.bytes(TWO_NEWLINES);
  // Where each object starts in the file (the cross-reference stream says the same; this is its copy).
  const offsets = new Map<number, number>();
  for (const [ref, object] of layout.indirectObjects) {
    throwIfCancelled(options.signal);
    offsets.set(ref.objectNumber, out.written + out.pending);
    await out.bytes(ASCII(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    if (object instanceof BytesStream) for (const part of object.parts()) await out.bytes(part);
    else await out.piece(object);
    await out.bytes(END_OBJECT);
  }
  if (layout.xref) {
    await out.piece(layout.xref);
    await out.bytes(ASCII('\n'));
  }
  if (layout.trailerDict) {
    await out.piece(layout.trailerDict);
    await out.bytes(TWO_NEWLINES);
  }
  await out.piece(layout.trailer);
  await out.flush();
  throwIfCancelled(options.signal);
  if (out.written !== layout.size) throw new Error(`The bundle PDF was laid out as ${layout.size} bytes but ${out.written} were written.`);
  return { size: out.written, sha256: out.sha256(), offsets };
}

/** Writes through one reused buffer; large pieces go straight to the file. Hashes what it writes. */
class ChunkedFile {
  written = 0;
  private readonly buffer = Buffer.allocUnsafe(CHUNK);
  private filled = 0;

  /** Bytes gathered but not written yet. */
  get pending(): number {
    return this.filled;
  }
  private readonly hash = createHash('sha256');

  constructor(
    private readonly file: FileHandle,
    private readonly onWritten: (written: number) => void,
  ) {}

  async bytes(bytes: Uint8Array): Promise<void> {
    if (bytes.length >= CHUNK / 2) {
      await this.flush();
      return this.write(bytes);
    }
    if (bytes.length > CHUNK - this.filled) await this.flush();
    this.buffer.set(bytes, this.filled);
    this.filled += bytes.length;
  }

  async piece(piece: Piece): Promise<void> {
    const size = piece.sizeInBytes();
    if (size > CHUNK - this.filled) await this.flush();
    if (size <= CHUNK) {
      this.filled += piece.copyBytesInto(this.buffer, this.filled);
      return;
    }
    const own = new Uint8Array(size);
    piece.copyBytesInto(own, 0);
    await this.write(own);
  }

  async flush(): Promise<void> {
    if (this.filled === 0) return;
    const filled = this.filled;
    this.filled = 0;
    await this.write(this.buffer.subarray(0, filled));
  }

  sha256(): string {
    return this.hash.digest('hex');
  }

  private async write(bytes: Uint8Array): Promise<void> {
    this.hash.update(bytes);
    // A write may take less than it was given (a full disk says so on the next one).
    for (let done = 0; done < bytes.length; ) done += (await this.file.write(bytes, done, bytes.length - done)).bytesWritten;
    this.written += bytes.length;
    this.onWritten(this.written);
  }
}
