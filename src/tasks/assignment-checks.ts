import { EntityManager } from 'typeorm';
import { NotFoundError } from '../common/domain-error';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { assertAssignable } from './task-rules';

/** Leaders, units and assignees named in a request must belong to the caller's organization (404 otherwise). */
export async function assertMembers(
  directory: UserDirectoryRepository,
  manager: EntityManager,
  organizationId: string,
  ids: { leaderId?: string; unitId?: string; assigneeId?: string },
): Promise<void> {
  if (ids.unitId && !(await directory.isUnitOf(organizationId, ids.unitId, manager)))
    throw new NotFoundError('责任单位', 'UNIT_NOT_FOUND');
  if (ids.leaderId && !(await directory.isUserOf(organizationId, ids.leaderId, manager)))
    throw new NotFoundError('责任领导', 'USER_NOT_FOUND');
  if (ids.assigneeId && !(await directory.isUserOf(organizationId, ids.assigneeId, manager)))
    throw new NotFoundError('责任人', 'USER_NOT_FOUND');
}

/** The assignee named for a task of `unitId` can do its work (task-rules.ts), else 400. */
export async function assertAssignee(
  directory: UserDirectoryRepository,
  manager: EntityManager,
  organizationId: string,
  assigneeId: string,
  unitId: string | null,
): Promise<void> {
  assertAssignable(await directory.findAssignable(organizationId, assigneeId, manager), unitId);
}
