import { utilityProcess } from 'electron';
import { parserChildArgs, parserEnvironment, type ParserChannel, type ParserProcessFactory, type ParserResponse } from '../core/import/parse';

/**
 * Parser processes for the packaged app. Forking the app binary as Node is impossible there (the
 * RunAsNode fuse is off), so untrusted files are parsed in Electron utility processes instead: each a
 * separate OS process that can hang, crash or run out of memory without taking Dalel with it.
 * The child entry (parserChild) speaks to either kind of parent.
 */
export function utilityParserProcesses(entry: string): ParserProcessFactory {
  return {
    spawn(limits): ParserChannel {
      // `--js-flags=--max-old-space-size=…`: a utility process takes V8 flags only that way (protocol.ts).
      const { execArgv, args } = parserChildArgs(limits, 'electron-utility');
      // A minimal environment (never empty: an empty one would inherit everything; see parserEnvironment).
      const child = utilityProcess.fork(entry, args, { execArgv, env: parserEnvironment(), serviceName: 'Dalel file parser', stdio: 'inherit' });
      return {
        get pid() {
          return child.pid;
        },
        postMessage: (message) => child.postMessage(message),
        on(event: 'message' | 'exit', listener: ((message: ParserResponse) => void) | ((code: number | null) => void)) {
          if (event === 'exit') child.once('exit', (code) => (listener as (code: number | null) => void)(code));
          else child.on('message', listener as (message: ParserResponse) => void);
        },
        kill: () => void child.kill(),
      };
    },
  };
}
