/**
 * A parser process reads files from strangers: it must not hold the vault's secrets. Looked at the way
 * another program of the same user would, in /proc/<pid>/environ (Linux only), with the secrets set in
 * this process's environment as the CLI is given them. The control starts the same parser the way
 * Node's fork does by default (inheriting process.env, as before issue 12) and finds them there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFileParser } from './fileParser';
import { nodeParserProcesses, parserEnvironment, type ParserChannel, type ParserProcessFactory } from './processes';
import { corpusBytes } from './testing/corpus';
import type { FileParser } from './types';

const SECRETS = {
  DALEL_PASSPHRASE: 'parser-env passphrase 7f3a',
  DALEL_NEW_PASSPHRASE: 'parser-env new passphrase 91c2',
  DALEL_RECOVERY_CODE: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789',
};
const hasProc = existsSync('/proc/self/environ');
if (!hasProc) console.warn('skipped: the /proc environ checks, this system has no /proc (Linux has)');
if (!hasProc) console.warn('skipped: the /proc/<pid>/environ checks, this system has no /proc (Linux only)');

function recording(inner: ParserProcessFactory): ParserProcessFactory & { channels: ParserChannel[] } {
  const channels: ParserChannel[] = [];
  return { channels, spawn: (limits) => channels[channels.push(inner.spawn(limits)) - 1] as ParserChannel };
}

/** The environment a process was started with, as /proc shows it to anyone of the same user. */
function environOf(pid: number): Record<string, string> {
  const entries = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').filter(Boolean);
  return Object.fromEntries(entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}

/** A parser process, started by `processes` and up (it has parsed a file), and the environment it holds. */
async function parserEnvironOf(processes: ParserProcessFactory): Promise<{ environ: Record<string, string>; raw: string }> {
  const recorder = recording(processes);
  parser = createFileParser({ processes: recorder });
  expect((await parser.inspect(corpusBytes('scan_0005.jpg'), 'scan.jpg')).pageCount).toBe(1);
  const pid = recorder.channels[0]!.pid!;
  return { environ: environOf(pid), raw: readFileSync(`/proc/${pid}/environ`, 'latin1') };
}

let parser: FileParser | null = null;
afterEach(async () => {
  await parser?.close();
  parser = null;
  vi.unstubAllEnvs();
});

describe('the parser process environment', () => {
  it('keeps only what a parse needs, and is never empty (an empty env makes utilityProcess inherit all)', () => {
    const env = parserEnvironment({ ...SECRETS, TMPDIR: '/tmp/x', HOME: '/home/lawyer', GITHUB_TOKEN: 't', http_proxy: 'http://p', LANG: 'kk_KZ.UTF-8' });
    expect(env).toEqual({ PARSER_ENVIRONMENT: 'minimal', TMPDIR: '/tmp/x', LANG: 'kk_KZ.UTF-8' });
    expect(Object.keys(parserEnvironment({}))).toEqual(['PARSER_ENVIRONMENT']);
  });

  it.skipIf(!hasProc)('a parser child started while the secrets are in process.env holds none of them in /proc/<pid>/environ', async () => {
    for (const [name, value] of Object.entries(SECRETS)) vi.stubEnv(name, value);
    const { environ, raw } = await parserEnvironOf(nodeParserProcesses());
    expect(Object.keys(environ).filter((key) => key.startsWith('DALEL_'))).toEqual([]);
    for (const value of Object.values(SECRETS)) expect(raw).not.toContain(value);
    expect(environ.PARSER_ENVIRONMENT).toBe('minimal');
    expect(environ.HOME).toBeUndefined();
  });

  it.skipIf(!hasProc)('control: the same parser started with the inherited environment (before the fix) shows them', async () => {
    for (const [name, value] of Object.entries(SECRETS)) vi.stubEnv(name, value);
    const { environ } = await parserEnvironOf(nodeParserProcesses({ env: process.env }));
    expect(environ).toMatchObject(SECRETS);
  });
});
