import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * Three builds into out/: main (Node, CommonJS), preload (sandboxed, so one self-contained CommonJS
 * file that requires nothing but `electron`), and the renderer (served from app://dalel/, so asset
 * URLs are relative).
 */
const root = __dirname;

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
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      minify: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
