import { readFileSync } from 'node:fs';
import { parseReport, ParseResult, readReportFile } from '../../../../src/parsing';

export async function parseFile(path: string): Promise<ParseResult> {
  return parseReport(await readReportFile(readFileSync(path), path));
}

/** What variants of one report must agree on: the kind and title of every item, in order. */
export function itemSignature(result: ParseResult): string[] {
  return result.items.map((item) => `${item.kind}: ${item.title}`);
}
