import { ForbiddenError } from '../common/domain-error';
import type { AuthUser, Role } from './auth-user';

/**
 * Ownership rules beyond the role check:
 * - 'organization': the resource must belong to the caller's organization.
 * - 'own-unit-or-assignee': staff additionally need the resource's unit to be theirs or be its assignee.
 * - 'author': staff additionally need to have written the resource themselves.
 */
type Ownership = 'organization' | 'own-unit-or-assignee' | 'author';

interface Permission {
  roles: readonly Role[];
  ownership: Ownership;
  /** Roles the ownership rule applies to; others pass with organization membership alone. */
  restrictedRoles?: readonly Role[];
}

/** The permissions the table repeats, by who holds them. */
const EVERYONE = {
  roles: ['admin', 'leader', 'staff', 'viewer'],
  ownership: 'organization',
} as const satisfies Permission;
const MANAGERS_ONLY = { roles: ['admin', 'leader'], ownership: 'organization' } as const satisfies Permission;
const ADMINS_ONLY = { roles: ['admin'], ownership: 'organization' } as const satisfies Permission;
/** Work on a unit's tasks and records: staff only on their own unit's (or what is assigned to them). */
const UNIT_WORK = {
  roles: ['admin', 'leader', 'staff'],
  ownership: 'own-unit-or-assignee',
  restrictedRoles: ['staff'],
} as const satisfies Permission;

/** The one permission table: action → roles allowed and the ownership rule they are held to. */
export const PERMISSIONS = {
  'report.import': MANAGERS_ONLY,
  'task.read': EVERYONE,
  'task.assign': MANAGERS_ONLY,
  'task.progress': UNIT_WORK,
  'task.review': MANAGERS_ONLY,
  'task.cancel': MANAGERS_ONLY,
  'task.extension.request': UNIT_WORK,
  'task.extension.decide': MANAGERS_ONLY,
  // 催办; from an ancestor organization it is a 督办 (the service checks the task is in the caller's subtree).
  'task.urge': MANAGERS_ONLY,
  // 我的待办: the queues of work waiting on the caller; viewers have none.
  'inbox.read': { roles: ['admin', 'leader', 'staff'], ownership: 'organization' },
  // Everyone sees the unit list (filters, task views); leaders also see users, to pick assignees.
  'unit.read': EVERYONE,
  'unit.manage': ADMINS_ONLY,
  'robot.manage': ADMINS_ONLY,
  'user.read': MANAGERS_ONLY,
  'user.manage': ADMINS_ONLY,
  'organization.read': EVERYONE,
  'organization.manage': ADMINS_ONLY,
  'organization.settings': ADMINS_ONLY,
  // 月度通报: issued for the organizations below the caller's; read there too, cut to the reader's own line.
  'bulletin.issue': MANAGERS_ONLY,
  'bulletin.read': MANAGERS_ONLY,
  'reminder.sweep': ADMINS_ONLY,
  'draft.read': EVERYONE,
  'draft.edit': MANAGERS_ONLY,
  'queue.dashboard': ADMINS_ONLY,
  'worklog.read': EVERYONE,
  'worklog.write': UNIT_WORK,
  'worklog.delete': { roles: ['admin', 'leader', 'staff'], ownership: 'author', restrictedRoles: ['staff'] },
  'worklog.report': MANAGERS_ONLY,
  'worklog.categories.manage': ADMINS_ONLY,
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof PERMISSIONS;

export interface PermissionResource {
  organizationId: string;
  unitId?: string | null;
  assigneeId?: string | null;
  leaderId?: string | null;
  authorId?: string | null;
}

/** Whether `user` may perform `action`, optionally on a specific resource of some organization. */
export function can(user: AuthUser, action: Action, resource?: PermissionResource): boolean {
  const permission: Permission = PERMISSIONS[action];
  if (!permission.roles.includes(user.role)) return false;
  if (!resource) return true;
  if (resource.organizationId !== user.organizationId) return false;
  if (permission.ownership === 'own-unit-or-assignee' && permission.restrictedRoles?.includes(user.role)) {
    const ownUnit = user.unitId !== null && resource.unitId === user.unitId;
    return ownUnit || resource.assigneeId === user.id;
  }
  if (permission.ownership === 'author' && permission.restrictedRoles?.includes(user.role))
    return resource.authorId === user.id;
  return true;
}

const DENIAL_MESSAGES: Partial<Record<Action, string>> = {
  'task.progress': '只能报送本单位或分派给本人的任务',
  'task.extension.request': '只能为本单位或分派给本人的任务申请延期',
  'worklog.write': '只能记录和修改本单位的工作纪实',
  'task.urge': '只有领导和管理员可以催办',
  'inbox.read': '查看人员没有待办事项',
  'worklog.delete': '只能删除本人填写的工作纪实',
  'worklog.report': '只有领导和管理员可以确定工作纪实是否写入报告',
};

export function assertCan(user: AuthUser, action: Action, resource?: PermissionResource): void {
  if (!can(user, action, resource)) throw new ForbiddenError(DENIAL_MESSAGES[action]);
}
