import { ADDRESSING, anyOf, SHORTCOMINGS } from './cue-words';

const MAX_TITLE = 40;
const CONNECTIVE =
  /^(?:此外|另外|同时|一方面|另一方面|其[一二三四五六七八九十]|首先|其次|再次|最后)[，,、：:]\s*/;
/** `针对“执法人员持证率不高”的问题，组织……`: the measure is what follows the problem it answers. */
const ANSWERED_PROBLEM = new RegExp(
  `^${anyOf(ADDRESSING, ['就'])}[^，,。；;]{2,40}?${anyOf(SHORTCOMINGS)}[，,]\\s*(?=\\S)`,
);
/** What is left of `一方面是……`, `一是要……` once the marker is cut off. */
const MARKER_TAIL = /^(?:是(?!否)|要(?![素求件点]))/;
// A tab ends the cell of a table row.
const FIRST_BREAK = /[。！？!?；;：:\n\t]/;

/**
 * A short title for an item: its first sentence (up to 。；：), or when that is long its first clause,
 * at most 40 characters.
 */
export function titleFrom(text: string): string {
  // Dashes open points written as `——健全法治工作机构。`.
  const body = text
    .replace(/^[\s，,、。：:；;）)—–-]+/, '')
    .replace(CONNECTIVE, '')
    .replace(MARKER_TAIL, '')
    .replace(ANSWERED_PROBLEM, '');
  const cut = body.search(FIRST_BREAK);
  const first = (cut >= 0 ? body.slice(0, cut) : body).replace(/[\s，,、]+$/, '');
  if (first.length <= MAX_TITLE) return first;
  const comma = first.search(/[，,]/);
  if (comma > 0 && comma <= MAX_TITLE) return first.slice(0, comma);
  return first.slice(0, MAX_TITLE);
}
