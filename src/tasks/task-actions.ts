import { codesOf, labelsOf } from '../common/closed-vocabulary';
import type { AuthUser } from '../identity/auth-user';
import { Action, can } from '../identity/permissions';
import { canTransition, CLOSED_STATUSES, TaskStatus } from './task-status';

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

/**
 * `label`: the action's word; `permission`: the role and ownership it needs; `when`: the state the task must be
 * in; `fromAbove`: also for callers of an ancestor organization (the task is then in their subtree, read-only).
 */
interface ActionDefinition {
  label: string;
  permission: Action;
  when: (task: TaskState) => boolean;
  fromAbove?: true;
}

const open = (task: TaskState) => !CLOSED_STATUSES.includes(task.status);

/**
 * What a caller may do to one task now (`allowedActions` of GET /tasks/:id), each named after the request it
 * stands for, with the word the client shows and the rule. The client shows a form for exactly these and guesses
 * nothing, so every rule below restates, from the permission table and the status machine, what the route itself
 * checks; the integration test task-actions.spec.ts tries every action against the API to keep the two in step.
 */
const ACTIONS = {
  // POST /tasks/:id/updates without a status (starts an assigned task) or with status in_progress.
  update: { label: '报送进展', permission: 'task.progress', when: (task) => WORKING.includes(task.status) },
  // POST /tasks/:id/updates with status pending_review (and an outcome).
  submit_for_review: {
    label: '申请销号',
    permission: 'task.progress',
    when: (task) => WORKING.includes(task.status) && canTransition(task.status, 'pending_review'),
  },
  // POST /tasks/:id/evidence.
  upload_evidence: { label: '上传佐证材料', permission: 'task.progress', when: open },
  // POST /tasks/:id/extensions: one pending request at a time.
  request_extension: {
    label: '申请延期',
    permission: 'task.extension.request',
    when: (task) => open(task) && !task.extensionPending,
  },
  // POST /tasks/:id/review.
  review: { label: '核验销号', permission: 'task.review', when: (task) => task.status === 'pending_review' },
  // POST /tasks/:id/extensions/:extensionId/decision, while a request is pending on an open task.
  decide_extension: {
    label: '审批延期',
    permission: 'task.extension.decide',
    when: (task) => open(task) && task.extensionPending,
  },
  // PATCH /tasks/:id with title; with leaderId/unitId/assigneeId; with deadline. A closed task's record is final.
  edit: { label: '修改标题', permission: 'task.assign', when: open },
  reassign: { label: '调整责任领导、责任单位、责任人', permission: 'task.assign', when: open },
  change_deadline: { label: '调整完成时限', permission: 'task.assign', when: open },
  // POST /tasks/:id/cancel.
  cancel: {
    label: '撤销任务',
    permission: 'task.cancel',
    when: (task) => canTransition(task.status, 'cancelled'),
  },
  // POST /tasks/:id/urge: 催办, or 督办 from an ancestor organization; once a day (429 after).
  urge: { label: '催办', permission: 'task.urge', when: open, fromAbove: true },
} satisfies Record<string, ActionDefinition>;
export const TASK_ACTIONS = codesOf(ACTIONS);
export type TaskAction = (typeof TASK_ACTIONS)[number];
export const TASK_ACTION_LABELS = labelsOf(ACTIONS);

/** `viewedFromAbove`: the caller reads this task as a user of an ancestor organization (a county over a township). */
export function allowedActions(user: AuthUser, task: TaskState, viewedFromAbove = false): TaskAction[] {
  return TASK_ACTIONS.filter((action) => {
    const rule: ActionDefinition = ACTIONS[action];
    const permitted =
      can(user, rule.permission, task) ||
      (Boolean(rule.fromAbove) && viewedFromAbove && can(user, rule.permission));
    return permitted && rule.when(task);
  });
}
