import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { SkipReason } from '../../../shared/domain/document';
import type { FileToImport } from './importBatch';

/**
 * Turn what the lawyer picked (files and folders) into the files to import. Folders are walked
 * recursively in name order; hidden files and folders (".DS_Store", ".git") and the OS's own litter
 * ("Thumbs.db", "desktop.ini") are skipped silently, since nobody means to import them. Anything else
 * is kept, so a file Dalel cannot read is reported as rejected rather than quietly left out.
 *
 * What is not a regular file is reported as `skipped`, with the reason, and never read (issue 12: a
 * symbolic link in an imported folder used to vanish without a word):
 * - a symbolic link inside a chosen folder is not followed: it may lead anywhere on the disk (another
 *   client's folder, a loop), and a folder from a stranger's USB stick can carry links. A link the
 *   lawyer chose directly is followed: that is the file they meant.
 * - a named pipe (FIFO), socket or device, wherever it is: reading one can block for ever (a FIFO with
 *   no writer) or never end (/dev/zero).
 */
const OS_LITTER = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db']);

export const SKIP_MESSAGES: Record<SkipReason, string> = {
  'symbolic-link': 'This is a link to another place on the disk, inside the chosen folder. Dalel does not follow such links; choose the file itself to import it.',
  'special-file': 'This is not an ordinary file (a pipe, socket or device), so Dalel did not read it.',
};

export function skipped(name: string, path: string, reason: SkipReason): FileToImport {
  return { name, path, skip: { code: reason, message: SKIP_MESSAGES[reason] } };
}

function special(info: Pick<Stats | Dirent, 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>): boolean {
  return info.isFIFO() || info.isSocket() || info.isBlockDevice() || info.isCharacterDevice();
}

export async function expandPaths(paths: readonly string[]): Promise<FileToImport[]> {
  const out: FileToImport[] = [];
  const seen = new Set<string>();
  const add = (file: FileToImport) => {
    if (seen.has(file.path!)) return;
    seen.add(file.path!);
    out.push(file);
  };
  for (const input of paths) {
    const path = resolve(input);
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) await walk(path, add);
    else if (info && special(info)) add(skipped(basename(path), path, 'special-file'));
    else add({ name: basename(path), path }); // a missing file is reported by the importer, in plain words
  }
  return out;
}

async function walk(dir: string, add: (file: FileToImport) => void): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || OS_LITTER.has(entry.name.toLowerCase())) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, add);
    // Found in a folder: read without following a link, should it become one before it is read.
    else if (entry.isFile()) add({ name: entry.name, path: full, noFollow: true });
    else if (entry.isSymbolicLink()) add(skipped(entry.name, full, 'symbolic-link'));
    else if (special(entry)) add(skipped(entry.name, full, 'special-file'));
  }
}
