import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusPath } from '../core/testing/corpus';
import { tempDir } from '../core/testing/fixtures';
import { unlockVault } from '../core/vault/vault';
import { runCli } from './main';
import type { Io } from './output';

const PASSPHRASE = 'Қазақстан 2026 long passphrase';

function capture(): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

async function run(argv: string[], env: NodeJS.ProcessEnv = {}, ask?: (q: string) => Promise<string>) {
  const io = capture();
  const code = await runCli(argv, io, { env, ask });
  return { code, out: io.out, err: io.err };
}

describe('dalel CLI', () => {
  let dir: ReturnType<typeof tempDir>;
  let vault: string;
  beforeEach(() => {
    dir = tempDir();
    vault = join(dir.path, 'vault');
  });
  afterEach(() => dir.remove());

  it('--help lists every command and exits 0; no command is a usage error', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['init', 'verify', 'passwd']) expect(help.out).toContain(`  ${name} <vault-dir>`);
    expect((await run([])).code).toBe(2);
    expect(await run(['frobnicate'])).toMatchObject({ code: 2 });
    expect(await run(['verify'])).toMatchObject({ code: 2 });
  });

  it('init --json prints the vault and the recovery code, which then unlocks the vault', async () => {
    const init = await run(['init', vault, '--json'], { DALEL_PASSPHRASE: PASSPHRASE });
    expect(init.code).toBe(0);
    const output = JSON.parse(init.out) as { vault: string; recoveryCode: string; kdf: { name: string; memoryKiB: number } };
    expect(output.vault).toBe(vault);
    expect(output.kdf).toMatchObject({ name: 'argon2id' });
    expect(output.kdf.memoryKiB).toBeGreaterThanOrEqual(65536);
    (await unlockVault(vault, { recoveryCode: output.recoveryCode })).lock();

    const byCode = await run(['verify', vault, '--recovery-code', '--json'], { DALEL_RECOVERY_CODE: output.recoveryCode });
    expect(byCode.code).toBe(0);
  });

  it('asks on the terminal when no environment variable is set, twice for a new passphrase', async () => {
    const asked: string[] = [];
    const answers = [PASSPHRASE, PASSPHRASE, PASSPHRASE];
    const init = await run(['init', vault], {}, async (question) => {
      asked.push(question);
      return answers.shift()!;
    });
    expect(init.code).toBe(0);
    expect(asked).toEqual(['New vault passphrase: ', 'Type it again: ']);
    expect(init.out).toMatch(/Recovery code \(shown only this once\):\n\n {4}([0-9A-Z]{4}-){7}[0-9A-Z]{4}/);
    const mismatch = await run(['init', join(dir.path, 'other')], {}, async (q) => (q.startsWith('Type') ? 'different!!' : PASSPHRASE));
    expect(mismatch.code).toBe(2);
  });

  it('verify reports an intact log, then the tampered entry by number with exit 1', async () => {
    await run(['init', vault], { DALEL_PASSPHRASE: PASSPHRASE });
    const ok = await run(['verify', vault, '--json'], { DALEL_PASSPHRASE: PASSPHRASE });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ vault, ok: true, firstBroken: null, head: { seq: 1 } }); // verify reads only: it records nothing

    const opened = await unlockVault(vault, { passphrase: PASSPHRASE });
    const db: Database.Database = opened.db;
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET action = 'vault.imported' WHERE seq = 1").run();
    opened.lock();

    const broken = await run(['verify', vault, '--json'], { DALEL_PASSPHRASE: PASSPHRASE });
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out)).toMatchObject({ ok: false, firstBroken: { seq: 1, reason: 'hash-mismatch' } });
    const plain = await run(['verify', vault], { DALEL_PASSPHRASE: PASSPHRASE });
    expect(plain.out).toContain('entry #1 was altered');
  });

  it('a wrong passphrase is exit 1 with a JSON error on stderr, or a sentence without --json', async () => {
    await run(['init', vault], { DALEL_PASSPHRASE: PASSPHRASE });
    const json = await run(['verify', vault, '--json'], { DALEL_PASSPHRASE: 'not the passphrase' });
    expect(json.code).toBe(1);
    expect(json.out).toBe('');
    expect(JSON.parse(json.err)).toEqual({ error: { code: 'wrong-passphrase', message: expect.any(String) } });
    const plain = await run(['verify', vault], { DALEL_PASSPHRASE: 'not the passphrase' });
    expect(plain.err).toMatch(/^dalel: The passphrase is not correct\.\n$/);
    const missing = await run(['verify', join(dir.path, 'nothing'), '--json'], { DALEL_PASSPHRASE: PASSPHRASE });
    expect(JSON.parse(missing.err).error.code).toBe('vault-not-found');
  });

  it('refuses a passphrase given as an argument, and asks for the environment when there is no terminal', async () => {
    const arg = await run(['verify', vault, '--passphrase', 'secret', '--json']);
    expect(arg.code).toBe(2);
    expect(JSON.parse(arg.err).error.code).toBe('validation');
    const noTty = await run(['verify', vault]);
    expect(noTty.code).toBe(2);
    expect(noTty.err).toContain('DALEL_PASSPHRASE');
  });

  it('passwd changes the passphrase: the old one fails, the new one works', async () => {
    await run(['init', vault], { DALEL_PASSPHRASE: PASSPHRASE });
    const next = 'a different long passphrase';
    const changed = await run(['passwd', vault, '--json'], { DALEL_PASSPHRASE: PASSPHRASE, DALEL_NEW_PASSPHRASE: next });
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.out)).toMatchObject({ vault, changedAt: expect.any(String) });
    expect((await run(['verify', vault], { DALEL_PASSPHRASE: PASSPHRASE })).code).toBe(1);
    expect((await run(['verify', vault], { DALEL_PASSPHRASE: next })).code).toBe(0);
    const weak = await run(['passwd', vault, '--json'], { DALEL_PASSPHRASE: next, DALEL_NEW_PASSPHRASE: 'short' });
    expect(JSON.parse(weak.err).error.code).toBe('validation');
  });

  it('search --json finds a name written in another script, in the documented shape; reindex rebuilds the index', async () => {
    const env = { DALEL_PASSPHRASE: PASSPHRASE };
    expect((await run(['init', vault, '--json'], env)).code).toBe(0);
    // A born-digital letter (text layer, no OCR needed) that spells the name in Cyrillic only.
    expect((await run(['import', vault, corpusPath('ngo_letter_45-21.pdf'), '--json'], env)).code).toBe(0);

    const found = await run(['search', vault, 'Zhumabekuly', '--json'], env);
    expect(found.code).toBe(0);
    const result = JSON.parse(found.out) as {
      query: string;
      total: number;
      hits: Array<{ docId: string; file: string; page: number; score: number; snippet: string; matched: string[] }>;
    };
    expect(result).toMatchObject({ query: 'Zhumabekuly', total: 1 });
    expect(result.hits[0]).toMatchObject({ file: 'ngo_letter_45-21.pdf', page: 1 });
    expect(result.hits[0]!.docId).toMatch(/^doc_/);
    expect(result.hits[0]!.matched).toEqual(expect.arrayContaining(['Жумабекулы', 'Жұмабекұлы']));
    expect(result.hits[0]!.snippet).toContain('Жумабекулы');

    const rebuilt = await run(['reindex', vault, '--json'], env);
    expect(rebuilt.code).toBe(0);
    expect(JSON.parse(rebuilt.out)).toMatchObject({ pages: 1 });
    expect(JSON.parse((await run(['search', vault, 'Zhumabekuly', '--json'], env)).out)).toEqual(result);

    const none = await run(['search', vault, 'Nilka', '--limit', '5'], env);
    expect(none).toMatchObject({ code: 0, out: 'No page mentions Nilka.\n' });
    expect((await run(['search', vault, 'x', '--limit', '0'], env)).code).toBe(2);
  });

  it('persons, laws, suggest, tag and deadlines: the register, suggestions and tags in the documented shapes', async () => {
    const env = { DALEL_PASSPHRASE: PASSPHRASE };
    expect((await run(['init', vault, '--json'], env)).code).toBe(0);
    const file = join(dir.path, 'persons.json');
    writeFileSync(
      file,
      JSON.stringify({
        persons: [
          { id: 'P-BOLAT', name: 'Bolat Zhumabekuly', variants: ['Болат Жұмабекұлы', 'Жумабекулы Болат'], role: 'client', protected: false, relations: [] },
          { id: 'P-MERUERT', name: 'Meruert Zhaksylykkyzy', variants: ['Жаксылыккызы Меруерт'], role: 'relative', protected: true, relations: [{ type: 'spouse-of', to: 'P-BOLAT' }] },
        ],
      }),
    );
    expect(JSON.parse((await run(['persons', 'import', vault, file, '--json'], env)).out)).toEqual({ created: 2, updated: 0, relations: 1 });
    const persons = JSON.parse((await run(['persons', 'list', vault, '--json'], env)).out) as Array<Record<string, unknown>>;
    expect(persons).toContainEqual({ id: 'P-MERUERT', name: 'Meruert Zhaksylykkyzy', variants: ['Жаксылыккызы Меруерт'], role: 'relative', protected: true });
    const laws = JSON.parse((await run(['laws', 'list', vault, '--json'], env)).out) as Array<{ id: string; number: string | null; title: Record<string, string> }>;
    expect(laws.find((law) => law.id === 'KZ-216-IV')).toMatchObject({ number: '216-IV', kind: 'law', title: { ru: expect.stringMatching(/беженцах/) } });

    // A born-digital NGO letter: it cites the refugee law, names both persons, and has its own number and date.
    const imported = JSON.parse((await run(['import', vault, corpusPath('ngo_letter_45-21.pdf'), '--json'], env)).out) as { docId: string };
    const suggested = await run(['suggest', vault, imported.docId, '--json'], env);
    expect(suggested.code).toBe(0);
    const out = JSON.parse(suggested.out) as {
      docId: string;
      laws: Array<{ law: string; article: string | null; page: number; bbox: number[] | null }>;
      persons: Array<{ personId: string | null; surface: string }>;
      dates: Array<{ kind: string; date: string }>;
      outgoingNumbers: Array<{ number: string }>;
    };
    expect(out.docId).toBe(imported.docId);
    expect(out.laws).toContainEqual(expect.objectContaining({ law: 'KZ-216-IV', article: '9', page: 1 }));
    expect(out.laws.every((law) => law.bbox?.length === 4)).toBe(true);
    expect(out.persons.map((p) => p.personId)).toEqual(expect.arrayContaining(['P-BOLAT', 'P-MERUERT']));
    expect(out.dates).toContainEqual(expect.objectContaining({ kind: 'document', date: '2021-10-25' }));
    expect(out.outgoingNumbers).toContainEqual(expect.objectContaining({ number: '96/21' }));

    const tagged = JSON.parse((await run(['tag', vault, imported.docId, '--accept-all', '--json'], env)).out) as { tags: Array<{ kind: string; value: string; source: string }> };
    expect(tagged.tags).toContainEqual({ kind: 'law', value: 'KZ-216-IV:9', source: 'suggested' });
    expect(tagged.tags).toContainEqual({ kind: 'person', value: 'P-BOLAT', source: 'suggested' });
    const manual = JSON.parse((await run(['tag', vault, imported.docId, '--law', 'KZ-1017-XII:16', '--json'], env)).out) as { tags: unknown[] };
    expect(manual.tags).toEqual([{ kind: 'law', value: 'KZ-1017-XII:16', source: 'manual' }]);
    expect((await run(['tag', vault, imported.docId, '--law', 'KZ-NOPE:1', '--json'], env)).code).toBe(1);
    expect(JSON.parse((await run(['suggest', vault, imported.docId, '--json'], env)).out).laws).toEqual([]); // accepted: not offered again

    const deadlines = await run(['deadlines', vault, '--days', '30', '--json'], env);
    expect(deadlines.code).toBe(0);
    expect(JSON.parse(deadlines.out)).toEqual([]);
    expect((await run(['deadlines', vault, '--days', 'soon'], env)).code).toBe(2);
    expect((await run(['verify', vault, '--json'], env)).code).toBe(0);
  });

  it('runs as `npm run -s dalel` from the repository root', () => {
    const root = join(__dirname, '..', '..');
    const help = execFileSync('npm', ['run', '-s', 'dalel', '--', '--help'], { cwd: root, encoding: 'utf8' });
    expect(help).toContain('Usage: dalel <command>');
    const usage = spawnSync('npm', ['run', '-s', 'dalel', '--', 'verify'], { cwd: root, encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
});
