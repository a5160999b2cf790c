import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { DalelFailure } from '../errors';
import { tempDir } from '../testing/fixtures';
import { bufferStream, writeZip, type ZipEntry } from './zipArchive';

/** unzipper (in node_modules through the dev tools, without types): an independent reader of the archive. */
interface ReadBack {
  files: Array<{ path: string; compressionMethod: number; buffer(): Promise<Buffer> }>;
}
const unzipper = createRequire(import.meta.url)('unzipper') as { Open: { file(path: string): Promise<ReadBack> } };

const DATE = new Date('2026-11-28T09:00:00Z');
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const entry = (name: string, data: Uint8Array, deflate = true): ZipEntry => ({ name, deflate, open: () => bufferStream(data) });

async function zipTo(file: string, entries: ZipEntry[], options: Partial<Parameters<typeof writeZip>[2]> = {}): Promise<void> {
  await writeZip(entries, createWriteStream(file), { date: DATE, ...options });
}

/** Every entry read back by unzipper: name → bytes. */
async function readBack(file: string): Promise<Map<string, Buffer>> {
  const archive = await unzipper.Open.file(file);
  return new Map(await Promise.all(archive.files.map(async (f) => [f.path, await f.buffer()] as const)));
}

describe('writeZip', () => {
  let dir: ReturnType<typeof tempDir> | undefined;
  afterEach(() => dir?.remove());

  it('writes an archive the system unzip and unzipper read, UTF-8 names flagged, every byte and SHA-256 as given', async () => {
    dir = tempDir();
    const text = Buffer.from('Дәлел '.repeat(1000), 'utf8');
    const photo = randomBytes(3 * 1024 * 1024 + 17); // many slices, incompressible
    const file = join(dir.path, 'bundle.zip');
    await zipTo(file, [entry('Бума.pdf', text), entry('originals/01 户口簿.jpg', photo, false), entry('empty.json', new Uint8Array(0))]);

    const zip = readFileSync(file);
    expect(zip.readUInt16LE(6) & 0x0800).toBe(0x0800); // general purpose bit 11 (UTF-8 names), first local header
    execFileSync('unzip', ['-tq', file]);
    expect(execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n')).toEqual(['Бума.pdf', 'originals/01 户口簿.jpg', 'empty.json']);
    expect(execFileSync('unzip', ['-p', file, 'Бума.pdf']).equals(text)).toBe(true);
    // owner-only permissions, as the vault's files
    expect(execFileSync('unzip', ['-Z', file, 'empty.json'], { encoding: 'utf8' })).toMatch(/^-rw-------/);

    const back = await readBack(file);
    expect(sha256(back.get('originals/01 户口簿.jpg')!)).toBe(sha256(photo));
    expect(back.get('Бума.pdf')!.equals(text)).toBe(true);
    expect(back.get('empty.json')!.length).toBe(0);
    const methods = new Map((await unzipper.Open.file(file)).files.map((f) => [f.path, f.compressionMethod]));
    expect(methods.get('Бума.pdf')).toBe(8); // deflated
    expect(methods.get('originals/01 户口簿.jpg')).toBe(0); // stored
    expect(zip.length).toBeLessThan(photo.length + text.length / 4);
  });

  it('writes ZIP64 records that unzip and unzipper read back (forced, without 4 GB of data)', async () => {
    dir = tempDir();
    const a = randomBytes(200_000);
    const b = Buffer.from('manifest '.repeat(5000));
    const file = join(dir.path, 'zip64.zip');
    await zipTo(file, [entry('a.jpg', a, false), entry('b.json', b)], { forceZip64: true });
    const zip = readFileSync(file);
    expect(zip.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true); // ZIP64 end of central directory record
    expect(zip.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(true); // ZIP64 end of central directory locator
    execFileSync('unzip', ['-tq', file]);
    const back = await readBack(file);
    expect(sha256(back.get('a.jpg')!)).toBe(sha256(a));
    expect(back.get('b.json')!.equals(b)).toBe(true);

    // control: the same archive unforced has no ZIP64 record
    const plain = join(dir.path, 'plain.zip');
    await zipTo(plain, [entry('a.jpg', a, false), entry('b.json', b)]);
    expect(readFileSync(plain).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(false);
  });

  it('refuses names that would escape the folder, are empty or repeat, before writing anything', async () => {
    for (const names of [['../evil'], ['a/../../b'], [''], ['a', 'a'], ['a\\b', 'a/b']]) {
      const written: Buffer[] = [];
      const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (written.push(chunk), done()) });
      const failure = await writeZip(names.map((name) => entry(name, new Uint8Array(1))), sink, { date: DATE }).catch((error: unknown) => error);
      expect(failure, names.join()).toBeInstanceOf(DalelFailure);
      expect((failure as DalelFailure).code).toBe('validation');
      expect(written).toEqual([]);
    }
  });

  it('cancelled while an entry streams: fails as cancelled and closes the entry being read; control: not cancelled, it completes', async () => {
    dir = tempDir();
    const controller = new AbortController();
    let closed = false;
    const endless: ZipEntry = {
      name: 'big.bin',
      deflate: false,
      open: () => {
        let sent = 0;
        const stream = new Readable({
          read() {
            sent += 1;
            if (sent === 4) controller.abort(); // mid-entry, after some bytes went out
            this.push(randomBytes(64 * 1024));
          },
        });
        stream.once('close', () => (closed = true));
        return stream;
      },
    };
    const failure = await zipTo(join(dir.path, 'cut.zip'), [entry('first.txt', Buffer.from('first')), endless], { signal: controller.signal }).catch((error: unknown) => error);
    expect((failure as DalelFailure).code).toBe('cancelled');
    expect(closed).toBe(true);

    const file = join(dir.path, 'whole.zip');
    await zipTo(file, [entry('first.txt', Buffer.from('first'))], { signal: new AbortController().signal });
    expect(existsSync(file)).toBe(true);
    execFileSync('unzip', ['-tq', file]);
  });

  it('a write that fails (a full disk) rejects with its error and closes the entry being read', async () => {
    let closed = false;
    const source: ZipEntry = {
      name: 'scan.tif',
      deflate: true,
      open: () => {
        const stream = bufferStream(randomBytes(8 * 1024 * 1024));
        stream.once('close', () => (closed = true));
        return stream;
      },
    };
    let written = 0;
    const disk = new Writable({
      write(chunk: Buffer, _enc, done) {
        written += chunk.length;
        if (written > 1024 * 1024) return done(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
        done();
      },
    });
    const failure = await writeZip([source], disk, { date: DATE }).catch((error: unknown) => error);
    expect((failure as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(closed).toBe(true);
  });

  it('an entry whose source fails rejects with that error', async () => {
    const broken: ZipEntry = { name: 'gone.pdf', deflate: false, open: () => { throw new DalelFailure('document-not-found', 'gone'); } };
    const sink = new Writable({ write: (_chunk, _enc, done) => done() });
    const failure = await writeZip([entry('a', Buffer.from('a')), broken], sink, { date: DATE }).catch((error: unknown) => error);
    expect((failure as DalelFailure).code).toBe('document-not-found');
  });
});
