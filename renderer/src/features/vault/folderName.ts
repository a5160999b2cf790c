/** The last part of a folder path, on Windows or POSIX; used as a word a passphrase should not lean on. */
export function folderName(path: string): string {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  return parts.at(-1) ?? '';
}
