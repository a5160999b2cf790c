import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { devServerContentSecurityPolicy } from './electron/main/devServer';
import { CONTENT_SECURITY_POLICY } from './shared/security/csp';

/**
 * Three builds into out/: main (Node, CommonJS), preload (sandboxed, so one self-contained CommonJS
 * file that requires nothing but `electron`), and the renderer (served from app://dalel/, so asset
 * URLs are relative).
 */
const root = __dirname;

/**
 * `npm run dev` only (`apply: 'serve'`): Vite's dev server writes an inline script and inline styles into
 * the page, which the release CSP in renderer/index.html refuses. One random nonce per dev-server start
 * goes on those tags (Vite's `html.cspNonce`) and into the page's CSP; the built renderer keeps the
 * release policy untouched (a test compares it with shared/security/csp.ts).
 */
function devServerCsp(): Plugin {
  const nonce = randomBytes(18).toString('base64');
  const releaseMeta = /\s*<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/;
  return {
    name: 'dalel:dev-server-csp',
    apply: 'serve',
    config: () => ({ html: { cspNonce: nonce } }),
    transformIndexHtml: {
      // After Vite and the React plugin have added their tags: the policy goes first in <head>, so that it
      // governs those tags too (a meta CSP applies only to what follows it).
      order: 'post',
      handler(html) {
        const meta = releaseMeta.exec(html);
        if (meta?.[1] !== CONTENT_SECURITY_POLICY) throw new Error('renderer/index.html does not carry the release CSP; the dev server will not guess one');
        const policy = devServerContentSecurityPolicy(CONTENT_SECURITY_POLICY, nonce);
        return html.replace(meta[0], '').replace(/<head>/, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      lib: {
        entry: {
          index: resolve(root, 'electron/main/index.ts'),
          // Started by the app in utility processes to parse untrusted files (core/import/parse).
          parserChild: resolve(root, 'electron/core/import/parse/parserChild.ts'),
        },
        formats: ['cjs'],
      },
      rolldownOptions: { output: { entryFileNames: '[name].js' } },
      // Every package.json dependency stays external, loaded at run time from the node_modules that
      // electron-builder ships: native addons and WASM cannot be bundled. The vault's own are named so
      // they stay external even if someone moves them to devDependencies.
      externalizeDeps: { include: ['better-sqlite3-multiple-ciphers', 'hash-wasm', 'zod', 'sharp', 'pdfjs-dist', 'tesseract.js'] },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: 'index.js' } },
      // A sandboxed preload cannot require() from node_modules: bundle everything it uses.
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), devServerCsp()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      minify: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
