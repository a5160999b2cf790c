import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { FileToImport } from './importService';

/**
 * Turn what the lawyer picked (files and folders) into the files to import. Folders are walked
 * recursively in name order; hidden files and folders (".DS_Store", ".git") and the OS's own litter
 * ("Thumbs.db", "desktop.ini") are skipped silently, since nobody means to import them. Anything else
 * is kept, so a file Dalel cannot read is reported as rejected rather than quietly left out.
 * Symbolic links to folders are not followed (a loop would never end).
 */
const OS_LITTER = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db']);

export async function expandPaths(paths: readonly string[]): Promise<FileToImport[]> {
  const out: FileToImport[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ name: basename(path), path });
  };
  for (const input of paths) {
    const path = resolve(input);
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) await walk(path, add);
    else add(path); // a missing file is reported by the importer, in plain words
  }
  return out;
}

async function walk(dir: string, add: (path: string) => void): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || OS_LITTER.has(entry.name.toLowerCase())) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, add);
    else if (entry.isFile()) add(full);
  }
}
