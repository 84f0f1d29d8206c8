import { markerValue } from './numerals';
import { Span } from './spans';

/** One point of an inline enumeration such as `一是……二是……`; [start, end) includes its marker. */
export interface EnumeratedPoint extends Span {
  markerEnd: number;
}

export interface Enumeration extends Span {
  points: EnumeratedPoint[];
}

type MarkerFamily =
  'shi' | 'yao' | 'ordinal' | 'aspect' | 'both' | 'di' | 'circled' | 'cnParen' | 'numParen' | 'num';

interface Candidate {
  family: MarkerFamily;
  /** Position in the list; 0 means "the next one" (再次), -1 "the last one" (最后). */
  value: number;
  start: number;
  markerEnd: number;
}

/** What may precede a marker (besides the start of the region): a clause or line break, a space or a closing quote. */
const CLAUSE_BOUNDARY = /[\n。；;：:，,！？!?、\s）”"]/;
const SENTENCE_BOUNDARY = /[\n。；;：:]/;
const CN = '[一二三四五六七八九十]{1,3}';
// The boundaries are checked in code rather than with lookbehinds: V8 ran these patterns 4 to 15 times slower
// with a lookbehind in front, and they scan every problem and plan paragraph.
const PATTERNS: Array<[MarkerFamily, RegExp, RegExp | null]> = [
  ['shi', new RegExp(`(${CN})是`, 'g'), CLAUSE_BOUNDARY],
  ['yao', new RegExp(`(${CN})要(?=[^求点素件])`, 'g'), CLAUSE_BOUNDARY],
  [
    'ordinal',
    /(首先|其次|再次|再者|然后|此外|最后)(?=[，,、：:]|要|是|还|在|对|从|加强|进一步|持续)/g,
    CLAUSE_BOUNDARY,
  ],
  ['aspect', /(一方面|另一方面)/g, CLAUSE_BOUNDARY],
  ['both', /(既有|也有|又有)/g, CLAUSE_BOUNDARY],
  ['di', new RegExp(`第(${CN})(?=[，,、：:])`, 'g'), CLAUSE_BOUNDARY],
  ['circled', /([\u2460-\u2473])/g, null],
  ['cnParen', new RegExp(`（(${CN})）`, 'g'), CLAUSE_BOUNDARY],
  ['numParen', /（(\d{1,2})）/g, CLAUSE_BOUNDARY],
  ['num', /(\d{1,2})[、.．](?!\d)/g, SENTENCE_BOUNDARY],
];

const WORD_VALUES: Record<string, number> = {
  首先: 1,
  其次: 2,
  再次: 0,
  再者: 0,
  然后: 0,
  此外: 0,
  最后: -1,
  一方面: 1,
  另一方面: 2,
  既有: 1,
  也有: 2,
  又有: 2,
};
const SINGLE_POINT_FAMILIES: MarkerFamily[] = ['shi', 'yao'];

/**
 * Finds the inline enumerations of text[start, end): `一是…二是…`, `首先…其次…最后…`, `第一，…第二，…`,
 * `①…②…`, `（1）…（2）…`. Points must count up from the first; an enumeration nested inside a point of
 * another is left to that point. The last point ends with its paragraph.
 */
export function findEnumerations(text: string, start: number, end: number): Enumeration[] {
  const region = text.slice(start, end);
  const chains: Enumeration[] = [];
  for (const [family, pattern, boundary] of PATTERNS) {
    const candidates: Candidate[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(region); m; m = pattern.exec(region)) {
      if (boundary && m.index > 0 && !boundary.test(region[m.index - 1])) {
        // As a lookbehind would: try again from the next position, not from after this match.
        pattern.lastIndex = m.index + 1;
        continue;
      }
      const value = m[1] in WORD_VALUES ? WORD_VALUES[m[1]] : markerValue(m[1]);
      if (Number.isNaN(value)) continue;
      // `原因，既有客观因素，也有主观因素` names two causes; elsewhere 既有…也有… is one point's wording.
      if (family === 'both' && value === 1 && !namesCauseBefore(region, m.index)) continue;
      candidates.push({ family, value, start: start + m.index, markerEnd: start + m.index + m[0].length });
    }
    const found = chainsOf(text, candidates, end);
    // `既有客观方面的因素，也有主观方面的因素。从客观上看，……` only announces the causes the sentences after it give.
    chains.push(...(family === 'both' ? found.filter((chain) => endsWithItsSentence(text, chain)) : found));
  }
  chains.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Enumeration[] = [];
  for (const chain of chains) {
    const last = chosen[chosen.length - 1];
    if (last && chain.start < last.end) continue;
    chosen.push(chain);
  }
  return chosen;
}

function endsWithItsSentence(text: string, chain: Enumeration): boolean {
  const last = chain.points[chain.points.length - 1];
  const stop = text.slice(last.start, chain.end).search(/[。！？]/);
  return stop < 0 || text.slice(last.start + stop + 1, chain.end).trim() === '';
}

function namesCauseBefore(region: string, index: number): boolean {
  const sentenceStart = Math.max(region.lastIndexOf('。', index), region.lastIndexOf('\n', index)) + 1;
  return /原因|根源|成因|因素/.test(region.slice(sentenceStart, index));
}

function chainsOf(text: string, candidates: Candidate[], regionEnd: number): Enumeration[] {
  const lists: Candidate[][] = [];
  let current: Candidate[] | null = null;
  for (const candidate of candidates) {
    const previous = current ? current[current.length - 1] : null;
    if (candidate.value === 1) {
      current = [candidate];
      lists.push(current);
    } else if (current && previous && follows(previous, candidate, current.length)) {
      current.push(candidate);
      if (candidate.value === -1) current = null;
    }
  }
  const minimum = (list: Candidate[]) => (SINGLE_POINT_FAMILIES.includes(list[0].family) ? 1 : 2);
  const valid = lists.filter((list) => list.length >= minimum(list));
  return valid.map((list, i) => {
    const next = valid[i + 1];
    const lastStart = list[list.length - 1].start;
    let chainEnd = paragraphEnd(text, lastStart, regionEnd);
    if (next && next[0].start < chainEnd) chainEnd = next[0].start;
    const points = list.map((c, j) => ({
      start: c.start,
      markerEnd: c.markerEnd,
      end: j + 1 < list.length ? list[j + 1].start : chainEnd,
    }));
    return { start: list[0].start, end: chainEnd, points };
  });
}

function follows(previous: Candidate, candidate: Candidate, length: number): boolean {
  if (candidate.value === 0) return length >= 2;
  if (candidate.value === -1) return true;
  return candidate.value === previous.value + 1;
}

function paragraphEnd(text: string, from: number, limit: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 || newline > limit ? limit : newline;
}
