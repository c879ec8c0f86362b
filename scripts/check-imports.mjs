/**
 * `npm run lint` runs this: the import graph of src, emulator, bench and scripts has no cycle (counting
 * `import type`, re-exports and lazy `import()`), and nothing outside src/providers/ that src/providers/
 * imports (directly or through others) imports back into src/providers/. No eslint import plugin is
 * installed; the TypeScript compiler already in node_modules reads every import.
 *
 * Usage: node scripts/check-imports.mjs [root...] (default: this repository). Exits 1 and lists what it found.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const FOLDERS = ['src', 'emulator', 'bench', 'scripts'];
const SOURCE = /\.(?:ts|mts|cts|js|mjs|cjs)$/;
const PROVIDERS = 'src/providers/';

function sourceFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.d.cts')) out.push(full);
    }
  };
  for (const folder of FOLDERS) if (existsSync(path.join(root, folder))) walk(path.join(root, folder));
  return out;
}

/** Every module specifier a file names: static, type-only, re-exported, `import()`, `import('x').T` and `require`. */
export function specifiersOf(fileName, text) {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      if (ts.isStringLiteral(e)) found.push(e.text);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) found.push(arg.literal.text);
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const required = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if ((dynamic || required) && first && ts.isStringLiteralLike(first)) found.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** A relative specifier to the file it names, or undefined for a package or a file that is not there. */
function resolve(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, ...['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'].map((e) => base + e), path.join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** The graph: each file (relative to root, with /) to the files it imports. */
export function importGraph(root) {
  const rel = (f) => path.relative(root, f).split(path.sep).join('/');
  const graph = new Map();
  for (const file of sourceFiles(root)) {
    const targets = specifiersOf(file, readFileSync(file, 'utf8'))
      .map((s) => resolve(file, s))
      .filter((t) => t !== undefined);
    graph.set(rel(file), [...new Set(targets.map(rel))]);
  }
  return graph;
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
export function cycles(graph) {
  let index = 0;
  const order = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const connect = (v) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), order.get(w)));
    }
    if (low.get(v) !== order.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!order.has(v)) connect(v);
  return found;
}

/** Imports back into src/providers/ from a module outside it that src/providers/ reaches. */
export function backImports(graph) {
  const inside = (f) => f.startsWith(PROVIDERS);
  const reached = new Set();
  const queue = [...graph.keys()].filter(inside).flatMap((f) => graph.get(f) ?? []);
  while (queue.length > 0) {
    const f = queue.pop();
    if (inside(f) || reached.has(f)) continue;
    reached.add(f);
    queue.push(...(graph.get(f) ?? []));
  }
  return [...reached].sort().flatMap((f) => (graph.get(f) ?? []).filter(inside).map((t) => `${f} -> ${t}`));
}

export function check(root) {
  const graph = importGraph(root);
  const problems = [
    ...cycles(graph).map((c) => `import cycle: ${c.join(', ')}`),
    ...backImports(graph).map((b) => `imported by src/providers/ yet imports into it: ${b}`),
  ];
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const given = process.argv.slice(2);
  const roots = given.length > 0 ? given : [path.join(path.dirname(fileURLToPath(import.meta.url)), '..')];
  // Several roots (the unit test's fixtures, in one process): each problem names its root.
  const problems = roots.flatMap((root) => check(path.resolve(root)).map((p) => (roots.length > 1 ? `${root}: ${p}` : p)));
  for (const p of problems) console.error(p);
  if (problems.length > 0) process.exit(1);
}
