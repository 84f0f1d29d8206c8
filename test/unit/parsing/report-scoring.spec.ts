import { FIXTURES_DIR, PDF_COPIED_DIR, ReportCase, reportCases, SEEDS_DIR } from './support/reports';
import { parseFile } from './support/parse-file';
import { ITEM_KINDS, scoreReport } from './support/score-report';

const seeds = reportCases(SEEDS_DIR);
const fixtures = reportCases(FIXTURES_DIR);
const pdfCopied = reportCases(PDF_COPIED_DIR);
const noMistakes = Object.fromEntries(ITEM_KINDS.map((kind) => [kind, { misses: [], falsePositives: [] }]));

function scoresPerfectly(reportCase: ReportCase): () => Promise<void> {
  return async () => {
    const result = await parseFile(reportCase.path);
    const score = scoreReport(result, reportCase.expected);
    expect(score.kinds).toEqual(noMistakes);
    // A report that does not name itself clearly is expected to have no organization rather than a guess.
    if (reportCase.expected.organization === null) expect(result.organization).toBeNull();
    else expect(result.organization).toContain(reportCase.expected.organization);
    expect(result.reportYear).toBe(reportCase.expected.reportYear);
    expect(result.planYear).toBe(reportCase.expected.planYear);
  };
}

(seeds.length > 0 ? describe : describe.skip)('sample reports from ../shared/seeds', () => {
  for (const reportCase of seeds) {
    test(`${reportCase.name}: finds every expected item and nothing else`, scoresPerfectly(reportCase));
  }
});

describe('own fixture reports', () => {
  test('there are fixtures with expectations', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });
  for (const reportCase of fixtures) {
    test(`${reportCase.name}: finds every expected item and nothing else`, scoresPerfectly(reportCase));
  }
});

describe('own fixture reports copied out of PDFs (lines broken at the page width)', () => {
  test('there are such fixtures', () => {
    expect(pdfCopied.length).toBeGreaterThanOrEqual(1);
  });
  for (const reportCase of pdfCopied) {
    test(`${reportCase.name}: finds every expected item and nothing else`, scoresPerfectly(reportCase));
  }
});
