import type { AuthUser, Role } from '../../../src/identity/auth-user';
import { allowedActions, TaskAction, TaskState } from '../../../src/tasks/task-actions';
import { TASK_STATUSES, TaskStatus } from '../../../src/tasks/task-status';

const ORG = 'org-1';
const UNIT = 'unit-1';

function userOf(role: Role, overrides: Partial<AuthUser> = {}): AuthUser {
  return {
    id: `${role}-id`,
    organizationId: ORG,
    role,
    unitId: role === 'staff' ? UNIT : null,
    username: role,
    displayName: role,
    ...overrides,
  };
}

function taskOf(status: TaskStatus, overrides: Partial<TaskState> = {}): TaskState {
  return {
    organizationId: ORG,
    unitId: UNIT,
    assigneeId: null,
    leaderId: 'leader-id',
    status,
    extensionPending: false,
    ...overrides,
  };
}

/**
 * The expected actions, written out by hand from the routes' own checks, for someone who works the task (a leader or
 * admin, or staff of its unit or its assignee) and for a leader or admin, per status, without a pending extension.
 */
const WORKER: Record<TaskStatus, TaskAction[]> = {
  new: ['upload_evidence', 'request_extension'],
  assigned: ['update', 'submit_for_review', 'upload_evidence', 'request_extension'],
  in_progress: ['update', 'submit_for_review', 'upload_evidence', 'request_extension'],
  pending_review: ['upload_evidence', 'request_extension'],
  completed: [],
  cancelled: [],
};
const MANAGER_ONLY: Record<TaskStatus, TaskAction[]> = {
  new: ['edit', 'reassign', 'change_deadline', 'cancel', 'urge'],
  assigned: ['edit', 'reassign', 'change_deadline', 'cancel', 'urge'],
  in_progress: ['edit', 'reassign', 'change_deadline', 'cancel', 'urge'],
  pending_review: ['review', 'edit', 'reassign', 'change_deadline', 'cancel', 'urge'],
  completed: [],
  cancelled: [],
};

const sorted = (actions: TaskAction[]) => [...actions].sort();

describe('allowed actions on a task', () => {
  it.each(TASK_STATUSES)('lets leaders and admins work and manage a %s task of any unit', (status) => {
    for (const role of ['leader', 'admin'] as const)
      expect(sorted(allowedActions(userOf(role), taskOf(status, { unitId: 'unit-2' })))).toEqual(
        sorted([...WORKER[status], ...MANAGER_ONLY[status]]),
      );
  });

  it.each(TASK_STATUSES)(
    'lets staff work a %s task of their unit or assigned to them, nothing more',
    (status) => {
      expect(sorted(allowedActions(userOf('staff'), taskOf(status)))).toEqual(sorted(WORKER[status]));
      const assigned = taskOf(status, { unitId: 'unit-2', assigneeId: 'staff-id' });
      expect(sorted(allowedActions(userOf('staff'), assigned))).toEqual(sorted(WORKER[status]));
    },
  );

  it.each(TASK_STATUSES)(
    'gives staff of another unit, a unitless staff user and viewers nothing on a %s task',
    (status) => {
      expect(allowedActions(userOf('staff', { unitId: 'unit-2' }), taskOf(status))).toEqual([]);
      expect(allowedActions(userOf('staff', { unitId: null }), taskOf(status, { unitId: null }))).toEqual([]);
      expect(allowedActions(userOf('viewer'), taskOf(status, { assigneeId: 'viewer-id' }))).toEqual([]);
    },
  );

  it('gives nobody anything on a task of another organization', () => {
    for (const role of ['admin', 'leader', 'staff', 'viewer'] as const)
      for (const status of TASK_STATUSES)
        expect(allowedActions(userOf(role), taskOf(status, { organizationId: 'org-2' }))).toEqual([]);
  });

  it('swaps requesting an extension for deciding it while a request is pending on an open task', () => {
    for (const status of ['new', 'assigned', 'in_progress', 'pending_review'] as const) {
      const pending = taskOf(status, { extensionPending: true });
      const leader = allowedActions(userOf('leader'), pending);
      expect(leader).toContain('decide_extension');
      expect(leader).not.toContain('request_extension');
      const staff = allowedActions(userOf('staff'), pending);
      expect(staff).not.toContain('decide_extension');
      expect(staff).not.toContain('request_extension');
    }
    for (const status of ['completed', 'cancelled'] as const)
      expect(allowedActions(userOf('leader'), taskOf(status, { extensionPending: true }))).toEqual([]);
    expect(allowedActions(userOf('leader'), taskOf('in_progress'))).not.toContain('decide_extension');
  });

  it('lists actions in one fixed order, so clients can lay out forms predictably', () => {
    expect(allowedActions(userOf('admin'), taskOf('in_progress'))).toEqual([
      'update',
      'submit_for_review',
      'upload_evidence',
      'request_extension',
      'edit',
      'reassign',
      'change_deadline',
      'cancel',
      'urge',
    ]);
  });

  it('lets leaders and admins of an organization above press (督办) an open task, and nothing else', () => {
    for (const status of TASK_STATUSES) {
      const below = taskOf(status, { organizationId: 'township' });
      const open = !['completed', 'cancelled'].includes(status);
      for (const role of ['leader', 'admin'] as const)
        expect(allowedActions(userOf(role), below, true)).toEqual(open ? ['urge'] : []);
      for (const role of ['staff', 'viewer'] as const)
        expect(allowedActions(userOf(role), below, true)).toEqual([]);
    }
  });
});
