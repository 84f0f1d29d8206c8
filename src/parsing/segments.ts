import { Span, trimSpan } from './spans';

export interface Segment extends Span {
  /** The segment follows a `；`, so it is a clause of the same sentence. */
  afterSemicolon: boolean;
}

const SENTENCE_END = '。！？!?';
const CLAUSE_END = '；;';
const CLOSERS = '”’」』）)"';
/** Every character that can end a segment; most characters are none of them, and this rules them out in one test. */
const BREAKS = new Set([...SENTENCE_END, ...CLAUSE_END, '\n']);

/** Sentences and `；` clauses of text[start, end), each ending with its own punctuation. */
export function splitSegments(text: string, start: number, end: number): Segment[] {
  const result: Segment[] = [];
  let segmentStart = start;
  let afterSemicolon = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (!BREAKS.has(c)) continue;
    const sentence = SENTENCE_END.includes(c);
    let stop = i + 1;
    while (sentence && stop < end && CLOSERS.includes(text[stop])) stop++;
    push(result, text, segmentStart, stop, afterSemicolon);
    afterSemicolon = CLAUSE_END.includes(c);
    segmentStart = stop;
    i = stop - 1;
  }
  push(result, text, segmentStart, end, afterSemicolon);
  return result;
}

function push(result: Segment[], text: string, start: number, end: number, afterSemicolon: boolean): void {
  const span = trimSpan(text, start, end);
  if (span.end > span.start) result.push({ ...span, afterSemicolon });
}
