/**
 * Control characters (C0, DEL, C1) have no place in anything people type into the service, and PostgreSQL refuses NUL
 * outright; text meant to span lines may hold tab, line feed and carriage return.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- as above, less the tab, line feed and carriage return of running text
const CONTROL_IN_RUNNING_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * The fields, by name, whose text may span lines: what people write in notes, outcomes, reasons, comments, messages
 * and paragraphs. Every other text field is one line.
 */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set([
  'note',
  'outcome',
  'reason',
  'comment',
  'message',
  'text',
  'description',
  'content',
]);

export function hasControlCharacters(text: string, multiline = false): boolean {
  return (multiline ? CONTROL_IN_RUNNING_TEXT : CONTROL).test(text);
}

/**
 * The path of the first string in `value` (a JSON body, a query object or a route parameter named `name`) that holds
 * a control character its field may not hold, or null. Walks with a stack of its own: a deeply nested body must not
 * exhaust the call stack.
 */
export function fieldWithControlCharacters(value: unknown, name = ''): string | null {
  const pending: Array<{ value: unknown; path: string; field: string }> = [
    { value, path: name, field: name },
  ];
  while (pending.length > 0) {
    const { value: current, path, field } = pending.pop()!;
    if (typeof current === 'string') {
      if (hasControlCharacters(current, MULTILINE_FIELDS.has(field))) return path;
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => pending.push({ value: item, path: `${path}[${i}]`, field }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (hasControlCharacters(key)) return path ? `${path}.${JSON.stringify(key)}` : JSON.stringify(key);
        pending.push({ value: item, path: path ? `${path}.${key}` : key, field: key });
      }
    }
  }
  return null;
}
