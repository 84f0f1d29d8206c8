import {
  CAUSE_CUE,
  INLINE_LEAD,
  INLINE_LEAD_CONTEXT,
  isClosing,
  isGenericLead,
  isHeadingLine,
  isTitledParagraph,
  isMeasurePreamble,
  isNothing,
  isPlanPreamble,
  isSignature,
  isStrongClosing,
  MEASURE_CUE,
  PAIRED_PROBLEM_LINE,
  PLAN_CUE,
  PLAN_LEAD,
  startsNewPoint,
} from './cues';
import { EnumeratedPoint, findEnumerations } from './enumerations';
import { splitSegments } from './segments';
import { GUESSED_COLUMNS, headerColumns, readRow, RowCells, TableColumns } from './table-rows';
import { paragraphsIn, Span, trimSpan } from './spans';
import { ItemKind } from './types';

export interface RawPoint extends Span {
  kind: ItemKind;
  /** Where the title text starts (after an inline marker such as 一是). */
  titleStart: number;
  /** A table row's 责任单位 and 完成时限 cells. */
  cells?: RowCells;
}

type Piece = { point: EnumeratedPoint; first: boolean } | { loose: Span; paragraphStart: boolean };

interface State {
  kind: ItemKind;
  /** Kinds the section heading names besides the first (存在的问题和下一步打算): paragraphs may switch to them. */
  allowed: ItemKind[];
  points: RawPoint[];
  stopped: boolean;
  /** One point per paragraph (`执法力量较为薄弱。综合执法队现有人员5名，……`), not one per sentence. */
  paragraphPoints: boolean;
  /** The last point is an unnumbered heading line (提升综合行政执法水平): the paragraphs after it are its body. */
  headed: boolean;
  /** …written without a full stop and with nothing added yet, so a short sentence (`开展以案释法。`) is its body. */
  awaitsBody: boolean;
  /** Inside a table: its columns, from its header row or guessed. */
  table: TableColumns | null;
  /** The last point is a `问题：` line whose `整改情况：` line may follow. */
  answering: boolean;
}

const TRAILING = '；;，,、：:';

/**
 * The points of a passage that has no numbered sub-headings: one per inline enumerated point, and for
 * unnumbered paragraphs one per `；` clause or sentence that starts a new point. Lead-ins (但也存在一些
 * 不足：), closings (针对上述问题……加以解决) and signatures yield nothing; `究其原因` and similar cues switch
 * the kind of what follows.
 */
export function pointsInRegion(
  text: string,
  start: number,
  end: number,
  kind: ItemKind,
  allowed: ItemKind[] = [],
): RawPoint[] {
  const state: State = {
    kind,
    allowed,
    points: [],
    stopped: false,
    paragraphPoints: false,
    headed: false,
    awaitsBody: false,
    table: null,
    answering: false,
  };
  const pieces = piecesOf(text, start, end, kind);
  if (kind === 'measure' && pieces.length > 1 && opensWithMeasurePreamble(text, pieces[0])) pieces.shift();
  const titled = pieces.filter(
    (piece) =>
      'loose' in piece &&
      piece.paragraphStart &&
      isTitledParagraph(text.slice(piece.loose.start, piece.loose.end)),
  );
  // Several paragraphs each opening with a short title sentence: every paragraph is one point with its explanation.
  state.paragraphPoints = titled.length >= 2;
  pieces.forEach((piece, i) => {
    if (state.stopped) return;
    if ('point' in piece) {
      const span = trimSpan(text, piece.point.start, piece.point.end, TRAILING);
      if (span.end <= piece.point.markerEnd) return;
      // `一是……。究其原因，……` before `二是`: the point's own cause is an item of its own.
      const causeAt =
        state.kind === 'problem' ? inlineCauseStart(text, piece.point.markerEnd, span.end, 1) : null;
      if (causeAt === null) {
        state.points.push({ kind: state.kind, ...span, titleStart: piece.point.markerEnd });
        return;
      }
      state.points.push({
        kind: 'problem',
        ...trimSpan(text, span.start, causeAt, TRAILING),
        titleStart: piece.point.markerEnd,
      });
      const cue = CAUSE_CUE.exec(text.slice(causeAt, span.end));
      state.points.push({
        kind: 'cause',
        start: causeAt,
        end: span.end,
        titleStart: causeAt + (cue ? cue[0].length : 0),
      });
      return;
    }
    const next = pieces[i + 1];
    const leadsChain = next !== undefined && 'point' in next && next.first;
    looseSpan(text, piece.loose, piece.paragraphStart, leadsChain, state);
  });
  return state.points;
}

/** A first paragraph of one sentence that only promises the measures below it. */
function opensWithMeasurePreamble(text: string, piece: Piece): boolean {
  if (!('loose' in piece) || !piece.paragraphStart) return false;
  const paragraph = text.slice(piece.loose.start, piece.loose.end).trim();
  const stop = paragraph.search(/[。！!]/);
  return (stop < 0 || stop === paragraph.length - 1) && isMeasurePreamble(paragraph);
}

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

function piecesOf(text: string, start: number, end: number, kind: ItemKind): Piece[] {
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

function looseSpan(
  text: string,
  span: Span,
  paragraphStart: boolean,
  leadsChain: boolean,
  state: State,
): void {
  const whole = text.slice(span.start, span.end).trim();
  if (isNothing(whole)) return;
  if (paragraphStart && isSignature(whole)) {
    state.stopped = true;
    return;
  }
  if (paragraphStart && tableRowSpan(text, span, whole, state)) return;
  if (paragraphStart && state.kind === 'measure' && answeredProblemSpan(text, span, whole, state)) return;
  // `这主要是由于……。` is short enough to pass for a heading line, but it opens the cause of the problem before it.
  const opensCause = state.kind === 'problem' && CAUSE_CUE.test(whole);
  if (paragraphStart && !opensCause && headingLineSpan(text, span, whole, leadsChain, state)) return;
  const segments = splitSegments(text, span.start, span.end);
  let current: RawPoint | null = null;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const lastSegment = i === segments.length - 1;
    let from = segment.start;
    const sentence = text.slice(segment.start, segment.end);
    const issueKind = state.kind === 'problem' || state.kind === 'cause';

    if (issueKind && leadsChain && lastSegment) {
      if (CAUSE_CUE.test(sentence)) state.kind = 'cause';
      else if (MEASURE_CUE.test(sentence)) state.kind = 'measure';
      else if (PLAN_CUE.test(sentence)) state.kind = 'plan';
      return;
    }
    const opensParagraph = paragraphStart && i === 0;
    if (opensParagraph) {
      const switched = allowedSwitch(sentence, state);
      if (switched) {
        state.kind = switched;
        current = null;
      }
    }
    const closes =
      state.kind === 'problem' || state.kind === 'cause'
        ? isClosing(sentence, state.kind)
        : state.points.length > 0 &&
          (isStrongClosing(sentence) || (opensParagraph && isClosing(sentence, state.kind)));
    if (closes) {
      state.stopped = true;
      return;
    }
    if (state.kind === 'problem') {
      const cause = CAUSE_CUE.exec(sentence);
      if (cause && !segment.afterSemicolon) {
        state.kind = 'cause';
        from += cause[0].length;
        current = null;
      }
    }
    if (leadsChain && lastSegment) return;
    // After `；` inside a list a clause such as `执法能力与需求存在差距` is one more point, not a lead-in.
    const listClause = segment.afterSemicolon && current !== null && !/[：:]$/.test(sentence);
    if (!listClause && isGenericLead(text.slice(from, segment.end))) continue;
    // `2025年，我区将重点做好以下工作：坚持以……为指导，…` is a lead and a point; only what follows the lead is judged.
    const afterLead = text.slice(skipColonLead(text, from, segment.end), segment.end);
    if (
      (state.kind === 'plan' || state.kind === 'measure') &&
      state.points.length === 0 &&
      current === null &&
      isPlanPreamble(afterLead)
    )
      continue;
    from = skipLead(text, from, segment.end, state.kind, current === null && state.points.length === 0);
    const content = trimSpan(text, from, segment.end, TRAILING);
    if (content.end - content.start < 2) continue;
    const clause = text.slice(content.start, content.end);
    const continuesClause = segment.afterSemicolon && /^(?:同时|并|且|从而|确保)/.test(clause);
    const nextPoint = segment.afterSemicolon ? !continuesClause : startsNewPoint(clause, state.kind);
    const startsNew = current === null || opensParagraph || (!state.paragraphPoints && nextPoint);
    if (startsNew) {
      current = { kind: state.kind, ...content, titleStart: content.start };
      state.points.push(current);
    } else if (current) {
      current.end = content.end;
    }
  }
}

const RECTIFIED_LABEL = /整改(?:情况|措施|结果)\s*[：:]/;

/**
 * `问题：执法人员持证比例偏低。` and then `整改情况：组织资格考试……`, on one line or two: one measure, titled by
 * what was done. True when `span` was taken that way.
 */
function answeredProblemSpan(text: string, span: Span, whole: string, state: State): boolean {
  const last = state.points[state.points.length - 1];
  const rectified = RECTIFIED_LABEL.exec(whole);
  if (state.answering && last && rectified && rectified.index === 0) {
    last.end = trimSpan(text, span.start, span.end, TRAILING).end;
    last.titleStart = span.start + rectified[0].length;
    state.answering = false;
    return true;
  }
  state.answering = false;
  const problem = PAIRED_PROBLEM_LINE.exec(whole);
  if (!problem) return false;
  const point = trimSpan(text, span.start, span.end, TRAILING);
  const titleStart = span.start + (rectified ? rectified.index + rectified[0].length : problem[0].length);
  state.points.push({ kind: 'measure', ...point, titleStart });
  state.answering = !rectified;
  return true;
}

/** A row of a table is one point, its header none. True when `span` was taken that way. */
function tableRowSpan(text: string, span: Span, whole: string, state: State): boolean {
  if (!whole.includes('\t')) {
    state.table = null;
    return false;
  }
  if (state.table === null) {
    state.table = headerColumns(whole.split('\t'), state.kind);
    if (state.table) return true;
    state.table = GUESSED_COLUMNS;
  }
  const row = trimSpan(text, span.start, span.end, TRAILING);
  const { titleOffset, cells } = readRow(text.slice(row.start, row.end), state.table);
  state.points.push({ kind: state.kind, ...row, titleStart: row.start + titleOffset, cells });
  return true;
}

/**
 * Points written as unnumbered heading lines, each followed by its body paragraph: the heading line starts
 * a point and the paragraphs up to the next heading line (or a closing) extend it. True when `span` was
 * taken that way.
 */
function headingLineSpan(
  text: string,
  span: Span,
  whole: string,
  leadsChain: boolean,
  state: State,
): boolean {
  const bodyOfHeading = state.awaitsBody && whole.endsWith('。');
  if (!leadsChain && isHeadingLine(whole) && !bodyOfHeading) {
    state.points.push({ kind: state.kind, ...span, titleStart: span.start });
    state.headed = true;
    state.awaitsBody = !whole.endsWith('。');
    return true;
  }
  if (!state.headed) return false;
  state.headed = false;
  state.awaitsBody = false;
  if (leadsChain || isStrongClosing(whole) || isClosing(whole, state.kind)) return false;
  state.points[state.points.length - 1].end = trimSpan(text, span.start, span.end, TRAILING).end;
  state.headed = true;
  return true;
}

function allowedSwitch(sentence: string, state: State): ItemKind | null {
  if (PLAN_CUE.test(sentence) && state.allowed.includes('plan') && state.kind !== 'plan') return 'plan';
  if (MEASURE_CUE.test(sentence) && state.allowed.includes('measure') && state.kind !== 'measure')
    return 'measure';
  return null;
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
