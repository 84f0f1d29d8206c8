import { CAUSE_CUE, isClosing, isSignature, isStrongClosing, MEASURE_CUE, PLAN_CUE } from './cues';
import { EnumeratedPoint, findEnumerations } from './enumerations';
import { splitSegments } from './segments';
import { paragraphsIn, Span } from './spans';
import { ItemKind } from './types';

/** A passage in reading order: the points of its inline lists (一是…二是…) and the text outside them. */
export type Piece = { point: EnumeratedPoint; first: boolean } | { loose: Span; paragraphStart: boolean };

/**
 * Where a `究其原因` sentence starts inside text[from, end), from its `skip`-th sentence on (a point's first
 * sentence states the problem), or null.
 */
export function inlineCauseStart(text: string, from: number, end: number, skip = 0): number | null {
  const segments = splitSegments(text, from, end);
  const cue = segments
    .slice(skip)
    .find((segment) => !segment.afterSemicolon && CAUSE_CUE.test(text.slice(segment.start, segment.end)));
  if (cue) return cue.start;
  // `一是公众参与不够充分，主要原因是渠道单一；`: a clause that says outright it is the cause.
  const first = segments[0];
  const clause = first ? CAUSE_CLAUSE.exec(text.slice(first.start, first.end)) : null;
  return clause ? first.start + clause.index + 1 : null;
}

const CAUSE_CLAUSE = /[，,](?=(?:其|这|主要|根本)?(?:主要)?原因(?:是|在于|主要是))/;

export function piecesOf(text: string, start: number, end: number, kind: ItemKind): Piece[] {
  const chains = findEnumerations(text, start, end);
  for (const chain of chains) {
    const last = chain.points[chain.points.length - 1];
    last.end = cutAtSwitch(text, last, kind);
    chain.end = last.end;
  }
  const pieces: Array<Piece & { at: number }> = [];
  for (const chain of chains)
    chain.points.forEach((point, j) => pieces.push({ point, first: j === 0, at: point.start }));
  let next = 0;
  for (const paragraph of paragraphsIn(text, start, end)) {
    let cursor = paragraph.start;
    while (next < chains.length && chains[next].end <= cursor) next++;
    for (let c = next; c < chains.length && chains[c].start < paragraph.end; c++) {
      const chain = chains[c];
      if (chain.start > cursor)
        pieces.push({
          loose: { start: cursor, end: chain.start },
          paragraphStart: cursor === paragraph.start,
          at: cursor,
        });
      cursor = Math.max(cursor, chain.end);
    }
    if (cursor < paragraph.end)
      pieces.push({
        loose: { start: cursor, end: paragraph.end },
        paragraphStart: cursor === paragraph.start,
        at: cursor,
      });
  }
  return pieces.sort((a, b) => a.at - b.at);
}

/** The last point of a list ends where a closing or a switch to causes or measures begins. */
function cutAtSwitch(text: string, point: EnumeratedPoint, kind: ItemKind): number {
  const segments = splitSegments(text, point.markerEnd, point.end);
  for (let i = 1; i < segments.length; i++) {
    const sentence = text.slice(segments[i].start, segments[i].end);
    if (segments[i].afterSemicolon) continue;
    const issue = kind === 'problem' || kind === 'cause';
    const switches =
      issue && (CAUSE_CUE.test(sentence) || MEASURE_CUE.test(sentence) || PLAN_CUE.test(sentence));
    if (switches || (issue ? isClosing(sentence, kind) : isStrongClosing(sentence)) || isSignature(sentence))
      return segments[i].start;
  }
  return point.end;
}
