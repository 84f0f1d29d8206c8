import { codesOf } from '../common/closed-vocabulary';
import { ConflictError } from '../common/domain-error';

/**
 * Where a task stands in its handling, as the ledgers word it. These words are the status only: how urgent a task is
 * (the light) and what kind of item it is (item type) have words of their own, so no two of them ever coincide.
 */
export const TASK_STATUS_LABELS = {
  new: '待交办',
  assigned: '已交办',
  in_progress: '整改中',
  pending_review: '待核验',
  completed: '已销号',
  cancelled: '已撤销',
};
export const TASK_STATUSES = codesOf(TASK_STATUS_LABELS);
export type TaskStatus = (typeof TASK_STATUSES)[number];

const TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  new: ['assigned', 'cancelled'],
  assigned: ['in_progress', 'pending_review', 'cancelled'],
  in_progress: ['pending_review', 'cancelled'],
  pending_review: ['completed', 'in_progress', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const CLOSED_STATUSES: readonly TaskStatus[] = ['completed', 'cancelled'];

/**
 * Work still to be done: not closed and not waiting for 核验. Reminders chase these, and only these can be carried
 * into the next year.
 */
export const OPEN_STATUSES: readonly TaskStatus[] = ['new', 'assigned', 'in_progress'];

export function canTransition(from: TaskStatus, to: TaskStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws 409 ILLEGAL_TRANSITION naming both states in Chinese. */
export function assertTransition(from: TaskStatus, to: TaskStatus): void {
  if (!canTransition(from, to)) throw illegalTransition(from, to);
}

export function illegalTransition(from: TaskStatus, to: TaskStatus): ConflictError {
  return new ConflictError(
    'ILLEGAL_TRANSITION',
    `任务状态不能从“${TASK_STATUS_LABELS[from]}”（${from}）变为“${TASK_STATUS_LABELS[to]}”（${to}）`,
    { from, to },
  );
}
