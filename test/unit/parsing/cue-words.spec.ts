import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as words from '../../../src/parsing/cue-words';

const PARSING = join(__dirname, '../../../src/parsing');
const sources = readdirSync(PARSING)
  .filter((name) => name.endsWith('.ts') && name !== 'cue-words.ts')
  .map((name) => ({ name, text: readFileSync(join(PARSING, name), 'utf8') }));
const lists = Object.entries(words).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]));

describe('the cue words are written once, in cue-words.ts', () => {
  test('no other parsing file spells out three entries of a list as an alternation', () => {
    const copies: string[] = [];
    for (const [listName, list] of lists)
      for (let i = 0; i + 3 <= list.length; i++) {
        const run = list.slice(i, i + 3).join('|');
        for (const { name, text } of sources)
          if (text.includes(run)) copies.push(`${name}: ${listName} ${run}`);
      }
    expect(copies).toEqual([]);
  });

  test('the 局 that is no office (格局, 大局) is excluded in one place, from the list of such words', () => {
    expect(sources.filter(({ text }) => /\(\?<!\[[^\]]+\]\)局/.test(text)).map(({ name }) => name)).toEqual(
      [],
    );
    expect(new RegExp(`^司法${words.anyOf(words.OFFICES)}$`).test('司法局')).toBe(true);
    for (const word of words.NOT_OFFICES)
      expect(new RegExp(`^新发展${words.anyOf(words.OFFICES)}$`).test(`新发展${word}`)).toBe(false);
  });

  test('no line of the parser holds a regex or list longer than 130 characters', () => {
    const long = sources.flatMap(({ name, text }) =>
      text
        .split('\n')
        .map((line, i) => ({ line, at: `${name}:${i + 1}` }))
        .filter(({ line }) => line.length > 130)
        .map(({ at }) => at),
    );
    expect(long).toEqual([]);
  });
});
