const MAX_TITLE = 40;
const CONNECTIVE = /^(?:此外|另外|同时|一方面|另一方面|其一|其二|其三|首先|其次|再次|最后)[，,、：:]\s*/;
const FIRST_BREAK = /[。！？!?；;：:\n]/;

/**
 * A short title for an item: its first sentence (up to 。；：), or when that is long its first clause,
 * at most 40 characters.
 */
export function titleFrom(text: string): string {
  const body = text.replace(/^[\s，,、。：:；;）)]+/, '').replace(CONNECTIVE, '');
  const cut = body.search(FIRST_BREAK);
  const first = (cut >= 0 ? body.slice(0, cut) : body).replace(/[\s，,、]+$/, '');
  if (first.length <= MAX_TITLE) return first;
  const comma = first.search(/[，,]/);
  if (comma > 0 && comma <= MAX_TITLE) return first.slice(0, comma);
  return first.slice(0, MAX_TITLE);
}
