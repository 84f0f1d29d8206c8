import { ForbiddenError } from '../../../src/common/domain-error';
import type { AuthUser, Role } from '../../../src/identity/auth-user';
import { Action, assertCan, can, PERMISSIONS } from '../../../src/identity/permissions';

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

/** The expected table, written out independently of PERMISSIONS: one row per action, one column per role. */
const EXPECTED: Record<Action, Record<Role, boolean>> = {
  'report.import': { admin: true, leader: true, staff: false, viewer: false },
  'task.read': { admin: true, leader: true, staff: true, viewer: true },
  'task.assign': { admin: true, leader: true, staff: false, viewer: false },
  'task.progress': { admin: true, leader: true, staff: true, viewer: false },
  'task.review': { admin: true, leader: true, staff: false, viewer: false },
  'task.cancel': { admin: true, leader: true, staff: false, viewer: false },
  'task.extension.request': { admin: true, leader: true, staff: true, viewer: false },
  'task.extension.decide': { admin: true, leader: true, staff: false, viewer: false },
  'task.urge': { admin: true, leader: true, staff: false, viewer: false },
  'inbox.read': { admin: true, leader: true, staff: true, viewer: false },
  'unit.read': { admin: true, leader: true, staff: true, viewer: true },
  'unit.manage': { admin: true, leader: false, staff: false, viewer: false },
  'robot.manage': { admin: true, leader: false, staff: false, viewer: false },
  'user.read': { admin: true, leader: true, staff: false, viewer: false },
  'user.manage': { admin: true, leader: false, staff: false, viewer: false },
  'organization.read': { admin: true, leader: true, staff: true, viewer: true },
  'organization.manage': { admin: true, leader: false, staff: false, viewer: false },
  'organization.settings': { admin: true, leader: false, staff: false, viewer: false },
  'bulletin.issue': { admin: true, leader: true, staff: false, viewer: false },
  'bulletin.read': { admin: true, leader: true, staff: false, viewer: false },
  'reminder.sweep': { admin: true, leader: false, staff: false, viewer: false },
  'draft.read': { admin: true, leader: true, staff: true, viewer: true },
  'draft.edit': { admin: true, leader: true, staff: false, viewer: false },
  'queue.dashboard': { admin: true, leader: false, staff: false, viewer: false },
  'worklog.read': { admin: true, leader: true, staff: true, viewer: true },
  'worklog.write': { admin: true, leader: true, staff: true, viewer: false },
  'worklog.delete': { admin: true, leader: true, staff: true, viewer: false },
  'worklog.report': { admin: true, leader: true, staff: false, viewer: false },
  'worklog.categories.manage': { admin: true, leader: false, staff: false, viewer: false },
};

const ROLES: Role[] = ['admin', 'leader', 'staff', 'viewer'];
const cells = (Object.keys(EXPECTED) as Action[]).flatMap((action) =>
  ROLES.map((role) => [action, role, EXPECTED[action][role]] as const),
);
const OWN_TASK = { organizationId: ORG, unitId: UNIT, assigneeId: null };
/** A resource of the caller's unit that the caller wrote (an own 工作纪实 entry). */
const ownResource = (role: Role) => ({ ...OWN_TASK, authorId: `${role}-id` });

describe('permission table', () => {
  it('lists exactly the expected actions', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(cells)('%s by %s on an own-organization resource of their unit → %s', (action, role, allowed) => {
    expect(can(userOf(role), action, ownResource(role))).toBe(allowed);
    expect(can(userOf(role), action)).toBe(allowed);
  });

  it.each(cells)('%s by %s on another organization’s resource is refused', (action, role) => {
    expect(
      can(userOf(role), action, { organizationId: 'org-2', unitId: UNIT, assigneeId: `${role}-id` }),
    ).toBe(false);
  });
});

describe('ownership of staff actions', () => {
  const staff = userOf('staff');
  const otherUnitTask = { organizationId: ORG, unitId: 'unit-2', assigneeId: 'someone-else' };

  it.each(['task.progress', 'task.extension.request'] as const)(
    '%s: staff may act on tasks of their own unit',
    (action) => {
      expect(can(staff, action, { organizationId: ORG, unitId: UNIT, assigneeId: null })).toBe(true);
    },
  );

  it.each(['task.progress', 'task.extension.request'] as const)(
    '%s: staff may act on tasks assigned to them in another unit',
    (action) => {
      expect(can(staff, action, { ...otherUnitTask, assigneeId: staff.id })).toBe(true);
    },
  );

  it.each(['task.progress', 'task.extension.request'] as const)(
    '%s: staff may not act on other units’ tasks not assigned to them',
    (action) => {
      expect(can(staff, action, otherUnitTask)).toBe(false);
    },
  );

  it('staff without a unit do not match tasks without a unit', () => {
    expect(
      can(userOf('staff', { unitId: null }), 'task.progress', {
        organizationId: ORG,
        unitId: null,
        assigneeId: null,
      }),
    ).toBe(false);
  });

  it.each(['admin', 'leader'] as const)('%s may report progress on any task of the organization', (role) => {
    expect(can(userOf(role), 'task.progress', otherUnitTask)).toBe(true);
  });
});

describe('ownership of 工作纪实 entries', () => {
  const staff = userOf('staff');
  const colleaguesEntry = { organizationId: ORG, unitId: UNIT, authorId: 'someone-else' };

  it('staff may change entries of their unit, not of another unit', () => {
    expect(can(staff, 'worklog.write', colleaguesEntry)).toBe(true);
    expect(can(staff, 'worklog.write', { ...colleaguesEntry, unitId: 'unit-2' })).toBe(false);
  });

  it('staff may delete only entries they wrote; leaders and admins any of the organization', () => {
    expect(can(staff, 'worklog.delete', colleaguesEntry)).toBe(false);
    expect(can(staff, 'worklog.delete', { ...colleaguesEntry, authorId: staff.id })).toBe(true);
    expect(can(userOf('leader'), 'worklog.delete', colleaguesEntry)).toBe(true);
    expect(() => assertCan(staff, 'worklog.delete', colleaguesEntry)).toThrow('只能删除本人填写的工作纪实');
  });
});

describe('assertCan', () => {
  it('throws ForbiddenError with a Chinese message when refused and passes when allowed', () => {
    expect(() => assertCan(userOf('viewer'), 'task.assign')).toThrow(ForbiddenError);
    expect(() =>
      assertCan(userOf('staff'), 'task.progress', { organizationId: ORG, unitId: 'unit-2' }),
    ).toThrow('只能报送本单位或分派给本人的任务');
    expect(() => assertCan(userOf('leader'), 'task.assign', OWN_TASK)).not.toThrow();
  });
});
