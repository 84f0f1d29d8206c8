import {
  defaultAsOf,
  fromLedgerRows,
  fullOrganizationName,
  problemLinks,
} from '../../../src/rollup/draft-inputs';
import { DraftTask } from '../../../src/rollup/draft-types';

const row = (overrides: Partial<DraftTask>): DraftTask => ({
  id: 't',
  reportItemId: 'i',
  kind: 'rectification',
  itemKind: null,
  title: '标题',
  headingPath: [],
  deadline: '2025-06-30',
  status: 'completed',
  outcome: '成效',
  completedOn: '2025-06-01',
  verifiedOn: null,
  longTerm: false,
  problemTaskId: null,
  carryOver: null,
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
    const [cause] = fromLedgerRows([row({ reportItemId: 'c1', itemKind: 'cause' })], problems);
    expect(cause.itemKind).toBe('problem');
  });

  it('counts an extension from the day it was approved: before, the deadline in force is the original one', () => {
    const extension = {
      taskId: 'a',
      fromDeadline: '2025-06-30',
      deadline: '2025-09-30',
      reason: '汛期',
      approvedOn: '2025-06-20',
    };
    const task = row({ id: 'a', deadline: '2025-09-30', status: 'in_progress', completedOn: null });
    const [before] = fromLedgerRows([task], [], [extension], '2025-06-19');
    expect(before).toMatchObject({ deadline: '2025-06-30', originalDeadline: '2025-06-30', extensions: [] });
    const [after] = fromLedgerRows([task], [], [extension], '2025-12-31');
    expect(after).toMatchObject({ deadline: '2025-09-30', originalDeadline: '2025-06-30' });
    expect(after.extensions).toEqual([{ deadline: '2025-09-30', reason: '汛期', approvedOn: '2025-06-20' }]);
  });

  it('keeps the approval day apart from the day the work was done', () => {
    const [task] = fromLedgerRows([row({ completedOn: '2025-06-01', verifiedOn: '2025-07-03' })], []);
    expect(task).toMatchObject({ completedOn: '2025-06-01', verifiedOn: '2025-07-03' });
  });

  it('links a measure to the problem its task names, overriding the wording heuristic', () => {
    const guessed = new Map([
      ['p1', ['m1']],
      ['p2', []],
    ]);
    const links = problemLinks(guessed, [
      { id: 'tp1', reportItemId: 'p1', problemTaskId: null },
      { id: 'tp2', reportItemId: 'p2', problemTaskId: null },
      { id: 'tm1', reportItemId: 'm1', problemTaskId: 'tp2' },
    ]);
    expect(links.get('p1')).toEqual([]);
    expect(links.get('p2')).toEqual(['m1']);
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
