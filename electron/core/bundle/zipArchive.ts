/**
 * The bundle's ZIP, streamed: entries are read one at a time when their turn comes (an original from the
 * vault, the PDF from its temp file) and written through yazl to the caller's stream, so the archive is
 * never held in memory and nothing is compressed synchronously on the main thread (deflate runs in
 * zlib's thread pool). yazl switches to ZIP64 by itself when an entry, an offset or the entry count
 * outgrows the classic format, so there is no 4 GiB limit. File names are UTF-8 and flagged so (general
 * purpose bit 11): Kazakh and Chinese names open correctly in Windows Explorer and macOS Archive Utility.
 *
 * Why not node:zlib alone, as before: writing ZIP64 records and data descriptors by hand is where
 * archivers go wrong; yazl is small (one file, one dependency) and does exactly this.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { DalelFailure } from '../errors';
import { throwIfCancelled } from './pdf/cancellation';

export interface ZipEntry {
  /** the path inside the archive, '/'-separated */
  name: string;
  /** Called when the entry's turn comes, so only one entry's bytes are read at a time. */
  open(): Readable | Promise<Readable>;
  /**
   * Deflate it. Already compressed content (JPEG, PNG, a PDF's streams) shrank by under 1% at ~50 MB/s
   * of deflate on the corpus (bench/zip.bench.ts): it is stored.
   */
  deflate: boolean;
}

export interface ZipOptions {
  /** every entry's modification time */
  date: Date;
  signal?: AbortSignal;
  /** write ZIP64 records even when the classic format would do (tests; yazl chooses by itself otherwise) */
  forceZip64?: boolean;
  /** an entry is about to be read: `done` entries are written, of `total` */
  onEntry?(done: number, total: number): void;
}

/** A regular file, readable and writable by its owner only, as the vault's own files. */
const FILE_MODE = 0o100600;
/**
 * Slices handed to the CRC and deflate streams. yazl's CRC-32 (buffer-crc32) runs in JavaScript on the
 * main thread, ~100–270 MB/s here: a 256 KiB slice holds the event loop for 1–3 ms (bench/zip.bench.ts).
 */
const SLICE = 256 * 1024;

/**
 * The names as they go into the archive ('\' as '/', no leading '/'), or a validation failure for one
 * that is empty, climbs out of the folder ('..') or repeats.
 */
export function archiveNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw) => {
    const name = raw.replaceAll('\\', '/').replace(/^\/+/, '');
    if (!name || seen.has(name) || name.split('/').includes('..') || name.split('/').includes('')) {
      throw new DalelFailure('validation', `"${name}" cannot be a file name in the archive.`);
    }
    seen.add(name);
    return name;
  });
}

/** A buffer as a stream of 256 KiB views (no copy), so the pipes' backpressure and CRC work in slices. */
export function bufferStream(data: Uint8Array): Readable {
  function* slices() {
    for (let at = 0; at < data.byteLength; at += SLICE) yield Buffer.from(data.buffer, data.byteOffset + at, Math.min(SLICE, data.byteLength - at));
  }
  return Readable.from(slices(), { objectMode: false });
}

/**
 * Write the archive of `entries` to `output`, ending it. Resolves when the last byte is handed to
 * `output`; rejects as `cancelled` when `signal` aborts, or with the first error of an entry's stream
 * or of `output` — then every stream opened is closed first (the caller removes the file it wrote to).
 */
export async function writeZip(entries: readonly ZipEntry[], output: Writable, options: ZipOptions): Promise<void> {
  const names = archiveNames(entries.map((entry) => entry.name));
  throwIfCancelled(options.signal);
  const zip = new ZipFile();
  const opened = new Set<Readable>();
  let fail: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => undefined); // raced below; a second failure after the first is not unhandled
  zip.on('error', (error: unknown) => fail(error));

  entries.forEach((entry, index) => {
    const settings = { mtime: options.date, mode: FILE_MODE, compress: entry.deflate, forceZip64Format: options.forceZip64 === true };
    zip.addReadStreamLazy(names[index]!, settings, (give) => {
      options.onEntry?.(index, entries.length);
      Promise.resolve()
        .then(() => {
          throwIfCancelled(options.signal);
          return entry.open();
        })
        .then((stream) => {
          opened.add(stream);
          stream.once('error', (error) => fail(error));
          stream.once('close', () => opened.delete(stream));
          give(null, stream);
        }, fail);
    });
  });
  zip.end({ forceZip64Format: options.forceZip64 === true, comment: '' });

  const archive = zip.outputStream as Readable;
  try {
    await Promise.race([pipeline(archive, output, { signal: options.signal }), failed]);
    options.onEntry?.(entries.length, entries.length);
  } catch (error) {
    // Wait until each is closed: a file still open could not be removed on Windows.
    await Promise.all([...opened].map((stream) => new Promise<void>((resolve) => (stream.closed ? resolve() : (stream.once('close', () => resolve()), stream.destroy())))));
    archive.destroy();
    output.destroy();
    throwIfCancelled(options.signal);
    throw error;
  }
}
