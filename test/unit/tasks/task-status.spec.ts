import { DomainError } from '../../../src/common/domain-error';
import { assertTransition, canTransition, TASK_STATUSES, TaskStatus } from '../../../src/tasks/task-status';

const LEGAL: Array<[TaskStatus, TaskStatus]> = [
  ['new', 'assigned'],
  ['new', 'cancelled'],
  ['assigned', 'in_progress'],
  ['assigned', 'pending_review'],
  ['assigned', 'cancelled'],
  ['in_progress', 'pending_review'],
  ['in_progress', 'cancelled'],
  ['pending_review', 'completed'],
  ['pending_review', 'in_progress'],
  ['pending_review', 'cancelled'],
];

describe('task status machine', () => {
  it.each(LEGAL)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  const illegal = TASK_STATUSES.flatMap((from) =>
    TASK_STATUSES.map((to) => [from, to] as [TaskStatus, TaskStatus]),
  ).filter(([from, to]) => !LEGAL.some(([f, t]) => f === from && t === to));

  it.each(illegal)('refuses %s → %s with 409 ILLEGAL_TRANSITION', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    let error: unknown;
    try {
      assertTransition(from, to);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'ILLEGAL_TRANSITION', statusCode: 409 });
    expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
    expect((error as Error).message).toContain(from);
    expect((error as Error).message).toContain(to);
  });

  it('never leaves completed or cancelled', () => {
    for (const to of TASK_STATUSES) {
      expect(canTransition('completed', to)).toBe(false);
      expect(canTransition('cancelled', to)).toBe(false);
    }
  });
});
