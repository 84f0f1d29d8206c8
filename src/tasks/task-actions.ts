import { codesOf } from '../common/closed-vocabulary';
import type { AuthUser } from '../identity/auth-user';
import { Action, can } from '../identity/permissions';
import { canTransition, CLOSED_STATUSES, TaskStatus } from './task-status';

/**
 * What a caller may do to one task now (`allowedActions` of GET /tasks/:id), each named after the request it
 * stands for. The client shows a form for exactly these and guesses nothing, so every rule below restates, from
 * the permission table and the status machine, what the route itself checks; the integration test
 * task-actions.spec.ts tries every action against the API to keep the two in step.
 */
export const TASK_ACTION_LABELS = {
  update: '报送进展',
  submit_for_review: '申请销号',
  upload_evidence: '上传佐证材料',
  request_extension: '申请延期',
  review: '核验销号',
  decide_extension: '审批延期',
  edit: '修改标题',
  reassign: '调整责任领导、责任单位、责任人',
  change_deadline: '调整完成时限',
  cancel: '撤销任务',
  urge: '催办',
};
export const TASK_ACTIONS = codesOf(TASK_ACTION_LABELS);
export type TaskAction = (typeof TASK_ACTIONS)[number];

export interface TaskState {
  organizationId: string;
  unitId: string | null;
  assigneeId: string | null;
  leaderId: string | null;
  status: TaskStatus;
  extensionPending: boolean;
}

/** Statuses in which progress is reported: a 待交办 task has no one to report yet, a 待核验 one waits for review. */
const WORKING: readonly TaskStatus[] = ['assigned', 'in_progress'];

/** `fromAbove`: also for callers of an ancestor organization (the task is then in their subtree, read-only). */
type Rule = { permission: Action; when: (task: TaskState) => boolean; fromAbove?: true };

const open = (task: TaskState) => !CLOSED_STATUSES.includes(task.status);

/** Each action: the permission it needs (role and ownership) and the state the task must be in. */
const RULES: Record<TaskAction, Rule> = {
  // POST /tasks/:id/updates without a status (starts an assigned task) or with status in_progress.
  update: { permission: 'task.progress', when: (task) => WORKING.includes(task.status) },
  // POST /tasks/:id/updates with status pending_review (and an outcome).
  submit_for_review: {
    permission: 'task.progress',
    when: (task) => WORKING.includes(task.status) && canTransition(task.status, 'pending_review'),
  },
  // POST /tasks/:id/evidence.
  upload_evidence: { permission: 'task.progress', when: open },
  // POST /tasks/:id/extensions: one pending request at a time.
  request_extension: {
    permission: 'task.extension.request',
    when: (task) => open(task) && !task.extensionPending,
  },
  // POST /tasks/:id/review.
  review: { permission: 'task.review', when: (task) => task.status === 'pending_review' },
  // POST /tasks/:id/extensions/:extensionId/decision, while a request is pending on an open task.
  decide_extension: {
    permission: 'task.extension.decide',
    when: (task) => open(task) && task.extensionPending,
  },
  // PATCH /tasks/:id with title; with leaderId/unitId/assigneeId; with deadline. A closed task's record is final.
  edit: { permission: 'task.assign', when: open },
  reassign: { permission: 'task.assign', when: open },
  change_deadline: { permission: 'task.assign', when: open },
  // POST /tasks/:id/cancel.
  cancel: { permission: 'task.cancel', when: (task) => canTransition(task.status, 'cancelled') },
  // POST /tasks/:id/urge: 催办, or 督办 from an ancestor organization; once a day (429 after).
  urge: { permission: 'task.urge', when: open, fromAbove: true },
};

/** `viewedFromAbove`: the caller reads this task as a user of an ancestor organization (a county over a township). */
export function allowedActions(user: AuthUser, task: TaskState, viewedFromAbove = false): TaskAction[] {
  return TASK_ACTIONS.filter((action) => {
    const rule = RULES[action];
    const permitted =
      can(user, rule.permission, task) ||
      (Boolean(rule.fromAbove) && viewedFromAbove && can(user, rule.permission));
    return permitted && rule.when(task);
  });
}
