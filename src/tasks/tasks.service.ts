import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { todayIn } from '../common/calendar';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { OrganizationScopeService } from '../identity/org-scope';
import { assertCan } from '../identity/permissions';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { OutboxRepository } from '../outbox/outbox.repository';
import type { FieldChanges } from '../queue/task-events';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { PatchTaskDto } from './dto/task.dto';
import { TaskExtensionRepository } from './task-extension.repository';
import { itemTypeOf } from './item-type';
import { allowedActions } from './task-actions';
import { TaskHistoryRepository } from './task-history.repository';
import { assertAssignable } from './task-rules';
import { CLOSED_STATUSES } from './task-status';
import { presentTask, TaskRow } from './task-view';
import { TaskRepository } from './task.repository';

export interface AssignmentChanges {
  leaderId?: string;
  unitId?: string;
  assigneeId?: string;
  deadline?: string;
  title?: string;
  /** Why (kept in the history as the entry's note); the task page asks for one with every deadline change. */
  reason?: string;
}

const ASSIGNMENT_FIELDS = ['leaderId', 'unitId', 'assigneeId', 'deadline', 'title'] as const;

/** Reading a task, and its assignment (people, deadline, title); status changes live in TaskProgressService. */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly history: TaskHistoryRepository,
    private readonly extensions: TaskExtensionRepository,
    private readonly outbox: OutboxRepository,
    private readonly directory: UserDirectoryRepository,
    private readonly scope: OrganizationScopeService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /** `today` is passed in by callers presenting many rows at once, so the date is worked out once. */
  present(row: TaskRow, today = todayIn(this.runtime.config.TIME_ZONE)) {
    return presentTask(row, today, this.runtime.config.TASK_SCHEDULE_MARGIN_PERCENT);
  }

  /** The task if the caller may read it: their organization's, or (read-only) one of its descendants'. */
  async getVisible(user: AuthUser, id: string): Promise<TaskRow> {
    return this.tasks.getInOrganizations(await this.scope.visibleOrganizationIds(user), id);
  }

  async get(user: AuthUser, id: string) {
    const row = await this.getVisible(user, id);
    const [history, updates, evidence, extensionRequests] = await Promise.all([
      this.history.findHistory(id),
      this.history.findUpdates(id),
      this.history.findEvidence(id),
      this.extensions.findOfTask(id),
    ]);
    return {
      ...this.present(row),
      // getVisible reads the caller's subtree: a task of another organization is one below theirs.
      allowedActions: allowedActions(user, row, row.organizationId !== user.organizationId),
      history,
      updates,
      evidence,
      extensionRequests,
    };
  }

  /** Reassignment and rescheduling, guarded by the optimistic `version`. */
  async patch(user: AuthUser, id: string, dto: PatchTaskDto) {
    assertCan(user, 'task.assign');
    await this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.lockInOrganization(manager, user.organizationId, id);
      if (task.version !== dto.version) throw versionConflict(task.version);
      const { problemTaskId, version: _version, ...assignment } = dto;
      // The problem link is bookkeeping of the ledger, so it may still be set on a closed task.
      const reassigns = ASSIGNMENT_FIELDS.some((key) => assignment[key] !== undefined);
      if (reassigns && CLOSED_STATUSES.includes(task.status))
        throw new ConflictError('TASK_CLOSED', '任务已办结（已销号或已撤销），不能再修改');
      if (problemTaskId !== undefined) await this.linkProblem(manager, user, task, problemTaskId);
      if (reassigns) await this.applyAssignment(manager, user, task, assignment, 'updated');
    });
    return this.get(user, id);
  }

  /**
   * Applies leader/unit/assignee/deadline/title changes to a locked task (history + outbox in the caller's
   * transaction); a `new` task that now has everything becomes `assigned`. Returns whether anything changed.
   */
  async applyAssignment(
    manager: EntityManager,
    user: AuthUser,
    task: TaskRow,
    dto: AssignmentChanges,
    action: string,
  ): Promise<boolean> {
    await this.assertMembers(manager, user.organizationId, dto);
    const changes: FieldChanges = {};
    for (const key of ASSIGNMENT_FIELDS) {
      if (dto[key] !== undefined && dto[key] !== task[key])
        changes[key] = { from: task[key] ?? null, to: dto[key] };
    }
    const next = {
      ...task,
      ...Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.to])),
    } as TaskRow;
    const becomesAssigned =
      task.status === 'new' && Boolean((next.unitId || next.assigneeId) && next.deadline && next.leaderId);
    if (becomesAssigned) changes.status = { from: 'new', to: 'assigned' };
    if (!Object.keys(changes).length) return false;
    if (next.assigneeId && (changes.assigneeId || changes.unitId))
      await this.assertAssignee(manager, user.organizationId, next.assigneeId, next.unitId);
    await this.tasks.updateAssignment(
      manager,
      task.id,
      {
        leaderId: next.leaderId,
        unitId: next.unitId,
        assigneeId: next.assigneeId,
        deadline: next.deadline,
        title: next.title,
        status: becomesAssigned ? 'assigned' : task.status,
      },
      becomesAssigned,
    );
    await this.history.record(manager, task, user.id, action, changes, dto.reason?.trim() || null);
    const { organizationId } = user;
    await this.outbox.recordTaskEvent(manager, organizationId, 'task.updated', task.id, {
      actorId: user.id,
      changes,
    });
    if (changes.deadline)
      await this.outbox.recordTaskEvent(manager, organizationId, 'task.deadline_changed', task.id, {
        actorId: user.id,
        from: changes.deadline.from,
        to: changes.deadline.to,
        ...(dto.reason ? { reason: dto.reason } : {}),
      });
    if (becomesAssigned || changes.unitId || changes.assigneeId || changes.leaderId) {
      await this.outbox.recordTaskEvent(manager, organizationId, 'task.assigned', task.id, {
        actorId: user.id,
        unitId: next.unitId,
        assigneeId: next.assigneeId,
        leaderId: next.leaderId,
        deadline: next.deadline,
      });
    }
    return true;
  }

  /** Links the task to the 整改问题 it answers (null unlinks): a problem-type task of the same organization. */
  private async linkProblem(
    manager: EntityManager,
    user: AuthUser,
    task: TaskRow,
    problemTaskId: string | null,
  ): Promise<void> {
    if (problemTaskId === task.problemTaskId) return;
    if (problemTaskId !== null) {
      if (itemTypeOf(task) === 'problem')
        throw new InvalidInputError('PROBLEM_LINK_INVALID', '整改问题本身不能再关联到其他问题');
      const target = await this.tasks.findLinkTarget(manager, user.organizationId, problemTaskId);
      if (!target) throw new InvalidInputError('PROBLEM_NOT_FOUND', '要关联的整改问题不存在或不属于本单位');
      if (itemTypeOf(target) !== 'problem')
        throw new InvalidInputError(
          'PROBLEM_LINK_INVALID',
          `“${target.title}”不是整改问题，只能关联到整改问题`,
        );
    }
    await this.tasks.setProblem(manager, task.id, problemTaskId);
    const changes: FieldChanges = { problemTaskId: { from: task.problemTaskId, to: problemTaskId } };
    await this.history.record(manager, task, user.id, 'updated', changes);
    await this.outbox.recordTaskEvent(manager, user.organizationId, 'task.updated', task.id, {
      actorId: user.id,
      changes,
    });
  }

  /** Leaders, units and assignees named in a request must belong to the caller's organization (404 otherwise). */
  async assertMembers(
    manager: EntityManager,
    organizationId: string,
    ids: { leaderId?: string; unitId?: string; assigneeId?: string },
  ): Promise<void> {
    if (ids.unitId && !(await this.directory.isUnitOf(organizationId, ids.unitId, manager)))
      throw new NotFoundError('责任单位', 'UNIT_NOT_FOUND');
    if (ids.leaderId && !(await this.directory.isUserOf(organizationId, ids.leaderId, manager)))
      throw new NotFoundError('责任领导', 'USER_NOT_FOUND');
    if (ids.assigneeId && !(await this.directory.isUserOf(organizationId, ids.assigneeId, manager)))
      throw new NotFoundError('责任人', 'USER_NOT_FOUND');
  }

  /** The assignee named for a task of `unitId` can do its work (task-rules.ts), else 400. */
  async assertAssignee(
    manager: EntityManager,
    organizationId: string,
    assigneeId: string,
    unitId: string | null,
  ): Promise<void> {
    assertAssignable(await this.directory.findAssignable(organizationId, assigneeId, manager), unitId);
  }

  /** The unit of a named assignee: what a confirmed item without a unit of its own belongs to. */
  async unitOfAssignee(manager: EntityManager, organizationId: string, assigneeId: string) {
    return (await this.directory.findAssignable(organizationId, assigneeId, manager))?.unitId ?? null;
  }
}

function versionConflict(current: number): ConflictError {
  return new ConflictError('VERSION_CONFLICT', '任务已被他人修改，请刷新后重试', { currentVersion: current });
}
