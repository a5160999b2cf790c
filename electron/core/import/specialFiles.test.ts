/**
 * What is not a regular file in an imported folder — a symbolic link, a FIFO, a socket, a device — is
 * reported per file as `skipped` with its reason, and never read (issue 12, item 8: a symlink used to be
 * left out without a word). A link inside the folder is not followed (it may lead to another client's
 * file); a FIFO is never opened in a way that waits for a writer, even when a file turns into one
 * between the folder walk and the read.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileImportProgress } from '../../../shared/domain/document';
import { runCli } from '../../cli/main';
import { DocumentStore } from '../documents/documentStore';
import { createTesseractEngine, defaultTessdataDir } from '../ocr';
import { corpusPath } from '../testing/corpus';
import { TEST_KDF, tempDir } from '../testing/fixtures';
import { createVault, type Vault } from '../vault/vault';
import { expandPaths } from './expandPaths';
import { ImportService } from './importService';
import { createFileParser, nodeParserProcesses } from './parse';

const PASSPHRASE = 'special files passphrase';
const posix = process.platform !== 'win32';
if (!posix) console.warn('skipped: links, FIFOs and devices in an import, which need a POSIX file system');

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

function listen(path: string): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(path, () => resolve(server));
  });
}

describe.skipIf(!posix)('links, FIFOs, sockets and devices in an import', () => {
  let dir: ReturnType<typeof tempDir>;
  let folder: string;
  let server: Server;

  beforeEach(async () => {
    dir = tempDir();
    folder = join(dir.path, 'from the USB stick');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    mkdirSync(join(dir.path, 'elsewhere'));
    copyFileSync(corpusPath('ngo_letter_45-21.pdf'), join(folder, 'letter.pdf'));
    // Another client's document, outside the folder the lawyer chose, and a link to it inside.
    copyFileSync(corpusPath('scan_0005.jpg'), join(dir.path, 'elsewhere', 'other client.jpg'));
    symlinkSync(join(dir.path, 'elsewhere', 'other client.jpg'), join(folder, 'scan.jpg'));
    symlinkSync(join(dir.path, 'elsewhere'), join(folder, 'sub', 'linked folder'));
    mkfifo(join(folder, 'pipe.pdf'));
    server = await listen(join(folder, 'socket.pdf'));
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    dir.remove();
  });

  it('expandPaths lists each with its reason; a link chosen directly is followed, a device chosen directly is not read', async () => {
    const files = await expandPaths([folder, join(folder, 'scan.jpg'), '/dev/null']);
    expect(files.map((file) => [file.name, file.skip?.code ?? 'read'])).toEqual([
      ['letter.pdf', 'read'],
      ['pipe.pdf', 'special-file'],
      ['scan.jpg', 'symbolic-link'],
      ['socket.pdf', 'special-file'],
      ['linked folder', 'symbolic-link'],
      ['null', 'special-file'],
    ]);
    // The same link, chosen by itself, is what the lawyer meant: it is read (once: the path was listed already).
    const direct = await expandPaths([join(folder, 'scan.jpg')]);
    expect(direct).toEqual([{ name: 'scan.jpg', path: join(folder, 'scan.jpg') }]);
  });

  it('dalel import --json prints a skipped line with the reason for each, exits 0, and imports only the file', async () => {
    const vault = join(dir.path, 'vault');
    const env = { DALEL_PASSPHRASE: PASSPHRASE };
    const io = { out: '', err: '', stdout: (text: string) => void (io.out += text), stderr: (text: string) => void (io.err += text) };
    expect(await runCli(['init', vault, '--json'], { stdout: () => undefined, stderr: () => undefined }, { env })).toBe(0);
    const started = Date.now();
    const code = await runCli(['import', vault, folder, '/dev/null', '--json'], io, { env });
    expect(code, io.err).toBe(0);
    expect(Date.now() - started).toBeLessThan(60_000); // the FIFO did not hold the import
    const lines = io.out.trim().split('\n').map((line) => JSON.parse(line) as { file: string; status: string; docId: string | null; error?: { code: string; message: string } });
    expect(lines.map((line) => [line.file, line.status, line.error?.code ?? null])).toEqual([
      [join(folder, 'letter.pdf'), 'imported', null],
      [join(folder, 'pipe.pdf'), 'skipped', 'special-file'],
      [join(folder, 'scan.jpg'), 'skipped', 'symbolic-link'],
      [join(folder, 'socket.pdf'), 'skipped', 'special-file'],
      [join(folder, 'sub', 'linked folder'), 'skipped', 'symbolic-link'],
      ['/dev/null', 'skipped', 'special-file'],
    ]);
    for (const line of lines.filter((l) => l.status === 'skipped')) expect(line.error!.message.length).toBeGreaterThan(30);
    const list = { out: '', stdout: (text: string) => void (list.out += text), stderr: () => undefined };
    expect(await runCli(['docs', vault, '--json'], list, { env })).toBe(0);
    // The other client's scan, behind the link, stayed out.
    expect((JSON.parse(list.out) as Array<{ fileName: string }>).map((doc) => doc.fileName)).toEqual(['letter.pdf']);
  });
});

describe.skipIf(!posix)('a file that turns into something else between the folder walk and the read', { timeout: 120_000 }, () => {
  const parser = createFileParser({ processes: nodeParserProcesses() });
  const ocr = createTesseractEngine({ tessdataDir: defaultTessdataDir(), workers: 1 });
  let dir: ReturnType<typeof tempDir>;
  let vault: Vault;
  let imports: ImportService;

  afterAll(async () => {
    await Promise.all([parser.close(), ocr.close()]);
  });
  beforeEach(async () => {
    dir = tempDir();
    vault = (await createVault(join(dir.path, 'vault'), PASSPHRASE, { kdf: TEST_KDF })).vault;
    imports = new ImportService({ parser, ocr });
    imports.attach(vault);
  });
  afterEach(async () => {
    await imports.detach();
    vault.lock();
    dir.remove();
  });

  it('a FIFO is skipped at once and a link is not followed; both are in the audit log', async () => {
    const folder = join(dir.path, 'folder');
    mkdirSync(folder);
    copyFileSync(corpusPath('ngo_letter_45-21.pdf'), join(folder, 'a.pdf'));
    copyFileSync(corpusPath('ngo_letter_45-21.pdf'), join(folder, 'b.pdf'));
    const files = await expandPaths([folder]);
    expect(files.map((file) => file.skip)).toEqual([undefined, undefined]);
    // Swapped after the walk: a.pdf for a FIFO nobody writes to, b.pdf for a link to a file elsewhere.
    rmSync(join(folder, 'a.pdf'));
    mkfifo(join(folder, 'a.pdf'));
    rmSync(join(folder, 'b.pdf'));
    copyFileSync(corpusPath('scan_0005.jpg'), join(dir.path, 'private.jpg'));
    symlinkSync(join(dir.path, 'private.jpg'), join(folder, 'b.pdf'));

    const started = Date.now();
    const result = await imports.importFiles(files);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.files.map((file: FileImportProgress) => [file.status, file.error?.code])).toEqual([
      ['skipped', 'special-file'],
      ['skipped', 'symbolic-link'],
    ]);
    expect(new DocumentStore(vault.db).list()).toEqual([]);
    const actions = (vault.db.prepare("SELECT action, details FROM audit_log WHERE action = 'document.skipped' ORDER BY seq").all() as Array<{ details: string }>).map((row) => JSON.parse(row.details) as { code: string });
    expect(actions.map((details) => details.code)).toEqual(['special-file', 'symbolic-link']);
  });

  it('control: reading that FIFO the plain way waits for a writer', async () => {
    const fifo = join(dir.path, 'fifo');
    mkfifo(fifo);
    const outcome = await Promise.race([readFile(fifo).then(() => 'read'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1000))]);
    expect(outcome).toBe('still waiting');
    // Unblock the pending open so the test run can end: a writer that closes at once.
    execFileSync('sh', ['-c', `: > '${fifo}'`]);
  });
});
