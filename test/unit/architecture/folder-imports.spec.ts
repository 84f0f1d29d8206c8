import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = resolve(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Each source file (relative to src/) with the source files it imports, type-only imports included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:import|export)[^;]*?from\s+'(\.[^']+)'/g)].map((match) =>
      relative(SRC, resolve(dirname(file), match[1])).concat('.ts'),
    );
    graph.set(relative(SRC, file), targets);
  }
  return graph;
}

const folderOf = (file: string) => (file.includes(sep) ? file.split(sep)[0] : '(root)');

describe('folder dependencies', () => {
  const graph = importGraph();

  it('common imports no other folder: it is what features build on', () => {
    const outside = [...graph]
      .filter(([file]) => folderOf(file) === 'common')
      .flatMap(([file, targets]) =>
        targets.filter((t) => folderOf(t) !== 'common').map((t) => `${file} → ${t}`),
      );
    expect(outside).toEqual([]);
  });

  it('identity imports only the shared folders (common, config, db, runtime), never a feature or the queue', () => {
    const allowed = new Set(['identity', 'common', 'config', 'db', 'runtime']);
    const outside = [...graph]
      .filter(([file]) => folderOf(file) === 'identity')
      .flatMap(([file, targets]) =>
        targets.filter((t) => !allowed.has(folderOf(t))).map((t) => `${file} → ${t}`),
      );
    expect(outside).toEqual([]);
  });

  it('nothing identity imports leads back into identity', () => {
    const loops: string[] = [];
    for (const [file, targets] of graph) {
      if (folderOf(file) !== 'identity') continue;
      const seen = new Set<string>();
      const pending = targets.filter((t) => folderOf(t) !== 'identity');
      while (pending.length) {
        const next = pending.pop()!;
        if (seen.has(next)) continue;
        seen.add(next);
        for (const target of graph.get(next) ?? []) {
          if (folderOf(target) === 'identity') loops.push(`${file} → … → ${next} → ${target}`);
          else pending.push(target);
        }
      }
    }
    expect(loops).toEqual([]);
  });
});
