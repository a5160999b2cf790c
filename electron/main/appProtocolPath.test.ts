import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { appUrlPath, lookupRendererFile, mimeTypeFor, rendererResponseHeaders } from './appProtocolPath';

const base = mkdtempSync(join(tmpdir(), 'dalel-app-protocol-'));
const rendererDir = join(base, 'renderer');

beforeAll(() => {
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'export {}');
  writeFileSync(join(rendererDir, 'assets', 'page one.css'), 'p{}');
  // Something a traversal would love to reach: the vault's neighbour.
  writeFileSync(join(base, 'secret.txt'), 'case notes');
  symlinkSync(join(base, 'secret.txt'), join(rendererDir, 'assets', 'leak.txt'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('appUrlPath', () => {
  it('takes the path of app://dalel URLs only', () => {
    expect(appUrlPath('app://dalel/assets/index-abc.js?v=1#x')).toBe('/assets/index-abc.js');
    expect(appUrlPath('app://dalel/')).toBe('/');
    expect(appUrlPath('app://other/index.html')).toBeNull();
    expect(appUrlPath('app://user:pw@dalel/index.html')).toBeNull();
    expect(appUrlPath('file:///etc/passwd')).toBeNull();
    expect(appUrlPath('https://dalel/index.html')).toBeNull();
    expect(appUrlPath('not a url')).toBeNull();
  });
});

describe('lookupRendererFile', () => {
  it('serves index.html for the root and files under the renderer folder', async () => {
    expect(await lookupRendererFile(rendererDir, '/')).toMatchObject({ kind: 'file', mimeType: 'text/html; charset=utf-8' });
    expect(await lookupRendererFile(rendererDir, '')).toMatchObject({ kind: 'file' });
    const script = await lookupRendererFile(rendererDir, '/assets/index-abc.js');
    expect(script).toMatchObject({ kind: 'file', mimeType: 'text/javascript; charset=utf-8' });
    expect(await lookupRendererFile(rendererDir, '/assets/page%20one.css')).toMatchObject({ kind: 'file' });
  });

  it.each([
    ['plain ..', '/../secret.txt'],
    ['.. in the middle', '/assets/../../secret.txt'],
    ['encoded dots', '/%2e%2e/secret.txt'],
    ['mixed-case encoded dots', '/assets/%2E%2e/%2e%2E/secret.txt'],
    ['encoded slash', '/..%2fsecret.txt'],
    ['encoded backslash', '/..%5csecret.txt'],
    ['absolute path in a segment', `/${encodeURIComponent(join(base, 'secret.txt'))}`],
    ['doubled leading slash', '//..//secret.txt'],
    ['windows drive', '/C:%5cWindows%5cwin.ini'],
    ['NUL byte', '/index.html%00.js'],
    ['malformed encoding', '/%E0%A4%A'],
    ['single dot', '/./index.html'],
  ])('refuses %s', async (_name, path) => {
    expect(await lookupRendererFile(rendererDir, path)).toEqual({ kind: 'refused' });
  });

  it('refuses a symlink that points out of the renderer folder', async () => {
    expect(await lookupRendererFile(rendererDir, '/assets/leak.txt')).toEqual({ kind: 'refused' });
  });

  it('answers not-found for missing files and for folders', async () => {
    expect(await lookupRendererFile(rendererDir, '/missing.js')).toEqual({ kind: 'not-found' });
    expect(await lookupRendererFile(rendererDir, '/assets')).toEqual({ kind: 'not-found' });
    expect(await lookupRendererFile(join(base, 'no-build-yet'), '/')).toEqual({ kind: 'not-found' });
  });
});

describe('response headers', () => {
  it('types what a Vite build emits and leaves the rest opaque', () => {
    expect(mimeTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.exe')).toBe('application/octet-stream');
  });

  it('carries the CSP and nosniff on every response', () => {
    const headers = rendererResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});
