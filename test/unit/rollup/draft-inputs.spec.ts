import { defaultAsOf, fromLedgerRows, fullOrganizationName } from '../../../src/rollup/draft-inputs';
import { DraftTask } from '../../../src/rollup/draft-types';

const row = (overrides: Partial<DraftTask>): DraftTask => ({
  id: 't',
  reportItemId: 'i',
  kind: 'rectification',
  title: '标题',
  headingPath: [],
  deadline: '2025-06-30',
  status: 'completed',
  outcome: '成效',
  completedOn: '2025-06-01',
  longTerm: false,
  latestNote: '尚未提交进展',
  ...overrides,
});

describe('draft inputs from today’s ledger', () => {
  it('tells problems from measures by the previous report’s problems, and leaves what the ledger lacks empty', () => {
    const problems = [{ itemId: 'p1', title: '问题', text: '', measureItemIds: [] }];
    const [problem, measure, plan] = fromLedgerRows(
      [
        row({ id: 'a', reportItemId: 'p1' }),
        row({ id: 'b', reportItemId: 'm1', status: 'in_progress' }),
        row({ id: 'c', kind: 'plan' }),
      ],
      problems,
    );
    expect(problem).toMatchObject({
      itemKind: 'problem',
      verifiedOn: '2025-06-01',
      extensions: [],
      carryOver: null,
    });
    expect(measure).toMatchObject({ itemKind: 'measure', verifiedOn: null, originalDeadline: '2025-06-30' });
    expect(plan.itemKind).toBe('plan');
    expect(JSON.stringify([problem, measure, plan])).not.toContain('尚未提交进展');
  });

  it('is as of the earlier of today and 31 December of the year', () => {
    expect(defaultAsOf(2025, '2026-03-10')).toBe('2025-12-31');
    expect(defaultAsOf(2026, '2026-03-10')).toBe('2026-03-10');
  });

  it('signs with the registered name unless the report spells it out more fully', () => {
    expect(fullOrganizationName('张良镇', '鲁山县张良镇人民政府')).toBe('鲁山县张良镇人民政府');
    expect(fullOrganizationName('示例镇人民政府', '示例镇')).toBe('示例镇人民政府');
    expect(fullOrganizationName(null, '马营镇')).toBe('马营镇');
  });
});
