import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { DalelFailure } from './errors';

/** `<name>.tmp-<pid>` (writeFileAtomic) or `<name>.tmp-<pid>-<8 hex>` (StagedFile). */
const TEMP_SUFFIX = /^\.tmp-(\d+)(?:-[0-9a-f]{8})?$/;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temp files a killed write of `target` left beside it: those of a process that no longer
 * runs. A live pid (another Dalel writing the same file now, or a reused pid) is left alone — the safe
 * side. Only names built from `target` are touched. Returns the names removed.
 */
export function removeStaleTemps(target: string): string[] {
  const folder = dirname(target);
  const name = basename(target);
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const entry of entries) {
    if (!entry.startsWith(name)) continue;
    const match = TEMP_SUFFIX.exec(entry.slice(name.length));
    if (!match || Number(match[1]) === process.pid || processAlive(Number(match[1]))) continue;
    try {
      rmSync(join(folder, entry), { force: true });
      removed.push(entry);
    } catch {
      // not ours to remove after all
    }
  }
  return removed;
}

/**
 * Replace a file atomically: write a sibling temp file, fsync it, rename over the old one, fsync the
 * folder. A crash leaves either the old content or the new, never a torn file.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  removeStaleTemps(target);
  const temp = `${target}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    if (typeof content === 'string') writeSync(fd, content);
    else {
      // writeSync may write less than asked (a full disk reports it on the next call).
      for (let done = 0; done < content.byteLength; ) done += writeSync(fd, content, done, content.byteLength - done);
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, target);
  fsyncDir(dirname(target));
}

export function fsyncDir(dir: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * writeFileAtomic for content written over time (a bundle export): the content goes into a sibling temp
 * file through `handle`; `finish()` fsyncs and closes it, `commit()` renames it over the target, and
 * `discard()` removes it — after a failure or a cancellation nothing is left, at the target or beside
 * it. Several files committed together share one fsyncDir afterwards.
 */
export class StagedFile {
  private constructor(
    readonly target: string,
    readonly temp: string,
    readonly handle: FileHandle,
  ) {}

  static async open(target: string): Promise<StagedFile> {
    // What an export killed before its rename left beside the same target goes now.
    removeStaleTemps(target);
    // A random part too: two exports to the same file from one process must not share a temp file.
    const temp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    return new StagedFile(target, temp, await open(temp, 'wx', 0o600));
  }

  /**
   * The temp file as a stream, instead of `handle` and finish(): once the stream has finished, the file
   * is fsynced and closed (a stream on the handle keeps the handle from closing until the stream does).
   */
  writeStream(): Writable {
    return this.handle.createWriteStream({ flush: true });
  }

  async finish(): Promise<void> {
    await this.handle.sync();
    await this.handle.close();
  }

  /**
   * Put the file in place. Without `overwrite` an existing file is never replaced, even one that
   * appeared since the target was checked: a hard link fails when the name is taken (atomically), and
   * where links are not possible (FAT and exFAT USB drives) the name is checked right before the rename.
   */
  commit(overwrite = true): void {
    if (overwrite) return renameSync(this.temp, this.target);
    try {
      linkSync(this.temp, this.target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new DalelFailure('target-exists', `A file named ${this.target} already exists. Choose another name, or say it may be replaced.`, { path: this.target }).because('target-exists', { path: this.target });
      if (existsSync(this.target)) throw new DalelFailure('target-exists', `A file named ${this.target} already exists. Choose another name, or say it may be replaced.`, { path: this.target }).because('target-exists', { path: this.target });
      return renameSync(this.temp, this.target);
    }
    unlinkSync(this.temp);
  }

  /** Close (if still open) and remove the temp file; harmless after commit() or a second time. */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    rmSync(this.temp, { force: true });
  }
}
