/**
 * Secrets stay in one process (issue 12, item 6): the CLI takes DALEL_PASSPHRASE, DALEL_NEW_PASSPHRASE,
 * DALEL_RECOVERY_CODE and DALEL_PDF_PASSWORD out of process.env before any command runs, and the parser processes that read
 * the imported files start with a minimal environment. Checked on a real `dalel import` run as its own
 * process, by reading /proc/<pid>/environ of every process it starts while it runs (Linux only).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { corpusPath } from '../core/testing/corpus';
import { tempDir } from '../core/testing/fixtures';
import { runCli } from './main';
import type { Io } from './output';
import { takeSecretsFromEnvironment } from './prompt';

const PASSPHRASE = 'secrets stay home 4b1d passphrase';
const SECRETS = {
  DALEL_PASSPHRASE: PASSPHRASE,
  DALEL_NEW_PASSPHRASE: 'unused new passphrase 77e0',
  DALEL_RECOVERY_CODE: 'WXYZ-0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV',
  DALEL_PDF_PASSWORD: 'pdf password 5c2a of no file here',
};
const hasProc = existsSync('/proc/self/environ');
if (!hasProc) console.warn('skipped: the /proc environ check, this system has no /proc (Linux has)');
if (!hasProc) console.warn('skipped: the /proc/<pid>/environ checks, this system has no /proc (Linux only)');
const silent: Io = { stdout: () => undefined, stderr: () => undefined };

/** Every live process whose parent chain leads to `root`, with its command line and environment. */
function descendants(root: number): Array<{ pid: number; cmdline: string; environ: string }> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The parent pid is the 4th field of stat, after the command name in parentheses.
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found: Array<{ pid: number; cmdline: string; environ: string }> = [];
  for (const pid of parents.keys()) {
    let up = parents.get(pid);
    while (up !== undefined && up !== root && up > 1) up = parents.get(up);
    if (up !== root) continue;
    try {
      found.push({ pid, cmdline: readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' '), environ: readFileSync(`/proc/${pid}/environ`, 'latin1') });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe('secrets in the CLI', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    dir.remove();
    vi.unstubAllEnvs();
  });

  it('are taken out of the environment they came in, into a copy only the commands read', () => {
    const env: NodeJS.ProcessEnv = { ...SECRETS, HOME: '/home/lawyer' };
    expect(takeSecretsFromEnvironment(env)).toEqual(SECRETS);
    expect(env).toEqual({ HOME: '/home/lawyer' });
  });

  it('runCli given process.env itself takes them out of it before the command runs', async () => {
    for (const [name, value] of Object.entries(SECRETS)) vi.stubEnv(name, value);
    const vault = join(dir.path, 'vault');
    let seenDuringRun: string | undefined = 'not looked';
    const io: Io = {
      stdout: () => {
        seenDuringRun = process.env.DALEL_PASSPHRASE;
      },
      stderr: () => undefined,
    };
    expect(await runCli(['init', vault, '--json'], io, { env: process.env })).toBe(0); // the passphrase still reached init
    expect(seenDuringRun).toBeUndefined();
    for (const name of Object.keys(SECRETS)) expect(process.env[name]).toBeUndefined();
  });

  it.skipIf(!hasProc)('no process `dalel import` starts holds them; its own /proc environ (the control) still does', async () => {
    const vault = join(dir.path, 'vault');
    expect(await runCli(['init', vault, '--json'], silent, { env: { DALEL_PASSPHRASE: PASSPHRASE } })).toBe(0);
    const tsx = pathToFileURL(createRequire(__filename).resolve('tsx')).href;
    // Not --json: then the import reports its progress on stderr, which says when to look.
    const cli = spawn(process.execPath, ['--import', tsx, join(__dirname, 'main.ts'), 'import', vault, corpusPath('ngo_letter_45-21.pdf'), corpusPath('scan_0005.jpg')], {
      env: { ...process.env, ...SECRETS },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => cli.on('exit', resolve));

    // The process tree is looked at on each progress report from the first stored file on (`files 1/2,
    // pages 0/1`). A file counts as stored once a parser process has inspected it, and that process reads
    // the pages next and is closed only after the last one: the parser children are running then, started
    // as themselves. (Sampling the tree every 20 ms sometimes saw no parser: a child first read before its
    // exec is done shows its parent's command line and environment, or none, and that first reading was kept.)
    const seen = new Map<number, { cmdline: string; environ: string }>();
    let ownEnviron = '';
    let looked = 0;
    cli.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    cli.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!/files [1-9]\d*\//.test(stderr)) return;
      try {
        ownEnviron ||= readFileSync(`/proc/${cli.pid}/environ`, 'latin1');
      } catch {
        // gone: the import has ended
      }
      // Each process as last read; a zombie shows nothing.
      for (const child of descendants(cli.pid!)) if (child.cmdline) seen.set(child.pid, child);
      looked += 1;
    });
    expect(await exited, stderr).toBe(0);
    expect(stdout.trim().split('\n').map((line) => line.split(/\s+/)[0])).toEqual(['imported', 'imported']);
    expect(looked).toBeGreaterThan(0);

    const parsers = [...seen.values()].filter((child) => child.cmdline.includes('parserChild'));
    expect(parsers.length).toBeGreaterThan(0);
    const holding = [...seen.values()].filter((child) => Object.values(SECRETS).some((value) => child.environ.includes(value)) || /(^|\0)DALEL_/.test(child.environ));
    // Run from source, tsx's esbuild service starts at `--import tsx`, before the CLI's first line, and
    // inherits everything; it compiles Dalel's own TypeScript and never sees a file. No process Dalel
    // starts holds a secret. (A compiled CLI would have no esbuild child at all.)
    expect(holding.map((child) => child.cmdline).filter((cmdline) => !/esbuild --service/.test(cmdline))).toEqual([]);
    for (const parser of parsers) expect(holding).not.toContain(parser);
    // The control: the kernel keeps the environment a process was started with, so the CLI's own shows
    // the secret (the watcher does read what is there); process.env inside it no longer has it.
    expect(ownEnviron).toContain(`DALEL_PASSPHRASE=${PASSPHRASE}`);
  });
});
