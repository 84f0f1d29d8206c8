import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { assertCan } from '../identity/permissions';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import type { FieldChanges } from '../queue/task-events';
import { assertAssignee, assertMembers } from './assignment-checks';
import { PatchTaskDto } from './dto/task.dto';
import { itemTypeOf } from './item-type';
import { CLOSED_STATUSES } from './task-status';
import { TaskRow } from './task-view';
import { TaskChange, TaskWriter } from './task-writer';
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

/** A task's assignment (people, deadline, title) and its problem link; status changes live in TaskProgressService. */
@Injectable()
export class TaskAssignmentService {
  constructor(
    private readonly writer: TaskWriter,
    private readonly tasks: TaskRepository,
    private readonly directory: UserDirectoryRepository,
  ) {}

  /** Reassignment and rescheduling, guarded by the optimistic `version`. */
  async patch(user: AuthUser, id: string, dto: PatchTaskDto) {
    assertCan(user, 'task.assign');
    const { problemTaskId, version, ...assignment } = dto;
    // The problem link is bookkeeping of the ledger, so it may still be set on a closed task.
    const reassigns = ASSIGNMENT_FIELDS.some((key) => assignment[key] !== undefined);
    return this.writer.change(user, id, async (change) => {
      const { task } = change;
      if (task.version !== version) throw versionConflict(task.version);
      if (reassigns && CLOSED_STATUSES.includes(task.status))
        throw new ConflictError('TASK_CLOSED', '任务已办结（已销号或已撤销），不能再修改');
      if (problemTaskId !== undefined) await this.linkProblem(change, user, problemTaskId);
      if (reassigns) await this.assign(change, user, assignment, 'updated');
    });
  }

  /**
   * Applies leader/unit/assignee/deadline/title changes to the locked task; a `new` task that now has everything
   * becomes `assigned`. Returns whether anything changed.
   */
  async assign(change: TaskChange, user: AuthUser, dto: AssignmentChanges, action: string): Promise<boolean> {
    const { manager, task } = change;
    await assertMembers(this.directory, manager, user.organizationId, dto);
    const changes: FieldChanges = {};
    for (const key of ASSIGNMENT_FIELDS) {
      if (dto[key] !== undefined && dto[key] !== task[key])
        changes[key] = { from: task[key] ?? null, to: dto[key] };
    }
    const next = {
      ...task,
      ...Object.fromEntries(Object.entries(changes).map(([key, field]) => [key, field.to])),
    } as TaskRow;
    const becomesAssigned =
      task.status === 'new' && Boolean((next.unitId || next.assigneeId) && next.deadline && next.leaderId);
    if (becomesAssigned) changes.status = { from: 'new', to: 'assigned' };
    if (!Object.keys(changes).length) return false;
    if (next.assigneeId && (changes.assigneeId || changes.unitId))
      await assertAssignee(this.directory, manager, user.organizationId, next.assigneeId, next.unitId);
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
    await change.record(action, changes, dto.reason?.trim() || null);
    await change.announce('task.updated', { actorId: user.id, changes });
    if (changes.deadline)
      await change.announce('task.deadline_changed', {
        actorId: user.id,
        from: changes.deadline.from,
        to: changes.deadline.to,
        ...(dto.reason ? { reason: dto.reason } : {}),
      });
    if (becomesAssigned || changes.unitId || changes.assigneeId || changes.leaderId) {
      await change.announce('task.assigned', {
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
  private async linkProblem(change: TaskChange, user: AuthUser, problemTaskId: string | null): Promise<void> {
    const { manager, task } = change;
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
    await change.record('updated', changes);
    await change.announce('task.updated', { actorId: user.id, changes });
  }
}

function versionConflict(current: number): ConflictError {
  return new ConflictError('VERSION_CONFLICT', '任务已被他人修改，请刷新后重试', { currentVersion: current });
}
