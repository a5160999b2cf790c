import { UsageError } from './output';

/**
 * Secrets come from an environment variable (automation) or an echo-less prompt on the terminal;
 * never from a command-line argument, which other users can read in the process list and which
 * lands in shell history.
 */
export interface SecretSource {
  env: NodeJS.ProcessEnv;
  /** Ask on the terminal without echo; undefined when there is no terminal. */
  ask?: (question: string) => Promise<string>;
}

/** The environment variables that carry secrets into the CLI (DALEL_PDF_PASSWORD: for `import`, the password of protected PDFs). */
export const SECRET_VARIABLES = ['DALEL_PASSPHRASE', 'DALEL_NEW_PASSPHRASE', 'DALEL_RECOVERY_CODE', 'DALEL_PDF_PASSWORD'] as const;

/**
 * Take the secrets out of the process environment, into a private copy the commands read from. Done
 * before any command runs, so no child process (a parser reading a stranger's file, started with a
 * copy of `process.env` by default) and no library reading `process.env` ever sees them (issue 12: the
 * passphrase was readable in the parser child's /proc/<pid>/environ). What this cannot do: the kernel
 * keeps the environment the CLI was started with, so its own /proc/<pid>/environ still shows them to
 * the same user for as long as it runs; the terminal prompt leaves no such trace.
 */
export function takeSecretsFromEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const taken: NodeJS.ProcessEnv = {};
  for (const name of SECRET_VARIABLES) {
    if (name in env) {
      taken[name] = env[name];
      delete env[name];
    }
  }
  return taken;
}

export async function readSecret(source: SecretSource, envName: string, question: string): Promise<string> {
  const fromEnv = source.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!source.ask) {
    throw new UsageError(`No terminal to ask for it: set ${envName}, or run the command in a terminal.`);
  }
  return source.ask(question);
}

/** For a new secret typed by hand: ask twice and compare. From the environment it is taken as is. */
export async function readNewSecret(source: SecretSource, envName: string, question: string): Promise<string> {
  const fromEnv = source.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const first = await readSecret(source, envName, question);
  const second = await readSecret(source, envName, 'Type it again: ');
  if (first !== second) throw new UsageError('The two passphrases are not the same. Nothing was changed.');
  return first;
}

/** Echo-less line input on a TTY: raw mode, nothing printed but the question. */
export function terminalAsk(): SecretSource['ask'] {
  const stdin = process.stdin;
  if (!stdin.isTTY) return undefined;
  return (question) =>
    new Promise((resolve, reject) => {
      process.stderr.write(question);
      let value = '';
      stdin.setRawMode(true);
      stdin.resume();
      stdin.setEncoding('utf8');
      const done = (error?: Error) => {
        stdin.setRawMode(false);
        stdin.pause();
        stdin.removeListener('data', onData);
        process.stderr.write('\n');
        if (error) reject(error);
        else resolve(value);
      };
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') return done();
          if (ch === '\u0003') return done(new UsageError('Cancelled.'));
          if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
          else if (ch >= ' ') value += ch;
        }
      };
      stdin.on('data', onData);
    });
}
