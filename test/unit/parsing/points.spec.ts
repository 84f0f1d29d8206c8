import { parseReport, ParseResult } from '../../../src/parsing';

const kindsAndTitles = (result: ParseResult) => result.items.map((item) => [item.kind, item.title]);

describe('how a passage without numbered points is read (the modes of points.ts)', () => {
  test('a table interrupts sentence reading: each row is a point, and the paragraph after it is read as before', () => {
    const result = parseReport(
      '一、存在的问题\n执法人员持证比例偏低，执法力量不足。\n序号\t存在问题\t整改措施\t责任单位\n1\t案卷制作不规范\t开展案卷评查\t综合行政执法队\n2\t普法形式单一\t创新普法方式\t司法所\n基层法治力量薄弱，人员流动频繁。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['problem', '执法人员持证比例偏低，执法力量不足'],
      ['problem', '案卷制作不规范'],
      ['problem', '普法形式单一'],
      ['problem', '基层法治力量薄弱，人员流动频繁'],
    ]);
  });

  test('under an unnumbered heading line the paragraphs are its body until the next heading line', () => {
    const result = parseReport(
      '一、下一步工作打算\n加强执法队伍建设\n组织执法人员轮训。\n开展执法案卷评查，提升办案质量。\n创新普法宣传方式\n推行点单式普法。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['plan', '加强执法队伍建设'],
      ['plan', '创新普法宣传方式'],
    ]);
    expect(result.items[0].text).toBe(
      '加强执法队伍建设\n组织执法人员轮训。\n开展执法案卷评查，提升办案质量。',
    );
  });

  test('a 问题 line waits for its 整改情况 line; without one the next paragraph is read as sentences', () => {
    const result = parseReport(
      '一、整改情况\n问题：执法人员持证比例偏低。\n整改情况：组织执法资格考试。\n问题：普法覆盖面窄。\n针对上述问题，建立普法联络员制度，每季度开展一次普法活动。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['measure', '组织执法资格考试'],
      ['measure', '普法覆盖面窄'],
      ['measure', '建立普法联络员制度，每季度开展一次普法活动'],
    ]);
  });

  test('the signature stops the passage: a table row after it is no point', () => {
    const result = parseReport(
      '一、存在的问题\n执法人员持证比例偏低。\n某某镇人民政府\n1\t案卷制作不规范\t综合行政执法队\t年底前',
    );
    expect(kindsAndTitles(result)).toEqual([['problem', '执法人员持证比例偏低']]);
  });
});
