import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parserChildArgs, type ParserLimits, type ParserRequest, type ParserResponse } from './protocol';

/**
 * The port through which the parser starts its processes. Core cannot import Electron, and a packaged
 * Electron app cannot fork itself as Node (the RunAsNode fuse is off), so electron/main supplies a
 * utilityProcess-based factory and everything else (tests, the CLI) uses nodeParserProcesses().
 */
export interface ParserChannel {
  postMessage(message: ParserRequest): void;
  on(event: 'message', listener: (message: ParserResponse) => void): void;
  /** Fires once when the process is gone: exit code, or null when killed by a signal. */
  on(event: 'exit', listener: (code: number | null) => void): void;
  /** Ends the process at once (SIGKILL): a parse stuck in a loop cannot be asked politely. */
  kill(): void;
  readonly pid?: number;
}

export interface ParserProcessFactory {
  /** Start one parser process running parserChild with `parserChildArgs(limits)`. */
  spawn(limits: ParserLimits): ParserChannel;
}

/**
 * The child entry next to this module: parserChild.ts when running from source (tests, tsx), the built
 * parserChild.js beside the bundle otherwise (the build must emit it under that name).
 */
function defaultEntry(): string {
  return join(__dirname, `parserChild${extname(__filename) === '.ts' ? '.ts' : '.js'}`);
}

/** tsx's loader by absolute URL, so it resolves whatever the working directory is (tsx docs: `node --import tsx`). */
function tsxLoader(): string {
  return pathToFileURL(createRequire(__filename).resolve('tsx')).href;
}

/**
 * What a parser process may see of the environment. It reads files from strangers, so it starts with
 * almost nothing: no DALEL_PASSPHRASE or recovery code the CLI was given (issue 12: they were readable in
 * the child's /proc/<pid>/environ), no tokens or proxies of the lawyer's shell. What is kept:
 * - TMPDIR, TMP, TEMP: where Node and libvips would put temporary files (the isolation test proves none
 *   are written, by pointing these at a folder it watches);
 * - LANG, LC_ALL, LC_CTYPE: the text encoding native libraries assume;
 * - SystemRoot, windir: Windows processes need them to load system DLLs;
 * - TSX_DISABLE_CACHE: the TypeScript loader of tests and development (the app ships compiled JS).
 * PARSER_ENVIRONMENT is always set, so the map is never empty: Electron's utilityProcess.fork treats an
 * empty `env` as "inherit everything" (`WithEnvironment(env_map, !env_map.empty())` in
 * shell/browser/api/electron_api_utility_process.cc), and Node's fork would too for a missing one.
 */
const PARSER_ENVIRONMENT_KEYS = ['TMPDIR', 'TMP', 'TEMP', 'LANG', 'LC_ALL', 'LC_CTYPE', 'SystemRoot', 'windir', 'TSX_DISABLE_CACHE'];

export function parserEnvironment(source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = { PARSER_ENVIRONMENT: 'minimal' };
  for (const key of PARSER_ENVIRONMENT_KEYS) {
    const value = source[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

export function nodeParserProcesses(options: { entry?: string; env?: NodeJS.ProcessEnv } = {}): ParserProcessFactory {
  const entry = options.entry ?? defaultEntry();
  return {
    spawn(limits) {
      const { execArgv, args } = parserChildArgs(limits);
      const child = fork(entry, args, {
        execArgv: entry.endsWith('.ts') ? [...execArgv, '--import', tsxLoader()] : execArgv,
        serialization: 'advanced', // Uint8Arrays cross as bytes, not as JSON arrays of numbers
        env: options.env ?? parserEnvironment(), // read at each start: the environment of that moment
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const exitListeners: Array<(code: number | null) => void> = [];
      let exited = false;
      const exit = (code: number | null) => {
        if (exited) return;
        exited = true;
        for (const listener of exitListeners) listener(code);
      };
      child.on('exit', (code) => exit(code));
      // 'error' covers a failed start or a send to a dead process; 'exit' may or may not follow it.
      child.on('error', () => {
        child.kill('SIGKILL');
        if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) exit(child.exitCode);
      });
      return {
        pid: child.pid,
        postMessage(message) {
          if (child.connected) child.send(message);
        },
        on(event: 'message' | 'exit', listener: ((message: ParserResponse) => void) | ((code: number | null) => void)) {
          if (event === 'exit') exitListeners.push(listener as (code: number | null) => void);
          else child.on('message', listener as (message: ParserResponse) => void);
        },
        kill() {
          child.kill('SIGKILL');
        },
      };
    },
  };
}
