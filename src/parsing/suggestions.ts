import { UnitKeywords } from './types';

const MAX_UNITS = 3;
const TITLE_WEIGHT = 3;

interface CompiledUnit {
  name: string;
  pattern: RegExp | null;
}

const compiledCache = new WeakMap<UnitKeywords[], CompiledUnit[]>();

/**
 * Units whose keywords the item mentions, best match first; a keyword in the title counts more. Units the item
 * names outright (由党政办牵头) come before any guessed from keywords, in the order it names them.
 */
export function suggestUnits(title: string, text: string, units: UnitKeywords[]): string[] {
  const named = unitsNamedIn(`${title}\n${text}`, units);
  const scored: Array<{ name: string; score: number; order: number }> = [];
  compiled(units).forEach((unit, order) => {
    if (!unit.pattern || named.includes(unit.name)) return;
    const score = TITLE_WEIGHT * matches(title, unit.pattern) + matches(text, unit.pattern);
    if (score > 0) scored.push({ name: unit.name, score, order });
  });
  const guessed = scored.sort((a, b) => b.score - a.score || a.order - b.order).map((unit) => unit.name);
  return [...named, ...guessed].slice(0, MAX_UNITS);
}

/** A table row's 责任单位 cell: the units it names, else the cell weighed as the title, by keywords. */
export function unitsOfCell(cell: string, title: string, text: string, units: UnitKeywords[]): string[] {
  const named = unitsNamedIn(cell, units);
  return named.length > 0 ? named.slice(0, MAX_UNITS) : suggestUnits(`${cell}${title}`, text, units);
}

/** The units whose names `haystack` contains, in the order it names them. */
function unitsNamedIn(haystack: string, units: UnitKeywords[]): string[] {
  return units
    .map((unit) => ({ name: unit.name, at: unit.name.trim() === '' ? -1 : haystack.indexOf(unit.name) }))
    .filter((unit) => unit.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((unit) => unit.name);
}

function compiled(units: UnitKeywords[]): CompiledUnit[] {
  let result = compiledCache.get(units);
  if (!result) {
    result = units.map((unit) => {
      const keywords = unit.keywords.filter((k) => k.trim() !== '').sort((a, b) => b.length - a.length);
      const source = keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
      return { name: unit.name, pattern: source ? new RegExp(source, 'g') : null };
    });
    compiledCache.set(units, result);
  }
  return result;
}

function matches(haystack: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(haystack)) count++;
  return count;
}
