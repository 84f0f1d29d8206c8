import { countTasks, taskStateAt } from '../../../src/rollup/task-state';
import { done, task } from './draft-fixtures';

describe('where a task stood on the day a draft is as of', () => {
  const extension = { deadline: '2025-09-30', reason: '等待批复', approvedOn: '2025-06-20' };

  it('is done when the work was done by then, awaiting 核验 until approved', () => {
    const pending = task({ id: 'a', title: '甲', status: 'pending_review', completedOn: '2025-06-01' });
    expect(taskStateAt(pending, '2025-12-31')).toMatchObject({ done: true, verified: false, onTime: true });
    const approvedLater = done({
      id: 'b',
      title: '乙',
      outcome: '完成',
      completedOn: '2025-12-20',
      verifiedOn: '2026-01-05',
    });
    expect(taskStateAt(approvedLater, '2025-12-31')).toMatchObject({ done: true, verified: false });
    expect(taskStateAt(approvedLater, '2026-01-31')).toMatchObject({ done: true, verified: true });
  });

  it('is not done when the work was done after that date', () => {
    const later = done({
      id: 'c',
      title: '丙',
      outcome: '完成',
      completedOn: '2026-01-10',
      deadline: '2025-12-31',
    });
    expect(taskStateAt(later, '2025-12-31')).toEqual({ done: false, overdue: false, extension: null });
    expect(taskStateAt(later, '2025-12-31')).not.toMatchObject({ overdue: true });
  });

  it('is on time against the deadline in force, naming the extension only when the work needed it', () => {
    const extended = done({
      id: 'd',
      title: '丁',
      outcome: '完成',
      completedOn: '2025-08-01',
      originalDeadline: '2025-06-30',
      deadline: '2025-09-30',
      extensions: [extension],
    });
    expect(taskStateAt(extended, '2025-12-31')).toMatchObject({ done: true, onTime: true, extension });
    const early = { ...extended, completedOn: '2025-06-01' };
    expect(taskStateAt(early, '2025-12-31')).toMatchObject({ onTime: true, extension: null });
    const late = { ...extended, completedOn: '2025-10-08' };
    expect(taskStateAt(late, '2025-12-31')).toMatchObject({ onTime: false, extension: null });
  });

  it('is overdue only once the deadline in force has passed by that date', () => {
    const open = task({ id: 'e', title: '戊', deadline: '2025-06-30' });
    expect(taskStateAt(open, '2025-06-30')).toMatchObject({ done: false, overdue: false });
    expect(taskStateAt(open, '2025-07-01')).toMatchObject({ done: false, overdue: true });
  });

  it('counts planned, completed (with work awaiting 核验), on time and overdue', () => {
    const tasks = [
      done({ id: '1', title: '一', outcome: '完成', completedOn: '2025-03-01' }),
      task({
        id: '2',
        title: '二',
        status: 'pending_review',
        completedOn: '2025-04-01',
        deadline: '2025-03-31',
      }),
      task({ id: '3', title: '三', deadline: '2025-05-01' }),
      task({ id: '4', title: '四', deadline: '2026-05-01' }),
    ];
    expect(countTasks(tasks, '2025-12-31')).toEqual({ planned: 4, completed: 2, onTime: 1, overdue: 1 });
  });
});
