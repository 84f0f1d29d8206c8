import { detectLineMarker } from './headings';

const INDENT = /^(?:\u3000| {2})/;
const BLANKS = /^[\s\u3000]*$/;
const MIN_WRAPPED_LINES = 8;
const MIN_WRAPPED_SHARE = 0.4;
const MIN_INDENTED_LINES = 3;

type Width = (line: string) => number;

const characters: Width = (line) => {
  let count = 0;
  for (const _char of line) count++;
  return count;
};
/** As printed: CJK characters and full-width punctuation take two columns, ASCII one. */
const columns: Width = (line) => {
  let width = 0;
  for (const char of line) width += char.charCodeAt(0) < 0x2e80 ? 1 : 2;
  return width;
};

/**
 * Text copied out of a PDF breaks every line at the page width (`…区级政务服务事项全程网办率达到9` / `7.3%，…`),
 * with paragraphs marked only by their indent. Such lines are joined back into their paragraphs: a line as wide
 * as the page continues on the next one unless that is indented, blank or numbered. Text whose lines do not
 * cluster at one width, or that has no indented paragraphs (as every normalized text), is returned unchanged.
 */
export function unwrapHardWrappedLines(lines: string[], isDropped: (line: string) => boolean): string[] {
  const trimmed = lines.map((line) => line.replace(/[\s\u3000]+$/, ''));
  if (trimmed.filter((line) => INDENT.test(line) && !BLANKS.test(line)).length < MIN_INDENTED_LINES)
    return lines;
  const isFull = wrapWidthTest(trimmed.filter((line) => !BLANKS.test(line) && !isDropped(line.trim())));
  if (!isFull) return lines;
  const result: string[] = [];
  for (let i = 0; i < trimmed.length; i++) {
    let paragraph = trimmed[i];
    let last = trimmed[i];
    while (!BLANKS.test(last) && isFull(last)) {
      let next = i + 1;
      let footer = false;
      while (next < trimmed.length && (BLANKS.test(trimmed[next]) || isDropped(trimmed[next].trim()))) {
        footer ||= isDropped(trimmed[next].trim());
        next++;
      }
      // Blank lines alone end a paragraph; only a page footer may stand between a line and its continuation.
      if (next >= trimmed.length || (next !== i + 1 && !footer) || !continues(trimmed[next])) break;
      paragraph += trimmed[next].trim();
      last = trimmed[next];
      i = next;
    }
    result.push(paragraph);
  }
  return result;
}

function continues(line: string): boolean {
  return !INDENT.test(line) && detectLineMarker(line.trim()) === null;
}

/** The line width most lines share, by characters or by printed columns, as a test; null when none does. */
function wrapWidthTest(lines: string[]): ((line: string) => boolean) | null {
  let best: { count: number; test: (line: string) => boolean } | null = null;
  for (const [width, slack] of [
    [characters, 0],
    [columns, 2],
  ] as Array<[Width, number]>) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const w = width(line);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    for (const top of counts.keys()) {
      let count = 0;
      for (let w = top - slack; w <= top; w++) count += counts.get(w) ?? 0;
      if (!best || count > best.count)
        best = { count, test: (line) => width(line) >= top - slack && width(line) <= top };
    }
  }
  if (!best || best.count < MIN_WRAPPED_LINES || best.count < lines.length * MIN_WRAPPED_SHARE) return null;
  return best.test;
}
