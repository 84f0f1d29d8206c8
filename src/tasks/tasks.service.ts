import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { todayIn } from '../common/calendar';
import { ConflictError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { OrganizationScopeService } from '../identity/org-scope';
import { assertCan } from '../identity/permissions';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { OutboxRepository } from '../outbox/outbox.repository';
import type { FieldChanges } from '../queue/task-events';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { PatchTaskDto } from './dto/task.dto';
import { TaskExtensionRepository } from './task-extension.repository';
import { allowedActions } from './task-actions';
import { TaskHistoryRepository } from './task-history.repository';
import { CLOSED_STATUSES } from './task-status';
import { presentTask, TaskRow } from './task-view';
import { TaskRepository } from './task.repository';

export interface AssignmentChanges {
  leaderId?: string;
  unitId?: string;
  assigneeId?: string;
  deadline?: string;
  title?: string;
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

  /** Readable from the task's organization and from those above it (a county's drill-down, read-only). */
  async get(user: AuthUser, id: string) {
    const row = await this.tasks.getInOrganizations(await this.scope.visibleOrganizationIds(user), id);
    const [history, updates, evidence, extensionRequests] = await Promise.all([
      this.history.findHistory(id),
      this.history.findUpdates(id),
      this.history.findEvidence(id),
      this.extensions.findOfTask(id),
    ]);
    return {
      ...this.present(row),
      allowedActions: allowedActions(user, row),
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
      if (CLOSED_STATUSES.includes(task.status))
        throw new ConflictError('TASK_CLOSED', '任务已办结（已销号或已撤销），不能再修改');
      await this.applyAssignment(manager, user, task, dto, 'updated');
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
    await this.history.record(manager, task, user.id, action, changes);
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
}

function versionConflict(current: number): ConflictError {
  return new ConflictError('VERSION_CONFLICT', '任务已被他人修改，请刷新后重试', { currentVersion: current });
}
