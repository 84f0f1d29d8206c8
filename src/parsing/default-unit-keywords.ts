import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UnitKeywords } from './types';

const DICTIONARY = join('config', 'unit-keywords.json');

let cached: UnitKeywords[] | null = null;

/** The default keyword → unit dictionary, `config/unit-keywords.json`, found from src/ and dist/src/ alike. */
export function defaultUnitKeywords(): UnitKeywords[] {
  if (cached) return cached;
  const file = findUpwards(__dirname, DICTIONARY);
  cached = file ? validUnits(JSON.parse(readFileSync(file, 'utf8'))) : [];
  return cached;
}

function findUpwards(from: string, relative: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

function validUnits(data: unknown): UnitKeywords[] {
  if (!Array.isArray(data)) throw new Error(`${DICTIONARY} 应是 {name, keywords} 的数组`);
  return data.map((entry, i) => {
    const unit = entry as Partial<UnitKeywords>;
    if (
      typeof unit.name !== 'string' ||
      !Array.isArray(unit.keywords) ||
      unit.keywords.some((k) => typeof k !== 'string')
    ) {
      throw new Error(`${DICTIONARY} 第 ${i + 1} 项应有 name 和 keywords（字符串数组）`);
    }
    return { name: unit.name, keywords: unit.keywords };
  });
}
