import { classifyLabel } from './sections';
import { markerValue } from './numerals';

/**
 * Numbering styles of Chinese official documents, outermost first:
 * 第一部分 > 一、 > （一） > 问题一： > 1. / 1、 > （1） > ①.
 */
export type MarkerStyle = 'cnOrdinal' | 'cn' | 'cnParen' | 'issueNumber' | 'num' | 'numParen' | 'circled';

export const STYLE_RANK: Record<MarkerStyle, number> = {
  cnOrdinal: 0,
  cn: 1,
  cnParen: 2,
  issueNumber: 2.5,
  num: 3,
  numParen: 4,
  circled: 5,
};

export interface LineMarker {
  style: MarkerStyle;
  value: number;
  /** Characters taken by the marker and the punctuation and blanks after it. */
  length: number;
}

const CN = '[一二三四五六七八九十]{1,3}';
const LINE_MARKERS: Array<[MarkerStyle, RegExp]> = [
  ['cnOrdinal', new RegExp(`^第(${CN})(?:部分|章|节)\\s*[、，,.．：:]?\\s*`)],
  ['cn', new RegExp(`^(${CN})\\s*[、，,.．：:]\\s*`)],
  ['cnParen', new RegExp(`^（(${CN})）\\s*[、，,.．]?\\s*`)],
  ['cnParen', new RegExp(`^(${CN})）\\s*`)],
  // `问题一：……` opens one problem, followed by its own `原因：` and `整改措施：` blocks.
  ['issueNumber', new RegExp(`^问题\\s*(${CN}|\\d{1,2})\\s*[：:、.．]\\s*`)],
  ['numParen', /^（(\d{1,2})）\s*[、，,.．]?\s*/],
  ['numParen', /^(\d{1,2})）\s*/],
  ['num', /^(\d{1,2})\s*[、.．,，](?!\d)\s*/],
  ['circled', /^([\u2460-\u2473])\s*/],
];

/** The numbering marker a line starts with, if any. */
export function detectLineMarker(line: string): LineMarker | null {
  for (const [style, pattern] of LINE_MARKERS) {
    const match = pattern.exec(line);
    if (!match) continue;
    const value = markerValue(match[1]);
    if (!Number.isFinite(value) || value <= 0) continue;
    if (match[0].length >= line.length) continue;
    return { style, value, length: match[0].length };
  }
  return null;
}

export interface HeadingSplit {
  /** Offset just after the heading text (before its closing punctuation). */
  headingEnd: number;
  /** Offset where the text that follows the heading starts (same line or the next). */
  bodyStart: number;
}

const SENTENCE_END = /[。！？!?]/;
const MAX_LABEL_HEADING = 30;

/**
 * Splits a numbered line into its heading and the body text that may follow on the same line:
 * `（一）着力提升法治思维。增强…` → heading `着力提升法治思维`, body `增强…`;
 * `（一）存在的问题：一是…` → heading `存在的问题`; a line without such a break is all heading.
 */
export function splitHeading(text: string, from: number, lineEnd: number): HeadingSplit {
  const rest = text.slice(from, lineEnd);
  const sentence = rest.search(SENTENCE_END);
  const colon = rest.search(/[：:]/);
  const opener = listOpenerAfterLabel(rest);
  if (opener > 0 && (sentence < 0 || opener < sentence) && (colon < 0 || opener < colon)) {
    return { headingEnd: from + rest.slice(0, opener).trimEnd().length, bodyStart: from + opener };
  }
  if (colon > 0 && colon <= MAX_LABEL_HEADING && (sentence < 0 || colon < sentence)) {
    return { headingEnd: from + colon, bodyStart: from + colon + 1 };
  }
  if (sentence > 0 && rest.slice(sentence + 1).trim() !== '') {
    return { headingEnd: from + sentence, bodyStart: from + sentence + 1 };
  }
  let end = lineEnd;
  while (end > from && /[。.；;，,：:！!？?\s]/.test(text[end - 1])) end--;
  return { headingEnd: end, bodyStart: lineEnd };
}

const LIST_OPENER = /一是|一要|首先[，,]|第一[，,]|1[.、．](?!\d)|（一）|（1）|①/;

/**
 * `存在的问题 一是……`, `存在的问题一是……`: where a list starts right after the heading with no stop between,
 * written after a blank or after a section label (a topic such as 坚持统一是关键 is left whole).
 */
function listOpenerAfterLabel(rest: string): number {
  const match = LIST_OPENER.exec(rest);
  if (!match || match.index < 2 || match.index > MAX_LABEL_HEADING) return -1;
  const label = rest.slice(0, match.index);
  return label.endsWith(' ') || classifyLabel(label).length > 0 ? match.index : -1;
}
