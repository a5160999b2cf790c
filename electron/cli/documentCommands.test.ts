import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KDF, tempDir } from '../core/testing/fixtures';
import { addTextDocument } from '../core/testing/textDocuments';
import { createVault } from '../core/vault/vault';
import { runCli } from './main';

const PASSPHRASE = 'Қазақстан 2026 long passphrase';
const env = { DALEL_PASSPHRASE: PASSPHRASE };

async function run(argv: string[], ask?: (question: string) => Promise<string>) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (text) => (out += text), stderr: (text) => (err += text) }, { env, ask });
  return { code, out, err };
}

describe('dalel edit and delete', () => {
  let dir: ReturnType<typeof tempDir>;
  let vault: string;
  let ids: string[];

  beforeEach(async () => {
    dir = tempDir();
    vault = join(dir.path, 'vault');
    const created = await createVault(vault, PASSPHRASE, { kdf: TEST_KDF });
    ids = ['scan 00041', 'scan 00052'].map((title) => addTextDocument(created.vault.db, { title, pages: [`${title}: удостоверение беженца`] }));
    created.vault.lock();
  });
  afterEach(() => dir.remove());

  it('edit renames, dates and types a document; `none` clears; a bad date changes nothing', async () => {
    const edited = await run(['edit', vault, ids[0]!, '--title', 'Удостоверение беженца', '--date', '2021-06-03', '--type', 'certificate', '--json']);
    expect(edited.code).toBe(0);
    expect(JSON.parse(edited.out)).toMatchObject({ title: 'Удостоверение беженца', documentDate: '2021-06-03', type: 'certificate' });
    expect(JSON.parse((await run(['edit', vault, ids[0]!, '--type', 'none', '--json'])).out)).toMatchObject({ type: null, documentDate: '2021-06-03' });
    const bad = await run(['edit', vault, ids[0]!, '--date', '2021-02-30', '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.err)).toMatchObject({ error: { code: 'validation' } });
    const docs = JSON.parse((await run(['docs', vault, '--json'])).out) as Array<{ id: string; title: string }>;
    expect(docs.find((doc) => doc.id === ids[0])?.title).toBe('Удостоверение беженца');
    expect((await run(['edit', vault, ids[0]!])).code).toBe(2);
  });

  it('delete asks, naming the documents; anything but "yes" deletes nothing; --yes deletes without asking', async () => {
    // without a terminal and without --yes: a usage error, nothing deleted
    expect((await run(['delete', vault, ids[0]!])).code).toBe(2);
    const asked: string[] = [];
    const declined = await run(['delete', vault, ids[0]!], async (question) => {
      asked.push(question);
      return 'no';
    });
    expect(declined.code).toBe(1);
    expect(asked[0]).toContain('scan 00041');
    const confirmed = await run(['delete', vault, ids[0]!], async () => 'yes');
    expect(confirmed).toMatchObject({ code: 0, out: '1 document deleted.\n' });
    // an unknown id refuses the whole call
    const unknown = await run(['delete', vault, ids[1]!, 'doc_AAAAAAAAAAAA', '--yes', '--json']);
    expect(JSON.parse(unknown.err)).toMatchObject({ error: { code: 'document-not-found' } });
    expect(JSON.parse((await run(['delete', vault, ids[1]!, '--yes', '--json'])).out)).toEqual({ deleted: 1 });
    expect(JSON.parse((await run(['docs', vault, '--json'])).out)).toEqual([]);
  });
});
