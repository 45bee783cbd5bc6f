// The project's import graph, read from the sources with the TypeScript parser: every static
// `import … from`, `export … from` and `import()` of the .ts/.tsx files under the given folders.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** A repository-relative path, or the bare specifier of a package (`preact`, `wxt/browser`). */
  to: string;
  /** False for `import()`, which a bundler splits off rather than inlining. */
  isStatic: boolean;
}

export type ImportGraph = Map<string, ImportEdge[]>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function specifiersOf(path: string): { specifier: string; isStatic: boolean }[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { specifier: string; isStatic: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, isStatic: true });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      // An `import()` of a computed URL (the lens bundle) is not an edge of the source graph.
      if (arg && ts.isStringLiteral(arg)) found.push({ specifier: arg.text, isStatic: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function resolveSpecifier(root: string, from: string, specifier: string): string {
  const bare = specifier.replace(/\?.*$/, '');
  if (!bare.startsWith('.')) return bare;
  const base = resolve(dirname(from), bare);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  const hit = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  return relative(root, hit ?? base);
}

export function importGraph(root: string, folders: string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const folder of folders) {
    for (const path of sourceFiles(join(root, folder))) {
      const edges = specifiersOf(path).map(({ specifier, isStatic }) => ({ to: resolveSpecifier(root, path, specifier), isStatic }));
      graph.set(relative(root, path), edges);
    }
  }
  return graph;
}

/** Every cycle's files, in order (each cycle once, from its first file in the graph's order). */
export function cyclesOf(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const { to } of graph.get(file) ?? []) {
      if (!graph.has(to)) continue;
      if (state.get(to) === 'open') cycles.push([...stack.slice(stack.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

/** What `start` pulls in through static imports, each with the chain that reaches it. */
export function staticClosure(graph: ImportGraph, start: string): Map<string, string[]> {
  const reached = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const { to, isStatic } of graph.get(file) ?? []) {
      if (!isStatic || reached.has(to)) continue;
      reached.set(to, [...(reached.get(file) ?? []), to]);
      if (graph.has(to)) queue.push(to);
    }
  }
  return reached;
}
