import { classifyHeading, classifyLabel, looksLikeSectionLabel } from '../../../src/parsing/sections';

describe('section classification by meaning', () => {
  test.each([
    ['2023年度推进法治政府建设的主要举措和成效', ['achievements']],
    ['工作开展情况', ['achievements']],
    ['主要做法', ['achievements']],
    ['2024年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况', ['leadership']],
    ['区政府主要负责同志履行推进法治建设第一责任人职责情况', ['leadership']],
    ['法治政府建设工作存在的问题', ['problems']],
    ['存在的不足', ['problems']],
    ['问题与短板', ['problems']],
    ['工作中的差距和薄弱环节', ['problems']],
    ['原因分析', ['causes']],
    ['产生问题的原因', ['causes']],
    ['存在问题的原因分析', ['causes']],
    ['问题产生的原因', ['causes']],
    ['存在的问题及原因', ['problems', 'causes']],
    ['工作中的不足', ['problems']],
    ['短板弱项', ['problems']],
    ['对上年度法治督察反馈问题的整改情况', ['rectification']],
    ['下一年度法治政府建设主要安排', ['plans']],
    ['2023年度推进法治政府建设存在的不足和原因', ['problems', 'causes']],
    ['2024年推进法治政府建设主要存在的不足、原因和问题整改情况', ['problems', 'causes', 'rectification']],
    ['上一年度存在问题的整改情况', ['rectification']],
    ['问题成因分析', ['causes']],
    ['2025年主要工作安排', ['plans']],
    ['2025年法治政府建设主要工作打算', ['plans']],
    ['产生问题的根源', ['causes']],
    ['需要改进的方面', ['problems']],
    ['针对问题采取的措施', ['rectification']],
    ['督察反馈问题整改落实情况', ['rectification']],
    ['存在的问题及改进措施', ['problems', 'rectification']],
    ['下一步工作打算', ['plans']],
    ['下部工作打算', ['plans']],
    ['下步工作计划', ['plans']],
    ['2025年度推进法治政府建设的初步安排', ['plans']],
    ['下一年度工作安排', ['plans']],
    ['2025年工作计划', ['plans']],
    ['今后努力方向', ['plans']],
    ['明年工作思路', ['plans']],
    ['存在的问题和下一步工作打算', ['problems', 'plans']],
    ['其他需要报告的情况', ['other']],
    ['2023年工作开展情况及存在问题', ['achievements', 'problems']],
    ['上一年度问题整改落实情况', ['rectification']],
  ])('%s → %j', (heading, kinds) => {
    expect(classifyHeading(heading, 2024)).toEqual(kinds);
  });

  test('a heading naming only a later year is about plans', () => {
    expect(classifyHeading('2025年重在落实', 2024)).toEqual(['plans']);
  });

  test.each([
    '提高政治站位，强化组织领导',
    '深化枫桥经验，多元化解矛盾纠纷',
    '着力解决群众急难愁盼问题',
    '坚持问题导向，推进问题整改',
    '强化执法监督，补齐执法短板',
    '制定年度普法计划',
    '认真安排部署法治建设工作',
  ])('topic heading %s names no section kind', (heading) => {
    expect(classifyHeading(heading, 2024)).toEqual([]);
  });

  test('section labels read like labels, points do not', () => {
    expect(looksLikeSectionLabel('存在的主要问题')).toBe(true);
    expect(looksLikeSectionLabel('2025年工作计划')).toBe(true);
    expect(looksLikeSectionLabel('执法力量不足')).toBe(false);
    expect(looksLikeSectionLabel('加强执法队伍建设')).toBe(false);
  });

  test.each([
    ['不足', ['problems']],
    ['原因', ['causes']],
    ['整改情况', ['rectification']],
    ['存在的问题主要有', ['problems']],
    ['下一步打算', ['plans']],
    ['目标', []],
    ['主要成效', []],
    ['执法力量不足，难以承担', []],
  ])('sub-label %s → %j', (label, kinds) => {
    expect(classifyLabel(label)).toEqual(kinds);
  });
});
