import { constants as fsConstants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { SKIP_MESSAGES } from './expandPaths';
import { ImportFailure, MAX_FILE_BYTES } from './parse';

/** A document's first title: its file's name without the extension, underscores as spaces. */
export function titleFromFileName(name: string): string {
  const base = basename(name, extname(name)).replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return base || name;
}

/**
 * The file's bytes, checked on the open file itself rather than on its path (a path checked and then
 * opened can have become something else in between). Opened non-blocking, so a FIFO put where a file was
 * does not hang the import waiting for a writer; a link is refused when the file came from a folder.
 */
export async function readLimited(path: string, options: { noFollow: boolean }): Promise<Buffer> {
  const flags = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | (options.noFollow ? (fsConstants.O_NOFOLLOW ?? 0) : 0);
  let file: FileHandle;
  try {
    file = await open(path, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (options.noFollow && code === 'ELOOP') throw new ImportFailure('symbolic-link', SKIP_MESSAGES['symbolic-link']);
    if (code === 'ENXIO') throw new ImportFailure('special-file', SKIP_MESSAGES['special-file']); // a socket
    throw new ImportFailure('unsupported-file', 'This is not a file Dalel can read.');
  }
  try {
    const info = await file.stat();
    if (info.isDirectory()) throw new ImportFailure('unsupported-file', 'This is not a file Dalel can read.');
    if (!info.isFile()) throw new ImportFailure('special-file', SKIP_MESSAGES['special-file']);
    if (info.size > MAX_FILE_BYTES) {
      throw new ImportFailure('file-too-large', `The file is larger than ${Math.round(MAX_FILE_BYTES / 1024 / 1024)} MB, which Dalel does not import.`);
    }
    return await file.readFile();
  } finally {
    await file.close();
  }
}
