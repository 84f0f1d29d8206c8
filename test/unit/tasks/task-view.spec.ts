import { addMonths, todayIn } from '../../../src/common/calendar';
import { presentTask, TaskRow } from '../../../src/tasks/task-view';

const created = '2025-01-01T02:00:00.000Z';
const row = (overrides: Partial<TaskRow> = {}): TaskRow => ({
  id: 't',
  organizationId: 'o',
  reportId: null,
  reportItemId: null,
  kind: 'rectification',
  itemKind: 'measure',
  title: 'x',
  sourceText: 'x。',
  planYear: 2025,
  headingPath: [],
  leaderId: null,
  unitId: null,
  assigneeId: null,
  deadline: '2025-12-31',
  status: 'in_progress',
  progress: 0,
  outcome: null,
  longTerm: false,
  evidenceInterval: null,
  assignedAt: created,
  completedAt: null,
  completedOn: null,
  problemTaskId: null,
  lastActivityAt: created,
  version: 1,
  createdAt: created,
  updatedAt: created,
  assignedOn: '2025-01-01',
  sourceStart: null,
  sourceEnd: null,
  extensionPending: false,
  ...overrides,
});

describe('task presentation', () => {
  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('uses the calendar date of the configured time zone', () => {
    expect(todayIn('Asia/Shanghai', new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(todayIn('UTC', new Date('2025-06-30T17:00:00Z'))).toBe('2025-06-30');
  });

  it('labels status, item type and light from three separate vocabularies', () => {
    expect(presentTask(row(), '2025-06-01', 10)).toMatchObject({
      statusLabel: '整改中',
      itemType: 'measure',
      itemTypeLabel: '整改措施',
      light: 'yellow',
      lightLabel: '临期或滞后',
    });
    expect(presentTask(row({ itemKind: 'problem', progress: 60 }), '2025-06-01', 10)).toMatchObject({
      itemTypeLabel: '整改问题',
      light: 'green',
      lightLabel: '正常',
    });
    expect(presentTask(row({ itemKind: 'cause' }), '2025-06-01', 10).itemTypeLabel).toBe('整改问题');
    expect(presentTask(row({ kind: 'plan', itemKind: 'plan' }), '2025-06-01', 10).itemTypeLabel).toBe(
      '工作计划',
    );
    expect(presentTask(row({ status: 'new' }), '2026-01-05', 10)).toMatchObject({
      statusLabel: '待交办',
      light: 'red',
      lightLabel: '逾期',
      overdue: true,
      daysLeft: -5,
    });
  });

  it('keeps 长期坚持 an item type and a pending extension a flag: the status label stays the status', () => {
    expect(presentTask(row({ longTerm: true }), '2025-06-01', 10)).toMatchObject({
      statusLabel: '整改中',
      itemType: 'long_term',
      itemTypeLabel: '长期坚持',
      light: 'green',
    });
    expect(presentTask(row({ longTerm: true, extensionPending: true }), '2025-06-01', 10)).toMatchObject({
      statusLabel: '整改中',
      extensionPending: true,
    });
    expect(
      presentTask(row({ status: 'assigned', extensionPending: true }), '2025-06-01', 10).statusLabel,
    ).toBe('已交办');
  });

  it('shows closed tasks gray (已办结) with their own status, never the green of a running task', () => {
    expect(presentTask(row({ status: 'completed', longTerm: true }), '2026-06-01', 10)).toMatchObject({
      statusLabel: '已销号',
      itemTypeLabel: '长期坚持',
      light: 'gray',
      lightLabel: '已办结',
      overdue: false,
    });
    expect(presentTask(row({ status: 'cancelled' }), '2025-06-01', 10)).toMatchObject({
      statusLabel: '已撤销',
      light: 'gray',
    });
  });

  it('shows every column of the row except the schedule start, and links back to the source offsets', () => {
    const source = row({ reportId: 'r', sourceStart: 10, sourceEnd: 42 });
    const view = presentTask(source, '2025-06-01', 10);
    const { assignedOn, ...columns } = source;
    expect(assignedOn).toBe('2025-01-01');
    expect(view).toMatchObject(columns);
    expect(view).not.toHaveProperty('assignedOn');
    expect(view.source).toEqual({ reportId: 'r', start: 10, end: 42 });
  });
});
