import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * The repository's import graph as the TypeScript parser and resolver see it, for the tests that check
 * its shape (scripts/importCycles.test.ts, scripts/windowImports.test.ts). A file names a module by
 * `import` and `import type`, `export … from`, `import('…')` in code and in types, and
 * `import x = require('…')`.
 */
export type Graph = Map<string, Set<string>>;

/** A module a file names, and whether the name is erased when the file is compiled (types only). */
export interface ModuleRef {
  specifier: string;
  typeOnly: boolean;
}

const RESOLUTION: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, resolveJsonModule: true };

/** The TypeScript files under `dir` (declaration files and node_modules left out). */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.split(/[\\/]/).includes('node_modules'));
}

/**
 * Every module `file` names. An import is type-only when it says so (`import type`, `export type … from`)
 * or when each name it brings in is marked `type`: TypeScript and the bundlers erase it. An import with a
 * value name counts as a value even if the name is used only as a type: a check that a module stays out
 * of a bundle may then fail when it need not, never pass when it should fail.
 */
export function moduleRefs(file: string): ModuleRef[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: ModuleRef[] = [];
  const add = (node: ts.Node | undefined, typeOnly: boolean) => {
    if (node && ts.isStringLiteralLike(node)) found.push({ specifier: node.text, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, importIsTypeOnly(node.importClause));
    else if (ts.isExportDeclaration(node)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : null;
      add(node.moduleSpecifier, node.isTypeOnly || (named !== null && named.length > 0 && named.every((element) => element.isTypeOnly)));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node.isTypeOnly);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, true);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], false);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importIsTypeOnly(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false; // import './x': run for its effects
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

/**
 * Each file and the files among `files` it imports (packages and files elsewhere are left out); with
 * `valuesOnly`, only the imports that survive compilation.
 */
export function importGraph(files: readonly string[], options: { valuesOnly?: boolean } = {}): Graph {
  const known = new Set(files);
  const cache = ts.createModuleResolutionCache(process.cwd(), (name) => name, RESOLUTION);
  const graph: Graph = new Map();
  for (const file of files) {
    const targets = new Set<string>();
    for (const ref of moduleRefs(file)) {
      if (options.valuesOnly && ref.typeOnly) continue;
      const resolved = resolve(ref.specifier, file, cache);
      if (resolved && known.has(resolved)) targets.add(resolved);
    }
    graph.set(file, targets);
  }
  return graph;
}

export function resolve(specifier: string, fromFile: string, cache?: ts.ModuleResolutionCache): string | undefined {
  return ts.resolveModuleName(specifier, fromFile, RESOLUTION, ts.sys, cache).resolvedModule?.resolvedFileName;
}

/**
 * Every cycle, one per strongly connected component (Tarjan), each given as a path that returns to its
 * start: a → b → c → a. Fixing that path may leave another in the same component; the next run shows it.
 */
export function cycles(graph: Graph): string[][] {
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
  const start = (component: string[]) => [...component].sort()[0]!;
  return components.map((component) => shortestPath(graph, start(component), start(component), new Set(component)));
}

/**
 * The shortest path from `from` to `to` (to itself when they are the same: a cycle), breadth first,
 * through `within` when given; empty when there is none.
 */
export function shortestPath(graph: Graph, from: string, to: string, within?: Set<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (within && !within.has(next)) continue;
      if (next === to) {
        const path = [to];
        for (let at = node; at !== from; at = cameFrom.get(at)!) path.unshift(at);
        return [from, ...path];
      }
      if (next !== from && !cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [];
}
