/**
 * The files of a drop, with dropped folders walked. A drop's DataTransfer is emptied once the event
 * handler returns, so `takeDrop` must run inside the handler; the entries it returns stay readable.
 */
export type DroppedItem = { kind: 'file'; file: File } | { kind: 'entry'; entry: FileSystemEntry } | { kind: 'unreadable'; name: string };

export function takeDrop(dataTransfer: DataTransfer): DroppedItem[] {
  const items: DroppedItem[] = [];
  const list = [...dataTransfer.items].filter((item) => item.kind === 'file');
  if (list.length === 0) return [...dataTransfer.files].map((file) => ({ kind: 'file', file }));
  for (const item of list) {
    // Only the file system API tells a dropped folder from a file; files built by a page have no entry.
    const entry = item.webkitGetAsEntry?.() ?? null;
    if (entry?.isDirectory) {
      items.push({ kind: 'entry', entry });
      continue;
    }
    const file = item.getAsFile();
    items.push(file ? { kind: 'file', file } : { kind: 'unreadable', name: entry?.name ?? '?' });
  }
  return items;
}

export interface CollectedFiles {
  files: File[];
  /** Names of what could not be opened as a file (a folder the system would not list, say). */
  unreadable: string[];
}

export async function collectFiles(items: readonly DroppedItem[]): Promise<CollectedFiles> {
  const collected: CollectedFiles = { files: [], unreadable: [] };
  for (const item of items) {
    if (item.kind === 'file') collected.files.push(item.file);
    else if (item.kind === 'unreadable') collected.unreadable.push(item.name);
    else await walk(item.entry, collected);
  }
  return collected;
}

async function walk(entry: FileSystemEntry, collected: CollectedFiles): Promise<void> {
  try {
    if (isFile(entry)) {
      collected.files.push(await new Promise<File>((resolve, reject) => entry.file(resolve, reject)));
    } else if (isDirectory(entry)) {
      for (const child of await readAll(entry.createReader())) await walk(child, collected);
    }
  } catch {
    collected.unreadable.push(entry.name);
  }
}

/** `readEntries` hands a folder over in chunks (100 at a time in Chromium) until it returns none. */
async function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (chunk.length === 0) return all;
    all.push(...chunk);
  }
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}
