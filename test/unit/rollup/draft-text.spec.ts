import { Prose } from '../../../src/rollup/draft-paragraphs';
import {
  chineseDate,
  chineseNumber,
  compactDates,
  problemName,
  repeatedPhrase,
  selfReference,
  shortNameOf,
} from '../../../src/rollup/draft-text';

describe('draft wording helpers', () => {
  it('numbers as reports do and writes dates without leading zeros', () => {
    expect([1, 9, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十三']);
    expect(chineseDate('2025-06-30')).toBe('2025年6月30日');
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });

  it('finds a phrase of 12 characters said twice, and nothing in shorter repeats', () => {
    expect(repeatedPhrase('开展法治讲座12场；开展法治讲座8场')).toBeNull();
    expect(repeatedPhrase('加大对执法人员的培训力度，加大对执法人员的培训力度')).toBe(
      '加大对执法人员的培训力度',
    );
  });

  it('drops the year of a date whose year the date before it already gave', () => {
    expect(compactDates('于2025年6月30日完成，延期至2025年9月30日；2026年3月1日，2025年5月1日')).toBe(
      '于2025年6月30日完成，延期至9月30日；2026年3月1日，2025年5月1日',
    );
  });

  it('names a short problem whole, a long one by its first real clause, else by its subject as a 方面', () => {
    expect(problemName('执法人员业务水平有待提高')).toEqual({
      name: '执法人员业务水平有待提高',
      isTopic: false,
    });
    expect(problemName('综合行政执法承接能力不足，执法队伍人员专业素质和岗位职责要求尚有差距')).toEqual({
      name: '综合行政执法承接能力不足',
      isTopic: false,
    });
    expect(problemName('在推进法治建设过程中,按部就班多,欠缺新方法、新举措,工作亮点不够多')).toEqual({
      name: '按部就班多',
      isTopic: false,
    });
    expect(problemName('对习近平总书记全面依法治国新理念新思想新战略专题学习还需要进一步加强')).toEqual({
      name: '习近平总书记全面依法治国新理念新思想新战略专题学习',
      isTopic: true,
    });
    expect(problemName('很长的标题'.repeat(6), '队伍建设')).toEqual({ name: '队伍建设', isTopic: false });
  });

  it('calls the office by its own level: 张良镇 → 我镇, 清河县 → 我县', () => {
    expect(shortNameOf('鲁山县张良镇人民政府')).toBe('张良镇');
    expect(shortNameOf('清河县人民政府')).toBe('清河县');
    expect(shortNameOf('青岚县司法局')).toBe('青岚县司法局');
    expect(selfReference('张良镇')).toBe('我镇');
    expect(selfReference('清河县')).toBe('我县');
    expect(selfReference('青岚县司法局')).toBe('我局');
    expect(selfReference('示例单位名称')).toBe('我单位');
  });
});

describe('Prose', () => {
  it('takes the first wording that does not repeat a phrase, and starts a new paragraph when none fits', () => {
    const prose = new Prose('针对问题，');
    prose.clause(['甲项工作正按计划推进，将于2025年6月30日前完成']);
    prose.clause(['乙项工作正按计划推进，将于2025年9月30日前完成', '乙项工作有序推进，预计9月底前完成']);
    prose.clause(['甲项工作正按计划推进，将于2025年6月30日前完成']);
    expect(prose.paragraphs()).toEqual([
      '针对问题，甲项工作正按计划推进，将于2025年6月30日前完成；乙项工作有序推进，预计9月底前完成。',
      '甲项工作正按计划推进，将于2025年6月30日前完成。',
    ]);
  });

  it('takes a wording that does not repeat itself when a clause repeats a phrase in every wording', () => {
    const title = '组织执法人员参加县级执法业务培训';
    const prose = new Prose('针对问题，');
    prose.clause([`${title}，围绕“${title}”制定方案`, `围绕“${title}”制定方案`]);
    expect(prose.paragraphs()).toEqual([`针对问题，围绕“${title}”制定方案。`]);
    const crowded = new Prose(`针对问题，围绕“${title}”开展工作。`);
    crowded.clause([`${title}，围绕“${title}”制定方案`, `围绕“${title}”制定方案`]);
    expect(crowded.paragraphs()[1]).toBe(`围绕“${title}”制定方案。`);
  });

  it('keeps a lead open for its first clause, and closes sentences with 。', () => {
    const prose = new Prose('针对问题，');
    prose.end();
    prose.clause(['整改工作尚未完成']);
    prose.sentence(['该问题在2023、2024年度报告中均有反映。']);
    expect(prose.paragraphs()).toEqual([
      '针对问题，整改工作尚未完成。该问题在2023、2024年度报告中均有反映。',
    ]);
  });

  it('does not run one sentence on without end: a very long run of clauses continues in a new paragraph', () => {
    const prose = new Prose('此外，');
    for (let i = 1; i <= 120; i++) prose.clause([`第${i}项工作已完成`]);
    const paragraphs = prose.paragraphs();
    expect(paragraphs.length).toBeGreaterThan(1);
    for (const text of paragraphs) expect([...text].length).toBeLessThan(900);
    expect(paragraphs.join('')).toContain('第120项工作已完成');
  });
});
