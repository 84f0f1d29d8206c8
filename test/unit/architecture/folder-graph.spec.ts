import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../../../src');

interface Edge {
  from: string;
  to: string;
  file: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The first folder under src/ a path lies in; undefined for the entry files in src/ itself (main, app.module, cli). */
function folderOf(path: string): string | undefined {
  const parts = relative(SRC, path).split(/[\\/]/);
  return parts.length > 1 ? parts[0] : undefined;
}

/** Every import, export-from, import() and require of a relative path, type-only ones included. */
function importedPaths(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const pattern = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((match) => resolve(dirname(file), match[1]));
}

/** Imports from one src/ folder into another; the entry files compose the folders and are left out. */
function folderEdges(): Edge[] {
  return sourceFiles(SRC).flatMap((file) => {
    const from = folderOf(file);
    if (!from) return [];
    return importedPaths(file)
      .map((target) => folderOf(target))
      .filter((to): to is string => to !== undefined && to !== from)
      .map((to) => ({ from, to, file: relative(SRC, file) }));
  });
}

/** Strongly connected components with more than one folder (Tarjan), i.e. the folders that sit on a cycle. */
function cycles(edges: Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) next.set(from, (next.get(from) ?? new Set()).add(to));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (stack.includes(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** "a -> b (file, file)" for every edge inside the given folders, so a failure names what to fix. */
function edgesWithin(edges: Edge[], folders: string[]): string[] {
  const inside = edges.filter((edge) => folders.includes(edge.from) && folders.includes(edge.to));
  const byPair = new Map<string, Set<string>>();
  for (const edge of inside)
    byPair.set(
      `${edge.from} -> ${edge.to}`,
      (byPair.get(`${edge.from} -> ${edge.to}`) ?? new Set()).add(edge.file),
    );
  return [...byPair].map(([pair, files]) => `${pair} (${[...files].sort().join(', ')})`).sort();
}

describe('the import graph of the src/ folders', () => {
  const edges = folderEdges();

  it('has no cycle: each offending import is named', () => {
    expect(cycles(edges).map((component) => edgesWithin(edges, component))).toEqual([]);
  });

  it('keeps common/ free of feature folders', () => {
    const fromCommon = edges.filter((edge) => edge.from === 'common');
    expect(fromCommon.map((edge) => `common -> ${edge.to} (${edge.file})`)).toEqual([]);
  });

  it('lets identity build only on the shared folders (common, config, db, runtime), never on a feature or the queue', () => {
    const shared = new Set(['common', 'config', 'db', 'runtime']);
    const fromIdentity = edges.filter((edge) => edge.from === 'identity' && !shared.has(edge.to));
    expect(fromIdentity.map((edge) => `identity -> ${edge.to} (${edge.file})`)).toEqual([]);
  });

  it('sees the imports it checks (a reader that finds none would pass everything)', () => {
    expect(edges).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: 'tasks', to: 'identity' })]),
    );
  });
});
