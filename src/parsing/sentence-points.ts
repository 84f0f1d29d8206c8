import {
  CAUSE_CUE,
  INLINE_LEAD,
  INLINE_LEAD_CONTEXT,
  isClosing,
  isGenericLead,
  isPlanPreamble,
  isStrongClosing,
  MEASURE_CUE,
  PLAN_CUE,
  PLAN_LEAD,
  startsNewPoint,
} from './cues';
import { LoosePassage, RawPoint, Reading, STOPPED, TRAILING } from './reading';
import { Segment, splitSegments } from './segments';
import { trimSpan } from './spans';
import { ItemKind } from './types';

const isIssue = (kind: ItemKind) => kind === 'problem' || kind === 'cause';

/**
 * The points in the sentences and `；` clauses of `span`: a sentence that states a new point starts one, others add
 * to the point before them. A closing stops the passage; `究其原因` switches problems to causes.
 */
export function readSentences(text: string, loose: LoosePassage, reading: Reading): void {
  const { span, paragraphStart, leadsList } = loose;
  const segments = splitSegments(text, span.start, span.end);
  let current: RawPoint | null = null;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const sentence = text.slice(segment.start, segment.end);
    const beforeList = leadsList && i === segments.length - 1;
    // The sentence before a problems list only announces it, unless it turns to causes, measures or plans.
    if (beforeList && isIssue(reading.kind)) return switchBeforeList(sentence, reading);
    const opensParagraph = paragraphStart && i === 0;
    if (opensParagraph) switchToAllowed(sentence, reading);
    if (closes(sentence, opensParagraph, reading)) {
      reading.mode = STOPPED;
      return;
    }
    let from = segment.start;
    const cause = reading.kind === 'problem' && !segment.afterSemicolon ? CAUSE_CUE.exec(sentence) : null;
    if (cause) {
      reading.kind = 'cause';
      from += cause[0].length;
      current = null;
    }
    if (beforeList) return;
    current = addSentence(text, segment, from, opensParagraph, current, reading);
  }
}

function switchBeforeList(sentence: string, reading: Reading): void {
  if (CAUSE_CUE.test(sentence)) reading.kind = 'cause';
  else if (MEASURE_CUE.test(sentence)) reading.kind = 'measure';
  else if (PLAN_CUE.test(sentence)) reading.kind = 'plan';
}

/** Problems and causes end at any closing; measures and plans at a strong one, or one opening a paragraph. */
function closes(sentence: string, opensParagraph: boolean, reading: Reading): boolean {
  if (isIssue(reading.kind)) return isClosing(sentence, reading.kind);
  return (
    reading.points.length > 0 &&
    (isStrongClosing(sentence) || (opensParagraph && isClosing(sentence, reading.kind)))
  );
}

/** One sentence or clause, from `from` on: a new point, more of `current`, or nothing (a lead-in); the point now read. */
function addSentence(
  text: string,
  segment: Segment,
  start: number,
  opensParagraph: boolean,
  current: RawPoint | null,
  reading: Reading,
): RawPoint | null {
  // After `；` inside a list a clause such as `执法能力与需求存在差距` is one more point, not a lead-in.
  const listClause =
    segment.afterSemicolon && current !== null && !/[：:]$/.test(text.slice(segment.start, segment.end));
  if (!listClause && isGenericLead(text.slice(start, segment.end))) return current;
  const first = current === null && reading.points.length === 0;
  // `2025年，我区将重点做好以下工作：坚持以……为指导，…` is a lead and a point; only what follows the lead is judged.
  const afterLead = text.slice(skipColonLead(text, start, segment.end), segment.end);
  if ((reading.kind === 'plan' || reading.kind === 'measure') && first && isPlanPreamble(afterLead))
    return current;
  const content = trimSpan(
    text,
    skipLead(text, start, segment.end, reading.kind, first),
    segment.end,
    TRAILING,
  );
  if (content.end - content.start < 2) return current;
  const clause = text.slice(content.start, content.end);
  const continuesClause = segment.afterSemicolon && /^(?:同时|并|且|从而|确保)/.test(clause);
  const nextPoint = segment.afterSemicolon ? !continuesClause : startsNewPoint(clause, reading.kind);
  if (current === null || opensParagraph || (!reading.paragraphPoints && nextPoint)) {
    const point: RawPoint = { kind: reading.kind, ...content, titleStart: content.start };
    reading.points.push(point);
    return point;
  }
  current.end = content.end;
  return current;
}

function skipColonLead(text: string, from: number, end: number): number {
  const sentence = text.slice(from, end);
  const colon = sentence.search(/[：:]/);
  return colon > 0 && colon < sentence.length - 1 && isGenericLead(sentence.slice(0, colon + 1))
    ? skipColonLead(text, from + colon + 1, end)
    : from;
}

/** Moves past `……存在一些问题，主要是`, `……如下：` and `下一步，我镇将` at the start of a point. */
function skipLead(text: string, from: number, end: number, kind: ItemKind, first: boolean): number {
  const afterColon = skipColonLead(text, from, end);
  if (afterColon !== from) return skipLead(text, afterColon, end, kind, first);
  const sentence = text.slice(from, end);
  if (first) {
    const inline = INLINE_LEAD.exec(sentence);
    if (inline && inline.index > 0 && INLINE_LEAD_CONTEXT.test(sentence.slice(0, inline.index))) {
      return from + inline.index + inline[0].length;
    }
  }
  if (kind === 'plan' || kind === 'measure') {
    const lead = PLAN_LEAD.exec(sentence);
    if (lead && lead[0].length > 0 && lead[0].length < sentence.length) return from + lead[0].length;
  }
  return from;
}

/** `下一步，……` opening a paragraph of a part that names plans too (存在的问题和下一步打算): the plans start here. */
function switchToAllowed(sentence: string, reading: Reading): void {
  if (PLAN_CUE.test(sentence) && reading.allowed.includes('plan') && reading.kind !== 'plan')
    reading.kind = 'plan';
  else if (MEASURE_CUE.test(sentence) && reading.allowed.includes('measure') && reading.kind !== 'measure')
    reading.kind = 'measure';
}
