import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Finds a file relative to the repository root, from src/ (ts-node, jest) or dist/src/ (compiled) alike. */
export function findProjectFile(relativePath: string): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, relativePath);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`找不到项目文件 ${relativePath}`);
    dir = parent;
  }
}

export function projectRoot(): string {
  return dirname(findProjectFile('package.json'));
}
