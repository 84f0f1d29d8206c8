import { parseReport } from '../../../src/parsing';
import { suggestDeadline, suggestDeadlineOfRow } from '../../../src/parsing/deadlines';
import { defaultUnitKeywords } from '../../../src/parsing/default-unit-keywords';
import { suggestUnits, unitsOfCell } from '../../../src/parsing/suggestions';

describe('suggested units', () => {
  const units = defaultUnitKeywords();

  test('the default dictionary comes from config/unit-keywords.json', () => {
    expect(units.map((u) => u.name)).toEqual(
      expect.arrayContaining(['司法所', '综合行政执法队', '综治中心', '党政办']),
    );
  });

  test.each([
    ['普法形式单一', '司法所'],
    ['执法人员业务水平有待提高', '综合行政执法队'],
    ['矛盾纠纷化解不及时', '综治中心'],
    ['信访案件办理', '综治中心'],
    ['政务公开不及时', '党政办'],
  ])('%s → %s first', (title, unit) => {
    expect(suggestUnits(title, title, units)[0]).toBe(unit);
  });

  test('nothing is suggested when no keyword matches', () => {
    expect(suggestUnits('其他事项', '其他事项', units)).toEqual([]);
  });

  test("an organization's own unit keywords replace the default dictionary", () => {
    const own = [
      { name: '法治办', keywords: ['普法'] },
      { name: '城管中队', keywords: ['执法'] },
    ];
    const result = parseReport('一、下一步工作打算\n（一）加强普法宣传。\n（二）规范执法行为。', {
      unitKeywords: own,
    });
    expect(result.items.map((item) => item.suggestedUnits)).toEqual([['法治办'], ['城管中队']]);
    expect(
      parseReport('一、下一步工作打算\n（一）加强普法宣传。', { unitKeywords: [] }).items[0].suggestedUnits,
    ).toEqual(['司法所']);
  });
});

describe('suggested deadlines', () => {
  test.each([
    ['年底前完成清理', '2025-12-31'],
    ['6月底前完成全员培训', '2025-06-30'],
    ['六月底前完成', '2025-06-30'],
    ['9月前建成', '2025-08-31'],
    ['3月31日前报送', '2025-03-31'],
    ['上半年实现全覆盖', '2025-06-30'],
    ['下半年推开', '2025-12-31'],
    ['第一季度前完成指引编制', '2025-03-31'],
    ['2026年6月底前完成', '2026-06-30'],
    ['上半年启动，10月底前完成', '2025-06-30'],
    ['加强普法宣传', '2025-12-31'],
    ['落实责任，完成时限：2025年9月30日', '2025-09-30'],
    ['整改期限为2025年10月', '2025-10-31'],
    ['2024年6月已完成清理', '2025-12-31'],
  ])('%s → %s', (text, deadline) => {
    expect(suggestDeadline(text, 2025).deadline).toBe(deadline);
  });

  test('dates of past years describe what was done, not a deadline', () => {
    expect(
      suggestDeadline('对2021年1月1日至2023年6月1日期间的案卷进行评查，2024年6月底前已完成', 2025).deadline,
    ).toBe('2025-12-31');
  });

  test('long-term work is flagged', () => {
    expect(suggestDeadline('长期坚持执法人员常态化培训', 2025)).toEqual({
      deadline: '2025-12-31',
      longTerm: true,
    });
    expect(suggestDeadline('开展专项整治', 2025).longTerm).toBe(false);
  });

  test('no deadline without a plan year or a dated phrase', () => {
    expect(suggestDeadline('加强普法', null).deadline).toBeNull();
    expect(suggestDeadline('2025年6月底前完成', null).deadline).toBe('2025-06-30');
  });
});

describe('suggestions of a table row', () => {
  const units = defaultUnitKeywords();

  test('the 完成时限 cell gives the deadline: a month its last day, a day that day; otherwise the row text decides', () => {
    expect(suggestDeadlineOfRow('2025年6月', '1\t问题\t措施', 2025).deadline).toBe('2025-06-30');
    expect(suggestDeadlineOfRow('2025年9月30日', '1\t问题\t措施', 2025).deadline).toBe('2025-09-30');
    expect(suggestDeadlineOfRow('长期坚持', '1\t问题\t措施\t长期坚持', 2025)).toEqual({
      deadline: '2025-12-31',
      longTerm: true,
    });
  });

  test('the 责任单位 cell gives the units it names; a cell naming none is weighed by keywords', () => {
    expect(
      unitsOfCell(
        '综合行政执法队、党政办',
        '组织学法',
        '1\t学法不够\t组织学法\t综合行政执法队、党政办',
        units,
      ),
    ).toEqual(['综合行政执法队', '党政办']);
    expect(
      unitsOfCell('各社区', '开展人民调解员培训', '1\t调解能力不足\t开展人民调解员培训\t各社区', units)[0],
    ).toBe('司法所');
  });
});

describe('units an item names outright', () => {
  const units = defaultUnitKeywords();

  test('come first, in the order named, before units guessed from keywords', () => {
    const text = '开展普法宣传进村活动，由党政办牵头，司法所配合。';
    expect(suggestUnits('开展普法宣传进村活动', text, units).slice(0, 2)).toEqual(['党政办', '司法所']);
  });
});
