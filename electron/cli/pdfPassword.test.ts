import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { printedPdf } from '../core/import/testing/printedPdf';
import { encryptPdf, hasQpdf } from '../core/import/testing/protectedPdf';
import { TEST_KDF, tempDir } from '../core/testing/fixtures';
import { createVault, unlockVault } from '../core/vault/vault';
import { runCli } from './main';

/**
 * `dalel import` of a password-protected PDF (issue 14 item 9): the password comes from
 * DALEL_PDF_PASSWORD, never from the command line; without it, or with a wrong one, the file is refused
 * with a code and a sentence that says what to do.
 */

if (!hasQpdf) console.warn('skipped: dalel import of protected PDFs, qpdf is not installed (Debian qpdf; scripts/dev.sh test installs it)');

const PASSPHRASE = 'protected pdf cli passphrase';
const PDF_PASSWORD = 'Ulpan-Kokterek 1987';

async function run(argv: string[], env: NodeJS.ProcessEnv) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (text) => (out += text), stderr: (text) => (err += text) }, { env });
  return { code, out, err };
}

describe.skipIf(!hasQpdf)('dalel import of a password-protected PDF', { timeout: 240_000 }, () => {
  let locked: Buffer;
  let dir: ReturnType<typeof tempDir>;
  let vault: string;
  let file: string;

  beforeAll(async () => {
    const letter = await printedPdf({ lines: ['Решение суда по административному делу', 'Истец: Асқарұлы Нұрлан'] });
    locked = encryptPdf(letter, { user: PDF_PASSWORD, owner: 'owner of the court office', cipher: 'aes-256' });
  });
  beforeEach(async () => {
    dir = tempDir();
    vault = join(dir.path, 'vault');
    (await createVault(vault, PASSPHRASE, { kdf: TEST_KDF })).vault.lock();
    file = join(dir.path, 'court decision.pdf');
    writeFileSync(file, locked);
  });
  afterEach(() => {
    dir.remove();
    vi.unstubAllEnvs();
  });

  it('without DALEL_PDF_PASSWORD, or with a wrong one, refuses the file and says to set it; with it, imports the file as given', async () => {
    const missing = await run(['import', vault, file, '--json'], { DALEL_PASSPHRASE: PASSPHRASE });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toMatchObject({ file, status: 'rejected', docId: null, error: { code: 'pdf-password-required' } });
    expect(missing.err).toContain('Set DALEL_PDF_PASSWORD');

    const wrong = await run(['import', vault, file], { DALEL_PASSPHRASE: PASSPHRASE, DALEL_PDF_PASSWORD: 'ulpan-kokterek 1987' });
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/^rejected +.*court decision\.pdf: The password does not open this PDF\./);
    expect(wrong.err).toContain('DALEL_PDF_PASSWORD does not open');
    expect(wrong.out + wrong.err).not.toContain('ulpan-kokterek 1987');

    const right = await run(['import', vault, file, '--json'], { DALEL_PASSPHRASE: PASSPHRASE, DALEL_PDF_PASSWORD: PDF_PASSWORD });
    expect(right.code).toBe(0);
    const line = JSON.parse(right.out) as { status: string; docId: string; pages: number };
    expect(line).toMatchObject({ status: 'imported', pages: 1 });
    expect(right.out + right.err).not.toContain(PDF_PASSWORD);

    const docs = JSON.parse((await run(['docs', vault, '--json'], { DALEL_PASSPHRASE: PASSPHRASE })).out) as Array<{ id: string; sha256: string; status: string }>;
    expect(docs).toEqual([expect.objectContaining({ id: line.docId, status: 'ready', sha256: createHash('sha256').update(locked).digest('hex') })]);
    const hits = JSON.parse((await run(['search', vault, 'Асқарұлы', '--json'], { DALEL_PASSPHRASE: PASSPHRASE })).out) as { hits: Array<{ docId: string }> };
    expect(hits.hits.map((hit) => hit.docId)).toEqual([line.docId]);
    // `original` gives the file back as it was given: still protected, byte for byte.
    const back = join(dir.path, 'back.pdf');
    expect((await run(['original', vault, line.docId, '-o', back], { DALEL_PASSPHRASE: PASSPHRASE })).code).toBe(0);
    expect(Buffer.compare(readFileSync(back), locked)).toBe(0);

    // A bundle of it, made later without the password: its page is there, with its text, and the manifest
    // names the file as given. Its page was left to read again (as an upgrade's migration leaves pages):
    // the export reads it first, from the reading copy.
    const opened = await unlockVault(vault, { passphrase: PASSPHRASE });
    opened.db.prepare("UPDATE pages SET status = 'pending' WHERE document_id = ?").run(line.docId);
    opened.db.prepare("UPDATE documents SET status = 'processing' WHERE id = ?").run(line.docId);
    opened.lock();
    const bundle = join(dir.path, 'bundle.pdf');
    const exported = await run(['export', vault, '--docs', line.docId, '-o', bundle, '--json'], { DALEL_PASSPHRASE: PASSPHRASE });
    expect(exported.code, exported.err).toBe(0);
    const manifest = JSON.parse(exported.out) as { documents: Array<{ sha256: string; firstPage: number; lastPage: number }> };
    expect(manifest.documents).toEqual([expect.objectContaining({ sha256: createHash('sha256').update(locked).digest('hex') })]);
    const page = manifest.documents[0]!.firstPage;
    const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), bundle, '-'], { encoding: 'utf8' });
    expect(text).toContain('Решение суда по административному делу');
    // its vectors, from the reading copy: a page the bundle could not copy would go in as a picture
    const pictures = execFileSync('pdfimages', ['-list', '-f', String(page), '-l', String(page), bundle], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(pictures).toEqual([]);
    expect(readFileSync(bundle).includes(PDF_PASSWORD)).toBe(false);
    const after = JSON.parse((await run(['docs', vault, '--json'], { DALEL_PASSPHRASE: PASSPHRASE })).out) as Array<{ status: string }>;
    expect(after.map((doc) => doc.status)).toEqual(['ready']);
  });

  it('reads DALEL_PDF_PASSWORD from the process environment and takes it out of it; never from an argument', async () => {
    vi.stubEnv('DALEL_PASSPHRASE', PASSPHRASE);
    vi.stubEnv('DALEL_PDF_PASSWORD', PDF_PASSWORD);
    const io = { stdout: () => undefined, stderr: () => undefined };
    expect(await runCli(['import', vault, file, '--json'], io, { env: process.env })).toBe(0);
    expect(process.env.DALEL_PDF_PASSWORD).toBeUndefined();

    const argument = await run(['import', vault, file, `--pdf-password=${PDF_PASSWORD}`], { DALEL_PASSPHRASE: PASSPHRASE });
    expect(argument.code).toBe(2);
    expect(argument.err).toContain('Set DALEL_PDF_PASSWORD');
    expect(argument.err).not.toContain(PDF_PASSWORD);
    const help = await run(['--help'], {});
    expect(help.out).toContain('DALEL_PDF_PASSWORD');
  });
});
