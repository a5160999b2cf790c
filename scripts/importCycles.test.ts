import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * No import cycles in shared/, electron/ and renderer/src (issue 15 item 4), type-only ones included: a
 * cycle of `import type` costs nothing at run time, but it says two modules each need the other to be
 * understood, which is the tangle the layers are meant to prevent, and a later value import along it
 * makes it a load-order bug. Edges are every module a file names: `import` and `import type`,
 * `export … from`, `import('…')` in code and in types, `import x = require('…')`. The fix for a cycle is
 * to move the type (or the value) both sides need into a module of its own, never to list it here.
 */
const ROOT = new URL('..', import.meta.url).pathname;
const SOURCE_DIRS = ['shared', 'electron', 'renderer/src'];
const RESOLUTION: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, resolveJsonModule: true };

type Graph = Map<string, Set<string>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.split(/[\\/]/).includes('node_modules'));
}

/** The module names a file refers to, in any of the forms above. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const literal = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.push(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) literal(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) literal(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Each file and the files among `files` it imports (packages and files elsewhere are left out). */
function importGraph(files: readonly string[]): Graph {
  const known = new Set(files);
  const cache = ts.createModuleResolutionCache(ROOT, (name) => name, RESOLUTION);
  const graph: Graph = new Map();
  for (const file of files) {
    const targets = new Set<string>();
    for (const specifier of specifiers(file)) {
      const resolved = ts.resolveModuleName(specifier, file, RESOLUTION, ts.sys, cache).resolvedModule?.resolvedFileName;
      if (resolved && known.has(resolved)) targets.add(resolved);
    }
    graph.set(file, targets);
  }
  return graph;
}

/**
 * Every cycle, one per strongly connected component (Tarjan), each given as a path that returns to its
 * start: a → b → c → a. Fixing that path may leave another in the same component; the next run shows it.
 */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) components.push(component);
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);
  return components.map((component) => pathBack(graph, new Set(component), [...component].sort()[0]!));
}

/** The shortest path from `start` back to itself inside one component (breadth first). */
function pathBack(graph: Graph, component: Set<string>, start: string): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (!component.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = node; at !== start; at = cameFrom.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

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
