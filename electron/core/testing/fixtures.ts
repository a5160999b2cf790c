import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KDF_FLOOR, type Argon2idParams } from '../vault/kdf';
import { DalelFailure } from '../errors';

/** Tests derive keys at the floor (64 MiB, t=3): real Argon2id, just not the slower default. */
export const TEST_KDF: Argon2idParams = { name: 'argon2id', ...KDF_FLOOR };

export function tempDir(prefix = 'dalel-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Every regular file under `dir`, recursively. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** SHA-256 of every file in a folder, for "nothing changed" assertions. */
export function hashFolder(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const file of listFiles(dir).sort()) {
    hashes[file] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return hashes;
}

/** Files (recursively) that contain `needle` as UTF-8 or UTF-16LE bytes. */
export function filesContaining(files: string[], needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return files.filter((file) => {
    let bytes: Buffer;
    try {
      if (!statSync(file).isFile()) return false;
      bytes = readFileSync(file);
    } catch {
      return false; // vanished or unreadable (another process's temp file)
    }
    return forms.some((form) => bytes.includes(form));
  });
}

/** The DalelFailure a call rejects with; any other error is rethrown, and success fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<DalelFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DalelFailure) return error;
    throw error;
  }
  throw new Error('expected a failure, the call succeeded');
}
