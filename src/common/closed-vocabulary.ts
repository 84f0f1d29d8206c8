/**
 * The codes of a closed vocabulary, written once as its table of Chinese labels: the table's keys, in the
 * table's order, which is the order validators, the OpenAPI enum and every list show them in. The codes' type
 * is the table's keys, so a code cannot be written without its label.
 */
export function codesOf<Code extends string>(labels: Readonly<Record<Code, string>>): readonly Code[] {
  return Object.keys(labels) as Code[];
}
