import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { createServer, type InlineConfig, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import electronViteConfig from '../../electron.vite.config';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { APP_PAGE, devServerContentSecurityPolicy, devServerOrigin, pageSource } from './devServer';
import { isAllowedNavigation, isAllowedRequest } from './requestPolicy';
import { isTrustedSender } from './senderPolicy';

/**
 * `npm run dev`: electron-vite serves the renderer from Vite's dev server and hands its address to the
 * app in ELECTRON_RENDERER_URL. An unpackaged app loads that page, and lets that one origin (and its
 * hot-reload socket) through; a packaged app never does. The page keeps the release CSP plus a nonce.
 */
describe('where the window page comes from', () => {
  it('is app://dalel unless an unpackaged build is given a dev server on this machine', () => {
    expect(pageSource({}, false)).toEqual(APP_PAGE);
    expect(pageSource({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toEqual({
      entryUrl: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
      devServer: true,
    });
    expect(pageSource({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toEqual(APP_PAGE);
  });

  it.each([
    ['http://localhost:5173', 'http://localhost:5173'],
    ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173'],
    ['https://[::1]:5173', 'https://[::1]:5173'],
    ['http://evil.example:5173', null],
    ['http://localhost', null],
    ['http://user:pw@localhost:5173', null],
    ['file:///tmp/index.html', null],
    ['ws://localhost:5173', null],
    ['not a url', null],
  ])('takes %s as a dev server: %s', (value, origin) => {
    expect(devServerOrigin(value)).toBe(origin);
  });

  it('opens the policies to the dev server alone, and only when there is one', () => {
    const dev = { allowDevTools: true, devServerOrigin: 'http://localhost:5173' };
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/?token=x', dev)).toBe(true);
    for (const url of ['http://localhost:5174/', 'https://localhost:5173/', 'wss://localhost:5173/', 'ws://localhost:5174/', 'http://127.0.0.1:5173/', 'https://example.com/']) {
      expect(isAllowedRequest(url, dev), url).toBe(false);
    }
    for (const url of ['http://localhost:5173/', 'ws://localhost:5173/']) expect(isAllowedRequest(url, { allowDevTools: true, devServerOrigin: null }), url).toBe(false);

    expect(isAllowedNavigation('http://localhost:5173/#/library', 'http://localhost:5173')).toBe(true);
    expect(isAllowedNavigation('app://dalel/index.html', 'http://localhost:5173')).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/')).toBe(false);

    const frame = { url: 'http://localhost:5173/', processId: 1, routingId: 1, parent: null };
    expect(isTrustedSender(frame, frame, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender(frame, frame)).toBe(false);
    expect(isTrustedSender({ ...frame, url: 'http://localhost:5174/' }, frame, 'http://localhost:5173')).toBe(false);
  });

  it('adds one nonce to script-src and style-src and changes nothing else in the CSP', () => {
    const nonce = 'AAAAAAAAAAAAAAAAAAAAAAAA';
    const policy = devServerContentSecurityPolicy(CONTENT_SECURITY_POLICY, nonce);
    expect(policy.replaceAll(` 'nonce-${nonce}'`, '')).toBe(CONTENT_SECURITY_POLICY);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(policy).toContain(`style-src 'self' 'nonce-${nonce}'`);
    expect(policy).not.toMatch(/unsafe-|https?:|ws:|\*/);
    expect(() => devServerContentSecurityPolicy(CONTENT_SECURITY_POLICY, 'short')).toThrow();
  });
});

describe('the renderer on the dev server (the Vite config `npm run dev` uses)', () => {
  let server: ViteDevServer;
  let url = '';

  beforeAll(async () => {
    const config = (electronViteConfig as { renderer?: InlineConfig }).renderer;
    server = await createServer({ ...config, configFile: false, logLevel: 'error', server: { host: '127.0.0.1', port: 0, strictPort: false } });
    await server.listen();
    url = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}/`;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('serves index.html with the CSP first in <head> and the nonce on every tag Vite writes', async () => {
    const html = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
    const nonce = /<meta property="csp-nonce" nonce="([^"]+)"/.exec(html)?.[1];
    expect(nonce).toBeTruthy();
    const policies = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((match) => match[1]);
    expect(policies).toEqual([devServerContentSecurityPolicy(CONTENT_SECURITY_POLICY, nonce!)]);
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'));
    const tags = [...html.matchAll(/<(script|style)\b[^>]*>/g)].map((match) => match[0]);
    expect(tags.length).toBeGreaterThanOrEqual(2); // the React refresh preamble (inline) and the Vite client
    for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  });

  const chromiumPath = process.env.DALEL_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) console.warn(`skipped: rendering under the dev CSP, no Chromium at ${chromiumPath} (bash scripts/dev.sh test installs Debian's)`);
  it.skipIf(!existsSync(chromiumPath))('renders in Chromium under that CSP, with the hot-reload socket connected', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      const sockets: string[] = [];
      page.on('websocket', (socket) => sockets.push(socket.url()));
      // window.dalel as the preload would give it, answering only what the first screen asks.
      await page.addInitScript({
        content: `
          window.__violations = [];
          document.addEventListener('securitypolicyviolation', (e) => window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile }));
          const answers = {
            'vault:status': { state: 'no-vault', path: null, defaultPath: '/home/lawyer/Documents/Dalel Vault', demoPath: '/home/lawyer/Documents/Dalel Demo Vault', demo: false, lockReason: null },
            'settings:get': { language: 'en', autoLockMinutes: 10 },
          };
          const domain = (name) => new Proxy({}, { get: (_, verb) => async () => (answers[name + ':' + verb] ? { ok: true, value: answers[name + ':' + verb] } : { ok: false, error: { code: 'internal', message: 'not in this test' } }) });
          window.dalel = new Proxy({}, { get: (_, name) => (name === 'on' ? () => () => {} : domain(name)) });
        `,
      });
      await page.goto(url);
      await page.getByTestId('create-vault-screen').waitFor({ timeout: 30_000 });
      const violations = (await page.evaluate(() => (globalThis as unknown as { __violations: Array<{ directive: string; blocked: string; source: string }> }).__violations)) ?? [];
      // zod probes for eval support once (new Function in a try); the release CSP refuses it the same way.
      expect(violations.filter((v) => !(v.blocked === 'eval' && v.source.includes('zod')))).toEqual([]);
      expect(sockets.some((socket) => socket.startsWith(url.replace('http:', 'ws:')))).toBe(true);
    } finally {
      await browser.close();
    }
  }, 90_000);
});
