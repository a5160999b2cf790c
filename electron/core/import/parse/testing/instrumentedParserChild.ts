/**
 * Test-only parser process: the real parserChild.ts, plus two hooks the tests need.
 *  - Every way out to the network (fetch, sockets, DNS) is trapped: an attempt kills this process, which
 *    the parent reports as a crash, so "no network" is asserted by "nothing crashed".
 *  - PDF JavaScript's `app.alert()` kills the process too: if any script of a PDF ran here, it would show.
 *  - A file named `spin.forever` makes the process loop forever, like a parser stuck on a hostile file;
 *    one named `sleep.forever` blocks it forever without using the CPU (stuck in a call that never
 *    returns), for tests where a spinning core would only slow the rest of the run; one named
 *    `reach.network` calls fetch(), to prove the trap fires.
 */
import dns from 'node:dns';
import net from 'node:net';

function trap(what: string): never {
  process.stderr.write(`instrumentedParserChild: trapped ${what}\n`);
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
}

globalThis.fetch = () => trap('fetch');
net.Socket.prototype.connect = function connect() {
  return trap('net.Socket.connect');
} as typeof net.Socket.prototype.connect;
dns.lookup = (() => trap('dns.lookup')) as unknown as typeof dns.lookup;
dns.promises.lookup = (() => trap('dns.promises.lookup')) as unknown as typeof dns.promises.lookup;
dns.resolve = (() => trap('dns.resolve')) as unknown as typeof dns.resolve;
(globalThis as { app?: unknown }).app = { alert: () => trap('PDF JavaScript ran: app.alert') };

// Ahead of parserChild's own listener, so the loop starts before any real work.
process.prependListener('message', (message: unknown) => {
  const fileName = (message as { fileName?: string } | null)?.fileName;
  if (fileName === 'spin.forever') for (;;);
  if (fileName === 'sleep.forever') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  if (fileName === 'reach.network') void fetch('http://example.invalid/');
});

void import('../parserChild');
