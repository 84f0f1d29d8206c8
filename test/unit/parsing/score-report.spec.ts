import { ParseResult, ReportItem } from '../../../src/parsing';
import { ExpectedReport, scoreReport } from './support/score-report';

const item = (kind: ReportItem['kind'], title: string, text = title): ReportItem => ({
  kind,
  title,
  text,
  start: 0,
  end: text.length,
  suggestedUnits: [],
  suggestedDeadline: null,
  headingPath: [],
  longTerm: false,
});
const result = (items: ReportItem[]): ParseResult => ({
  organization: '某某镇人民政府',
  reportYear: 2024,
  planYear: 2025,
  title: null,
  responsiblePerson: null,
  sections: [],
  items,
  text: '',
});
const expected = (overrides: Partial<ExpectedReport>): ExpectedReport => ({
  file: 'x.txt',
  organization: '某某镇',
  reportYear: 2024,
  planYear: 2025,
  problem: [],
  cause: [],
  measure: [],
  plan: [],
  optional: {},
  ...overrides,
});

describe('scoreReport (the seeds README rules)', () => {
  test('matches phrases inside title + text after NFKC and without white space', () => {
    const score = scoreReport(
      result([item('problem', '执法 力量不足', '（一）执法力量不足')]),
      expected({ problem: ['(一)执法力量不足'] }),
    );
    expect(score.misses).toBe(0);
    expect(score.falsePositives).toBe(0);
  });

  test('each phrase matches one item: a second item with the same phrase is a false positive', () => {
    const score = scoreReport(
      result([item('plan', '加强普法'), item('plan', '加强普法宣传')]),
      expected({ plan: ['加强普法'] }),
    );
    expect(score.kinds.plan.falsePositives).toEqual(['加强普法宣传']);
  });

  test('finds the assignment that matches the most phrases', () => {
    const score = scoreReport(
      result([item('plan', '加强普法宣传'), item('plan', '加强普法')]),
      expected({ plan: ['加强普法', '普法宣传'] }),
    );
    expect(score.misses).toBe(0);
  });

  test('kinds are scored separately and optional phrases count neither way', () => {
    const score = scoreReport(
      result([item('cause', '执法力量不足'), item('problem', '附带的问题')]),
      expected({ problem: ['执法力量不足'], optional: { problem: ['附带'] } }),
    );
    expect(score.kinds.problem.misses).toEqual(['执法力量不足']);
    expect(score.kinds.problem.falsePositives).toEqual([]);
    expect(score.kinds.cause.falsePositives).toEqual(['执法力量不足']);
  });

  test('checks organization by containment and years exactly', () => {
    const score = scoreReport(result([]), expected({ planYear: 2026 }));
    expect(score.organizationOk).toBe(true);
    expect(score.reportYearOk).toBe(true);
    expect(score.planYearOk).toBe(false);
  });

  test('an expected organization of null wants none: any name found is wrong', () => {
    expect(scoreReport(result([]), expected({ organization: null })).organizationOk).toBe(false);
    expect(
      scoreReport({ ...result([]), organization: null }, expected({ organization: null })).organizationOk,
    ).toBe(true);
  });
});
