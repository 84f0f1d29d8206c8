import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectFile } from '../config/project-root';
import { UnitKeywords } from './types';

const DICTIONARY = join('config', 'unit-keywords.json');

let cached: UnitKeywords[] | null = null;

/** The default keyword → unit dictionary, `config/unit-keywords.json`. */
export function defaultUnitKeywords(): UnitKeywords[] {
  cached ??= validUnits(JSON.parse(readFileSync(findProjectFile(DICTIONARY), 'utf8')));
  return cached;
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
