import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importGraph, moduleRefs, shortestPath, sourceFiles } from './testing/importGraph';

/**
 * The window's code loads no zod: the schemas check what crosses the boundary in the main process, and
 * the renderer and the sandboxed preload (one self-contained file) would only carry them as dead weight.
 * shared/domain re-exports the types the schemas infer type-only, and the values both sides need (code
 * lists, limits) live in files that import nothing; this follows the imports that survive compilation
 * from each entry point and fails on a path to zod, printed. The build's out/ can be checked the same
 * way by hand: no `ZodError` in out/preload/index.js or out/renderer/assets/.
 */
const ROOT = new URL('..', import.meta.url).pathname;
const isZod = (specifier: string) => specifier === 'zod' || specifier.startsWith('zod/');

/** A path of value imports from `entry` to a file that imports zod by value, or null. */
function pathToZod(files: string[], entry: string, root: string): string | null {
  const graph = importGraph(files, { valuesOnly: true });
  const reached = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (moduleRefs(file).some((ref) => !ref.typeOnly && isZod(ref.specifier))) {
      const path = file === entry ? [entry] : shortestPath(graph, entry, file);
      return [...path.map((step) => relative(root, step)), 'zod'].join(' → ');
    }
    for (const next of graph.get(file) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return null;
}

describe('the window loads no zod', () => {
  const files = ['shared', 'electron', 'renderer/src'].flatMap((dir) => sourceFiles(join(ROOT, dir)));

  it.each([
    ['renderer', 'renderer/src/main.tsx'],
    ['preload', 'electron/preload/index.ts'],
  ])('%s (%s)', (_name, entry) => {
    expect(pathToZod(files, join(ROOT, entry), ROOT)).toBeNull();
  });

  describe('control: a value import of a schema is found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalel-window-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'kinds.ts'), "export const KINDS = ['a', 'b'] as const;\n");
    writeFileSync(join(dir, 'schema.ts'), "import { z } from 'zod';\nimport { KINDS } from './kinds';\nexport const Kind = z.enum(KINDS);\nexport type Kind = z.infer<typeof Kind>;\n");

    it.each([
      ['a type-only re-export (as shared/domain does)', "export { KINDS } from './kinds';\nexport type { Kind } from './schema';\n", null],
      ['import { type … }', "import { KINDS } from './kinds';\nimport { type Kind } from './schema';\nexport const k: Kind = KINDS[0];\n", null],
      ['a value re-export', "export { Kind } from './schema';\n", 'domain.ts → schema.ts → zod'],
      ['a value import used as a type only', "import { Kind } from './schema';\nexport type K = Kind;\n", 'domain.ts → schema.ts → zod'],
    ])('%s', (_form, source, expected) => {
      writeFileSync(join(dir, 'domain.ts'), source);
      writeFileSync(join(dir, 'entry.ts'), "export * from './domain';\n");
      expect(pathToZod(sourceFiles(dir), join(dir, 'entry.ts'), dir)).toBe(expected === null ? null : `entry.ts → ${expected}`);
    });
  });
});
