import {
  CAUSE_CUE,
  isClosing,
  isHeadingLine,
  isMeasurePreamble,
  isNothing,
  isSignature,
  isStrongClosing,
  isTitledParagraph,
  PAIRED_PROBLEM_LINE,
} from './cues';
import { inlineCauseStart, Piece, piecesOf } from './pieces';
import { LoosePassage, RawPoint, Reading, SENTENCES, STOPPED, TRAILING } from './reading';
import { readSentences } from './sentence-points';
import { GUESSED_COLUMNS, headerColumns, readRow } from './table-rows';
import { Span, trimSpan } from './spans';
import { ItemKind } from './types';

export { inlineCauseStart } from './pieces';
export type { RawPoint } from './reading';

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
  const pieces = piecesOf(text, start, end, kind);
  if (kind === 'measure' && pieces.length > 1 && opensWithMeasurePreamble(text, pieces[0])) pieces.shift();
  const titled = pieces.filter(
    (piece) =>
      'loose' in piece &&
      piece.paragraphStart &&
      isTitledParagraph(text.slice(piece.loose.start, piece.loose.end)),
  );
  const reading: Reading = {
    kind,
    mode: SENTENCES,
    points: [],
    allowed,
    // Several paragraphs each opening with a short title sentence: every paragraph is one point with its explanation.
    paragraphPoints: titled.length >= 2,
  };
  for (let i = 0; i < pieces.length && reading.mode.name !== 'stopped'; i++) {
    const piece = pieces[i];
    if ('point' in piece) {
      enumeratedPoint(text, piece.point, reading);
      continue;
    }
    const next = pieces[i + 1];
    const leadsList = next !== undefined && 'point' in next && next.first;
    looseSpan(text, { span: piece.loose, paragraphStart: piece.paragraphStart, leadsList }, reading);
  }
  return reading.points;
}

/** A first paragraph of one sentence that only promises the measures below it. */
function opensWithMeasurePreamble(text: string, piece: Piece): boolean {
  if (!('loose' in piece) || !piece.paragraphStart) return false;
  const paragraph = text.slice(piece.loose.start, piece.loose.end).trim();
  const stop = paragraph.search(/[。！!]/);
  return (stop < 0 || stop === paragraph.length - 1) && isMeasurePreamble(paragraph);
}

/** `一是……`: one point; in a problems passage `一是……。究其原因，……` before `二是` makes a cause of its own too. */
function enumeratedPoint(text: string, point: Span & { markerEnd: number }, reading: Reading): void {
  const span = trimSpan(text, point.start, point.end, TRAILING);
  if (span.end <= point.markerEnd) return;
  const causeAt = reading.kind === 'problem' ? inlineCauseStart(text, point.markerEnd, span.end, 1) : null;
  if (causeAt === null) {
    reading.points.push({ kind: reading.kind, ...span, titleStart: point.markerEnd });
    return;
  }
  reading.points.push({
    kind: 'problem',
    ...trimSpan(text, span.start, causeAt, TRAILING),
    titleStart: point.markerEnd,
  });
  const cue = CAUSE_CUE.exec(text.slice(causeAt, span.end));
  reading.points.push({
    kind: 'cause',
    start: causeAt,
    end: span.end,
    titleStart: causeAt + (cue ? cue[0].length : 0),
  });
}

/** Text outside the inline lists: a paragraph, the part of one before a list, or the rest after one. */
function looseSpan(text: string, loose: LoosePassage, reading: Reading): void {
  const whole = text.slice(loose.span.start, loose.span.end).trim();
  if (isNothing(whole)) return;
  if (loose.paragraphStart && wholeParagraph(text, loose, whole, reading)) return;
  readSentences(text, loose, reading);
}

/**
 * A paragraph read as a whole, as the mode allows: the signature, a table row, a 问题/整改情况 line, a heading line or
 * the body under one. True when it was taken so; otherwise its sentences are read.
 */
function wholeParagraph(text: string, loose: LoosePassage, whole: string, reading: Reading): boolean {
  const { span } = loose;
  if (isSignature(whole)) {
    reading.mode = STOPPED;
    return true;
  }
  if (tableRow(text, span, whole, reading)) return true;
  if (reading.kind === 'measure' && answeredProblem(text, span, whole, reading)) return true;
  // `这主要是由于……。` is short enough to pass for a heading line, but it opens the cause of the problem before it.
  const opensCause = reading.kind === 'problem' && CAUSE_CUE.test(whole);
  return !opensCause && headingOrBody(text, loose, whole, reading);
}

/** A row of a table is one point, its header none. True when `span` was taken that way. */
function tableRow(text: string, span: Span, whole: string, reading: Reading): boolean {
  if (!whole.includes('\t')) {
    if (reading.mode.name === 'table') reading.mode = reading.mode.after;
    return false;
  }
  if (reading.mode.name !== 'table') {
    const header = headerColumns(whole.split('\t'), reading.kind);
    reading.mode = { name: 'table', columns: header ?? GUESSED_COLUMNS, after: reading.mode };
    if (header) return true;
  }
  const row = trimSpan(text, span.start, span.end, TRAILING);
  const { titleOffset, cells } = readRow(text.slice(row.start, row.end), reading.mode.columns);
  reading.points.push({ kind: reading.kind, ...row, titleStart: row.start + titleOffset, cells });
  return true;
}

const RECTIFIED_LABEL = /整改(?:情况|措施|结果)\s*[：:]/;

/**
 * `问题：执法人员持证比例偏低。` and then `整改情况：组织资格考试……`, on one line or two: one measure, titled by
 * what was done. True when `span` was taken that way.
 */
function answeredProblem(text: string, span: Span, whole: string, reading: Reading): boolean {
  const rectified = RECTIFIED_LABEL.exec(whole);
  if (reading.mode.name === 'question') {
    reading.mode = reading.mode.after;
    if (rectified && rectified.index === 0) {
      const last = reading.points[reading.points.length - 1];
      last.end = trimSpan(text, span.start, span.end, TRAILING).end;
      last.titleStart = span.start + rectified[0].length;
      return true;
    }
  }
  const problem = PAIRED_PROBLEM_LINE.exec(whole);
  if (!problem) return false;
  const point = trimSpan(text, span.start, span.end, TRAILING);
  const titleStart = span.start + (rectified ? rectified.index + rectified[0].length : problem[0].length);
  reading.points.push({ kind: 'measure', ...point, titleStart });
  if (!rectified) reading.mode = { name: 'question', after: reading.mode };
  return true;
}

/**
 * Points written as unnumbered heading lines, each followed by its body paragraph: the heading line starts
 * a point and the paragraphs up to the next heading line (or a closing) extend it. True when `span` was
 * taken that way.
 */
function headingOrBody(text: string, loose: LoosePassage, whole: string, reading: Reading): boolean {
  const { span, leadsList } = loose;
  // No table or 问题 line is open here: a line without tabs ended the table, and a 问题 line is only open in a
  // rectification part, whose next paragraph answers or drops it first.
  const { mode } = reading;
  const bodyOfHeading = mode.name === 'heading' && mode.bodyAwaited && whole.endsWith('。');
  if (!leadsList && isHeadingLine(whole) && !bodyOfHeading) {
    reading.points.push({ kind: reading.kind, ...span, titleStart: span.start });
    reading.mode = { name: 'heading', bodyAwaited: !whole.endsWith('。') };
    return true;
  }
  if (mode.name !== 'heading') return false;
  reading.mode = SENTENCES;
  if (leadsList || isStrongClosing(whole) || isClosing(whole, reading.kind)) return false;
  reading.points[reading.points.length - 1].end = trimSpan(text, span.start, span.end, TRAILING).end;
  reading.mode = { name: 'heading', bodyAwaited: false };
  return true;
}
