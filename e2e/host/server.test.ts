import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { startTestHost, withBridge, type TestHost } from './server';

// The floor the core accepts: fast enough for a test, and real Argon2id all the same.
const kdf = { name: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 } as const;
const passphrase = 'correct horse battery staple';

let base: string;
let host: TestHost;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'dalel-test-host-'));
  const rendererDir = join(base, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="./app.js"></script></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(typeof window.dalel)');
  writeFileSync(join(base, 'secret.txt'), 'case notes');
  host = await startTestHost({ rendererDir, dataDir: join(base, 'data'), kdf });
});

afterAll(async () => {
  await host?.close();
  rmSync(base, { recursive: true, force: true });
});

type Envelope = { ok: boolean; value?: unknown; error?: { code: string } };

async function call(channel: string, input: unknown): Promise<Envelope> {
  const response = await fetch(`${host.url}ipc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Envelope;
}

/** A raw request, for what fetch will not send: a forged Host header or an unnormalised path. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<number> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('loopback test host', () => {
  it('listens on 127.0.0.1 under a long random token', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
    expect(host.url).toBe(`${host.origin}/t/${host.token}/`);
  });

  it('serves the renderer with the CSP header and the bridge before the app script', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await page.text();
    expect(html.indexOf('<script src="./__bridge.js"></script>')).toBeGreaterThan(-1);
    expect(html.indexOf('__bridge.js')).toBeLessThan(html.indexOf('type="module"'));

    const bridge = await fetch(`${host.url}__bridge.js`);
    expect(bridge.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(bridge.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await bridge.text()).toContain('EventSource');

    const script = await fetch(`${host.url}app.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('refuses anything outside the token folder, and path traversal inside it', async () => {
    expect((await fetch(`${host.origin}/`)).status).toBe(404);
    expect((await fetch(`${host.origin}/index.html`)).status).toBe(404);
    expect((await fetch(`${host.origin}/t/${'0'.repeat(64)}/`)).status).toBe(403);
    expect((await fetch(`${host.origin}/t/${'0'.repeat(64)}/ipc/vault:status`, { method: 'POST' })).status).toBe(403);
    expect(await rawGet(`/t/${host.token}/../secret.txt`)).toBe(403);
    expect(await rawGet(`/t/${host.token}/%2e%2e/secret.txt`)).toBe(403);
    expect(await rawGet(`/t/${host.token}/%2e%2e%2f%2e%2e%2fsecret.txt`)).toBe(403);
    expect((await fetch(`${host.url}missing.js`)).status).toBe(404);
  });

  it('refuses a request whose Host is not 127.0.0.1:<port> (DNS rebinding)', async () => {
    const { port } = new URL(host.origin);
    expect(await rawGet(`/t/${host.token}/`, { Host: `evil.example:${port}` })).toBe(421);
    expect(await rawGet(`/t/${host.token}/`, { Host: `localhost:${port}` })).toBe(421);
    expect(await rawGet(`/t/${host.token}/`, { Host: `127.0.0.1:${port}` })).toBe(200);
  });

  it('answers IPC only to a JSON POST on a known channel', async () => {
    expect((await fetch(`${host.url}ipc/vault:status`)).status).toBe(405);
    const asForm = await fetch(`${host.url}ipc/vault:status`, { method: 'POST', body: 'x=1' });
    expect(asForm.status).toBe(415);
    const unknown = await fetch(`${host.url}ipc/vault:destroy`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(unknown.status).toBe(404);
  });

  it('reports no vault at first, proposing one inside the data folder', async () => {
    const status = await call('vault:status', {});
    expect(status).toEqual({
      ok: true,
      value: { state: 'no-vault', path: null, defaultPath: join(base, 'data', 'Dalel Vault'), demoPath: join(base, 'data', 'Dalel Demo Vault'), demo: false, lockReason: null },
    });
  });

  it('turns invalid input into a validation error, not a crash', async () => {
    expect((await call('vault:create', { path: '', passphrase: 42 })).error?.code).toBe('validation');
    expect((await call('vault:status', { extra: true })).error?.code).toBe('validation');
    const notJson = await fetch(`${host.url}ipc/vault:status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(((await notJson.json()) as Envelope).error?.code).toBe('validation');
  });

  it('answers the save dialog with the suggested name in a new folder under the data folder', async () => {
    const saved = (await call('dialog:pickSavePath', { purpose: 'bundle-pdf', suggestedName: '../Appeal bundle.pdf' })) as { value: { path: string } };
    expect(saved.value.path.startsWith(join(base, 'data', 'saved'))).toBe(true);
    expect(saved.value.path.endsWith(`${sep}Appeal bundle.pdf`)).toBe(true);
  });

  it('creates a vault in a picked folder and pushes the lock over server-sent events', async () => {
    const picked = (await call('dialog:pickFolder', { purpose: 'create-vault' })) as {
      value: { path: string };
    };
    expect(picked.value.path.startsWith(join(base, 'data'))).toBe(true);

    const created = (await call('vault:create', { path: picked.value.path, passphrase })) as {
      ok: boolean;
      value: { recoveryCode: string; status: { state: string } };
    };
    expect(created.ok).toBe(true);
    expect(created.value.recoveryCode.length).toBeGreaterThan(10);
    expect(created.value.status.state).toBe('unlocked');

    const stream = new AbortController();
    const events = await fetch(`${host.url}events`, { signal: stream.signal });
    expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toContain(': connected');

    expect((await call('vault:lock', {})).ok).toBe(true);
    let received = '';
    while (!received.includes('\n\n')) received += (await reader.read()).value ?? '';
    stream.abort();

    const [eventLine, dataLine] = received.trim().split('\n');
    expect(eventLine).toBe('event: vault:statusChanged');
    expect(JSON.parse(dataLine!.slice('data: '.length))).toMatchObject({
      state: 'locked',
      path: picked.value.path,
      lockReason: 'user',
    });
  });

  it('refuses a wrong passphrase with its error code, then unlocks with the right one', async () => {
    const path = (await call('vault:status', {})) as { value: { path: string } };
    const wrong = await call('vault:unlock', { path: path.value.path, secret: { passphrase: 'not the passphrase' } });
    expect(wrong.error?.code).toBe('wrong-passphrase');
    const right = (await call('vault:unlock', { path: path.value.path, secret: { passphrase } })) as {
      value: { state: string };
    };
    expect(right.value.state).toBe('unlocked');
  });
});

describe('withBridge', () => {
  it('puts the bridge before the first module script, or at the end of head', () => {
    expect(withBridge('<head><script type="module" src="a.js"></script></head>')).toMatch(
      /^<head><script src="\.\/__bridge\.js"><\/script>\s*<script type="module"/,
    );
    expect(withBridge('<head><title>x</title></head>')).toContain('<script src="./__bridge.js"></script>\n</head>');
  });
});
