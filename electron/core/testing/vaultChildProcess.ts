import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type ChildMessage = { ready?: boolean; pid?: number; done?: boolean; released?: boolean; recoveryCode?: string; error?: { code: string; message: string } };

/** A forked vaultChild.ts with its messages as a queue, so a test can await the next one. */
export interface VaultChild {
  process: ChildProcess;
  next(): Promise<ChildMessage>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function forkVaultChild(args: string[]): VaultChild {
  const tsx = pathToFileURL(createRequire(__filename).resolve('tsx')).href;
  const child = fork(join(__dirname, 'vaultChild.ts'), args, { execArgv: ['--import', tsx], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const queue: ChildMessage[] = [];
  const waiting: Array<(message: ChildMessage) => void> = [];
  child.on('message', (message: ChildMessage) => {
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    process: child,
    next: () => {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise<ChildMessage>((resolve, reject) => {
        waiting.push(resolve);
        void exited.then(({ code, signal }) => reject(new Error(`vault child exited (${code ?? signal}) before reporting`)));
      });
    },
    exited,
  };
}
