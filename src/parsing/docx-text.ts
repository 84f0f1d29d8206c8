import { detectLineMarker, STYLE_RANK } from './headings';

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'table', 'ol', 'ul', 'br']);
const TOKEN = /<(\/?)([a-zA-Z0-9]+)[^>]*>|([^<]+)/g;
const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Plain text of the HTML mammoth makes of a .docx, one paragraph a line. Word's automatic numbering is
 * not in the text, so numbered list items get the marker of their level in official documents:
 * 一、 > （一） > 1. > （1）, counted across the body paragraphs between them as Word does. A list that first
 * shows up under a typed heading (五、下一步工作打算) starts one level below it, and a typed heading above the
 * list's level starts its count again: the points of 五、 are （一）（二）, not top-level parts 六、七、.
 */
export function htmlToReportText(html: string): string {
  const lines: string[] = [];
  let line = '';
  const lists: Array<'ol' | 'ul'> = [];
  const counters: number[] = [];
  let pendingMarker: number | null = null;
  let cellDepth = 0;
  /** Rank of the last heading numbered by hand, and of the top level of the automatic numbering. */
  let typedRank: number | null = null;
  let listRank: number | null = null;
  let numbered = false;
  const flush = () => {
    // A row's leading tab stands for its empty first cell.
    if (line.trim() !== '') lines.push(line.replace(/^ +|\s+$/g, ''));
    const typed = numbered ? null : detectLineMarker(line.trim());
    if (typed) {
      typedRank = STYLE_RANK[typed.style];
      if (listRank !== null && typedRank < listRank) counters.length = 0;
    }
    line = '';
    numbered = false;
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const [, closing, rawTag, rawText] = m;
    if (rawText !== undefined) {
      const text = decodeEntities(rawText);
      if (pendingMarker !== null && line.trim() === '' && text.trim() !== '') {
        const depth = pendingMarker;
        counters[depth] = (counters[depth] ?? 0) + 1;
        counters.length = depth + 1;
        listRank ??= typedRank === null ? 1 : Math.floor(typedRank) + 1;
        const marker = markerFor(listRank + depth, counters[depth]);
        line = detectLineMarker(text.trim()) ? '' : marker;
        numbered = true;
        pendingMarker = null;
      }
      line += text;
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (tag === 'td' || tag === 'th') {
      // A table row is one line, its cells apart by tabs, as the parser reads tables.
      cellDepth = Math.max(0, cellDepth + (closing ? -1 : 1));
      if (closing) line = `${line.replace(/ +$/, '')}\t`;
    } else if (cellDepth > 0 && BLOCK.has(tag) && tag !== 'tr' && tag !== 'table') {
      if (line !== '' && !line.endsWith(' ') && !line.endsWith('\t')) line += ' ';
    } else if (tag === 'ol' || tag === 'ul') {
      flush();
      if (closing) lists.pop();
      else lists.push(tag);
    } else if (tag === 'li' && !closing) {
      flush();
      pendingMarker = lists[lists.length - 1] === 'ol' ? lists.length - 1 : null;
    } else if (BLOCK.has(tag)) {
      flush();
      if (tag === 'li') pendingMarker = null;
    }
  }
  flush();
  return lines.join('\n');
}

/** The marker of a numbering level by its rank in STYLE_RANK (1 一、, 2 （一）, 3 1., 4 and deeper （1）). */
function markerFor(rank: number, n: number): string {
  switch (rank) {
    case 0:
    case 1:
      return `${chinese(n)}、`;
    case 2:
      return `（${chinese(n)}）`;
    case 3:
      return `${n}.`;
    default:
      return `（${n}）`;
  }
}

function chinese(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${CN_DIGITS[n - 10]}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${CN_DIGITS[n % 10]}`;
  return String(n);
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos|nbsp|#39);/g, (_match, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[entity] ?? '';
  });
}
