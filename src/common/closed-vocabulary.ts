/**
 * The codes of a closed vocabulary, written once as its table: the table's keys, in the table's order, which is
 * the order validators, the OpenAPI enum and every list show them in. The table gives each code its Chinese label,
 * either alone or as `label` beside what else the code carries (a status its next steps, an action its rule), so
 * a code cannot be written without its label.
 */
export function codesOf<Code extends string>(table: Readonly<Record<Code, unknown>>): readonly Code[] {
  return Object.keys(table) as Code[];
}

/** Each code's label, from a table whose entries carry more than their label. */
export function labelsOf<Code extends string>(
  table: Readonly<Record<Code, { label: string }>>,
): Record<Code, string> {
  return Object.fromEntries(codesOf(table).map((code) => [code, table[code].label])) as Record<Code, string>;
}
