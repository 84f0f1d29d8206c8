export interface Span {
  start: number;
  end: number;
}

/** The characters of `\s`, by code, because testing a regex per character dominated trimming. */
function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Non-empty lines of `text` clipped to [start, end). */
export function paragraphsIn(text: string, start: number, end: number): Span[] {
  const result: Span[] = [];
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const span = trimSpan(text, lineStart, lineEnd);
    if (span.end > span.start) result.push(span);
    lineStart = lineEnd + 1;
  }
  return result;
}

/** Shrinks [start, end) past white space, and past `trailing` characters at the end. */
export function trimSpan(text: string, start: number, end: number, trailing = ''): Span {
  let s = start;
  let e = end;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && (isSpaceCode(text.charCodeAt(e - 1)) || trailing.includes(text[e - 1]))) e--;
  return { start: s, end: e };
}

/** Offsets of the lines of `text` (without their `\n`). */
export function lineSpans(text: string): Span[] {
  const result: Span[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end < 0) {
      result.push({ start, end: text.length });
      return result;
    }
    result.push({ start, end });
    start = end + 1;
  }
}
