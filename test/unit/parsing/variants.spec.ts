import { readFileSync } from 'node:fs';
import { parseReport, readReportFile } from '../../../src/parsing';
import { itemSignature } from './support/parse-file';
import { FIXTURES_DIR, reportCases, SEEDS_DIR } from './support/reports';
import { asDocx, encodings, rewrites } from './support/variants';

const cases = [...reportCases(SEEDS_DIR), ...reportCases(FIXTURES_DIR)].filter((c) =>
  c.path.endsWith('.txt'),
);

describe.each(cases.map((c) => [c.name, c.path] as const))(
  'variants of %s give the same items',
  (_name, path) => {
    const original = readFileSync(path, 'utf8');
    const expected = itemSignature(parseReport(original));

    test('the report has items to compare', () => {
      expect(expected.length).toBeGreaterThan(0);
    });

    test.each(Object.entries(encodings))('encoded as %s', async (_encoding, encode) => {
      const text = await readReportFile(encode(original), 'report.txt');
      expect(itemSignature(parseReport(text))).toEqual(expected);
    });

    test('as a .docx built from its paragraphs', async () => {
      const text = await readReportFile(await asDocx(original), 'report.docx');
      expect(itemSignature(parseReport(text))).toEqual(expected);
    });

    test('as .md', async () => {
      const text = await readReportFile(Buffer.from(original), 'report.md');
      expect(itemSignature(parseReport(text))).toEqual(expected);
    });

    test.each(Object.entries(rewrites))('rewritten with %s', (_rewrite, rewrite) => {
      expect(itemSignature(parseReport(rewrite(original)))).toEqual(expected);
    });
  },
);
