import { unwrapHardWrappedLines } from './unwrap-lines';

// eslint-disable-next-line no-control-regex -- vertical tab and form feed are line breaks in converted text
const LINE_BREAKS = /\r\n|[\r\u000B\u000C\u0085\u2028\u2029]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;
// Left behind by Word-to-text converters, e.g. `[bookmark: _GoBack]`.
const ARTEFACT = /\[(?:bookmark|anchor|_GoBack)[^\]\n]{0,80}\]/gi;
const WIDE_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
// Page footers of documents printed to text: `- 3 -`, `—3—`, `第3页 共8页`.
const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?)$/;
// ⑴ … ⒇, one character each, are the （1） … （20） of some fonts.
const PARENTHESIZED_DIGIT = /[\u2474-\u2487]/g;
const SPACES = /[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
const MIN_TABLE_CELLS = 3;
// `【四、2025年工作安排】`: a heading set off by brackets is the heading.
const BRACKETED_LINE = /^[【〖「『]([^【】〖〗「」『』\n]+)[】〗」』]$/;

/**
 * Brings converted report text into one canonical shape: `\n` line ends, ASCII digits and letters,
 * full-width round brackets, no indentation or trailing blanks, table cells apart by tabs, at most one blank line in a row.
 * Idempotent, so offsets computed on its output stay valid when it is applied again.
 */
export function normalizeText(raw: string): string {
  let text = raw.replace(LINE_BREAKS, '\n').replace(INVISIBLE, '').replace(CONTROL, '');
  for (let guard = 0; guard < 5; guard++) {
    const cleaned = text.replace(ARTEFACT, '');
    if (cleaned === text) break;
    text = cleaned;
  }
  text = text
    .replace(WIDE_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[(\uFE59]/g, '（')
    .replace(/[)\uFE5A]/g, '）')
    .replace(/(\d)\uFF0E/g, '$1.')
    .replace(PARENTHESIZED_DIGIT, (c) => `（${c.charCodeAt(0) - 0x2473}）`)
    .replace(/\uFF64/g, '、');
  const lines = unwrapHardWrappedLines(text.split('\n'), (line) => PAGE_NUMBER.test(line)).map((line) =>
    collapseSpaces(line).replace(BRACKETED_LINE, '$1'),
  );
  const kept: string[] = [];
  for (const line of lines) {
    if (PAGE_NUMBER.test(line)) continue;
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}

function collapseSpaces(line: string): string {
  // Three or more cells make a row of a table (序号	问题	整改措施	责任单位), whose tabs are kept.
  const row =
    line.includes('\t') && line.split('\t').filter((cell) => cell.trim() !== '').length >= MIN_TABLE_CELLS;
  if (!row) return line.replace(SPACES, ' ').trim();
  // Every tab is kept, a leading one too: an empty cell keeps the cells after it in their columns.
  return line
    .replace(SPACES, (run) => (run.includes('\t') ? run.replace(/[^\t]/g, '') : ' '))
    .replace(/^ +| +$|\t+$/g, '');
}
