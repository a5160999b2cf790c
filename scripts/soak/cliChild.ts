import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The real `dalel` entry, run by Node with tsx's loader in one process, so that SIGKILL hits the CLI itself. */
const CLI_MAIN = resolve(__dirname, '../../electron/cli/main.ts');
const TSX_LOADER = pathToFileURL(createRequire(__filename).resolve('tsx')).href;

export interface CliRun {
  pid: number;
  /** exit code and signal, once it has ended */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; stdout: string; stderr: string }>;
  /** the processes it started (parser processes), as seen a moment ago; Linux only, [] elsewhere */
  descendants(): number[];
  kill(): void;
}

/**
 * Start `dalel <args> --json` with the secrets in its environment (as a script would) and its own TMPDIR,
 * so that whatever a killed run leaves in the temp folder is seen. Only PATH and HOME come from this
 * process's environment: nothing else of the soak's leaks into the run.
 */
export function startCli(args: string[], options: { secrets: Record<string, string>; tmpDir: string }): CliRun {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', TSX_LOADER, CLI_MAIN, ...args, '--json'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: options.tmpDir, TMP: options.tmpDir, TEMP: options.tmpDir, ...options.secrets },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<void>((done) => child.on('close', () => done()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; stdout: string; stderr: string }>((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      const ms = performance.now() - started;
      // The rest of its output, unless a process it left behind holds the pipes open (that is checked apart).
      void Promise.race([closed, new Promise((wait) => setTimeout(wait, 2000))]).then(() => done({ code, signal, ms, stdout, stderr }));
    });
  });
  const pid = child.pid!;
  return {
    pid,
    exited,
    descendants: () => descendantsOf(pid),
    kill: () => void child.kill('SIGKILL'),
  };
}

/** Children and grandchildren of `pid` from /proc (Linux); [] where /proc is not there or it has ended. */
export function descendantsOf(pid: number): number[] {
  const found: number[] = [];
  const visit = (parent: number) => {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${parent}/task`);
    } catch {
      return;
    }
    for (const task of tasks) {
      let children: string;
      try {
        children = readFileSync(join(`/proc/${parent}/task`, task, 'children'), 'utf8');
      } catch {
        continue;
      }
      for (const child of children.split(' ').filter(Boolean).map(Number)) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(pid);
  return found;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie still answers signal 0; it has ended all the same.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
