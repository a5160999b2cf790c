import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cycles, importGraph, sourceFiles, type Graph } from './testing/importGraph';

/**
 * No import cycles in shared/, electron/ and renderer/src (issue 15 item 4), type-only ones included: a
 * cycle of `import type` costs nothing at run time, but it says two modules each need the other to be
 * understood, which is the tangle the layers are meant to prevent, and a later value import along it
 * makes it a load-order bug. The edges are every module a file names (scripts/testing/importGraph.ts).
 * The fix for a cycle is to move the type (or the value) both sides need into a module of its own, never
 * to list it here.
 */
const ROOT = new URL('..', import.meta.url).pathname;
const SOURCE_DIRS = ['shared', 'electron', 'renderer/src'];

const shown = (cycle: string[], root: string) => cycle.map((file) => relative(root, file)).join(' → ');

describe('import cycles', () => {
  it('there are none in shared/, electron/ and renderer/src, type-only imports included', () => {
    const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(300);
    const found = cycles(importGraph(files)).map((cycle) => shown(cycle, ROOT));
    expect(found, `import cycles:\n${found.join('\n')}`).toEqual([]);
  });

  describe('control: the detector finds a cycle', () => {
    it('in a small graph, and none once it is broken', () => {
      const graph: Graph = new Map([
        ['a', new Set(['b'])],
        ['b', new Set(['c'])],
        ['c', new Set(['a', 'd'])],
        ['d', new Set()],
        ['e', new Set(['e'])],
      ]);
      expect(cycles(graph).map((cycle) => cycle.join(' → '))).toEqual(['a → b → c → a', 'e → e']);
      graph.set('c', new Set(['d']));
      graph.set('e', new Set());
      expect(cycles(graph)).toEqual([]);
    });

    const dir = mkdtempSync(join(tmpdir(), 'dalel-cycles-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each([
      ['import type', "import type { B } from './b';\nexport type A = B[];\n"],
      ['export … from', "export type { B } from './b';\nexport type A = number;\n"],
      ['import() in a type', "export type A = import('./b').B[];\n"],
    ])('through %s, in files on disk', (_form, aSource) => {
      writeFileSync(join(dir, 'a.ts'), aSource);
      writeFileSync(join(dir, 'b.ts'), "import type { A } from './a';\nexport type B = { a: A };\n");
      writeFileSync(join(dir, 'c.ts'), "import type { A } from './a';\nexport type C = A;\n");
      const graph = importGraph(sourceFiles(dir));
      expect(cycles(graph).map((cycle) => shown(cycle, dir))).toEqual(['a.ts → b.ts → a.ts']);
    });
  });
});
