import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExpectedReport } from './score-report';

export const SEEDS_DIR = resolve(__dirname, '../../../../..', 'shared/seeds');
export const FIXTURES_DIR = resolve(__dirname, '../../../fixtures/reports');
/** Hard-wrapped at the page width: a .docx or re-indented copy of them would be another text, so no variants. */
export const PDF_COPIED_DIR = join(FIXTURES_DIR, 'pdf-copied');

export interface ReportCase {
  name: string;
  path: string;
  expected: ExpectedReport;
}

/** Reports with an `expected/NAME.json` next to them; none when the folder is absent. */
export function reportCases(dir: string): ReportCase[] {
  const expectedDir = join(dir, 'expected');
  if (!existsSync(expectedDir)) return [];
  return readdirSync(expectedDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const expected = JSON.parse(readFileSync(join(expectedDir, name), 'utf8')) as ExpectedReport;
      return { name: expected.file, path: join(dir, expected.file), expected };
    });
}
