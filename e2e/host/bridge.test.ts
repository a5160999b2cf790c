import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from './server';

/**
 * The bridge as a page runs it: the compiled `__bridge.js`, fetched from the host and evaluated with
 * browser-like globals, must give `window.dalel` that reaches the core and hears its push events.
 */
const kdf = { name: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 } as const;

type Envelope = { ok: boolean; value?: { state?: string; status?: { state: string } }; error?: { code: string } };
type Status = { state: string; lockReason: string | null };
type Api = {
  vault: Record<string, (input?: unknown) => Promise<Envelope>>;
  on(event: string, listener: (payload: Status) => void): () => void;
};

/**
 * Just enough EventSource for the bridge to run under Node (which has none without a flag): a fetch
 * stream cut into `event:`/`data:` blocks.
 */
class StreamedEvents {
  private readonly listeners = new Map<string, Set<(message: { data: string }) => void>>();
  private readonly stop = new AbortController();
  readonly connected: Promise<void>;

  constructor(url: URL | string) {
    this.connected = fetch(url, { signal: this.stop.signal }).then((response) => {
      void this.pump(response.body!.pipeThrough(new TextDecoderStream()).getReader());
    });
  }

  addEventListener(type: string, listener: (message: { data: string }) => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }

  removeEventListener(type: string, listener: (message: { data: string }) => void): void {
    this.listeners.get(type)?.delete(listener);
  }

  close(): void {
    this.stop.abort();
  }

  private async pump(reader: ReadableStreamDefaultReader<string>): Promise<void> {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const type = block.find((line) => line.startsWith('event: '))?.slice('event: '.length);
          const data = block.find((line) => line.startsWith('data: '))?.slice('data: '.length);
          if (type && data !== undefined) for (const listener of this.listeners.get(type) ?? []) listener({ data });
        }
      }
    } catch {
      // Aborted by close().
    }
  }
}

let base: string;
let host: TestHost;
const streams: StreamedEvents[] = [];

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'dalel-bridge-'));
  mkdirSync(join(base, 'renderer'));
  writeFileSync(join(base, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
  host = await startTestHost({ rendererDir: join(base, 'renderer'), dataDir: join(base, 'data'), kdf });
});

afterAll(async () => {
  for (const stream of streams) stream.close();
  await host?.close();
  rmSync(base, { recursive: true, force: true });
});

async function openPage(): Promise<{ page: Record<string, unknown>; dalel: Api }> {
  const code = await (await fetch(`${host.url}__bridge.js`)).text();
  const page: Record<string, unknown> = {
    document: { currentScript: { src: `${host.url}__bridge.js` } },
    location: { href: host.url },
    fetch,
    URL,
    EventSource: class extends StreamedEvents {
      constructor(url: URL | string) {
        super(url);
        streams.push(this);
      }
    },
  };
  page.window = page;
  runInContext(code, createContext(page));
  await Promise.all(streams.map((stream) => stream.connected));
  return { page, dalel: page.dalel as Api };
}

describe('the bridge served as __bridge.js', () => {
  it('gives the page a frozen window.dalel it cannot replace', async () => {
    const { page, dalel } = await openPage();
    expect(Object.isFrozen(dalel)).toBe(true);
    expect(Object.isFrozen(dalel.vault)).toBe(true);
    expect(() => {
      page.dalel = {};
    }).toThrow();
    expect(() => dalel.on('vault:deleted', () => undefined)).toThrow();
  });

  it('calls the core and brings back its envelope, errors included', async () => {
    const { dalel } = await openPage();
    expect((await dalel.vault.status!()).value?.state).toBe('no-vault');
    expect((await dalel.vault.create!({ path: '' })).error?.code).toBe('validation');
  });

  it('hears status changes pushed by the host', async () => {
    const { dalel } = await openPage();
    const heard: Status[] = [];
    const unsubscribe = dalel.on('vault:statusChanged', (status) => heard.push(status));

    const created = await dalel.vault.create!({ path: join(base, 'data', 'Case files'), passphrase: 'a long enough passphrase' });
    expect(created.value?.status?.state).toBe('unlocked');
    expect((await dalel.vault.lock!()).value?.state).toBe('locked');
    await expect.poll(() => heard.map((status) => status.state)).toEqual(['unlocked', 'locked']);
    expect(heard[1]!.lockReason).toBe('user');

    unsubscribe();
    // A listener still subscribed hears the unlock: by then the one that left would have heard it too.
    const stillHeard: Status[] = [];
    dalel.on('vault:statusChanged', (status) => stillHeard.push(status));
    await dalel.vault.unlock!({ path: join(base, 'data', 'Case files'), secret: { passphrase: 'a long enough passphrase' } });
    await expect.poll(() => stillHeard.map((status) => status.state)).toEqual(['unlocked']);
    expect(heard).toHaveLength(2);
  });
});
