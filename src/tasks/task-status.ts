import { codesOf, labelsOf } from '../common/closed-vocabulary';
import { ConflictError } from '../common/domain-error';

/**
 * Where a task stands in its handling, as the ledgers word it, and the statuses it may move on to. These words are
 * the status only: how urgent a task is (the light) and what kind of item it is (item type) have words of their
 * own, so no two of them ever coincide.
 */
const STATUSES = {
  new: { label: '待交办', next: ['assigned', 'cancelled'] },
  assigned: { label: '已交办', next: ['in_progress', 'pending_review', 'cancelled'] },
  in_progress: { label: '整改中', next: ['pending_review', 'cancelled'] },
  pending_review: { label: '待核验', next: ['completed', 'in_progress', 'cancelled'] },
  completed: { label: '已销号', next: [] },
  cancelled: { label: '已撤销', next: [] },
} as const;
export const TASK_STATUSES = codesOf(STATUSES);
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS = labelsOf(STATUSES);

export const CLOSED_STATUSES: readonly TaskStatus[] = ['completed', 'cancelled'];

/**
 * Work still to be done: not closed and not waiting for 核验. Reminders chase these, and only these can be carried
 * into the next year.
 */
export const OPEN_STATUSES: readonly TaskStatus[] = ['new', 'assigned', 'in_progress'];

export function canTransition(from: TaskStatus, to: TaskStatus): boolean {
  // Typed as statuses, so a misspelt `next` does not compile.
  const next: readonly TaskStatus[] = STATUSES[from].next;
  return next.includes(to);
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
