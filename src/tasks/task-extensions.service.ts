import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { ExtensionDecisionDto, ExtensionRequestDto } from './dto/task.dto';
import { recordHistory, recordTaskEvent } from './outbox';
import { assertCan } from '../identity/permissions';
import { CLOSED_STATUSES, illegalTransition } from './task-status';
import { TasksService } from './tasks.service';

/** 延期申请: staff ask for a later deadline with a reason, a leader approves (deadline changes) or refuses. */
@Injectable()
export class TaskExtensionsService {
  constructor(private readonly tasks: TasksService) {}

  async request(user: AuthUser, id: string, dto: ExtensionRequestDto) {
    await this.tasks.dataSource.transaction(async (manager) => {
      const task = await this.tasks.findRow(manager, user, id, true);
      assertCan(user, 'task.extension.request', task);
      if (CLOSED_STATUSES.includes(task.status)) throw illegalTransition(task.status, 'in_progress');
      if (task.deadline && dto.requestedDeadline <= task.deadline)
        throw new InvalidInputError('EXTENSION_NOT_LATER', '申请的新时限必须晚于当前完成时限');
      const [pending] = await manager.query(
        `SELECT id FROM extension_requests WHERE task_id = $1 AND status = 'pending'`,
        [id],
      );
      if (pending) throw new ConflictError('EXTENSION_PENDING', '该任务已有待审批的延期申请');
      await manager.query(
        `INSERT INTO extension_requests (task_id, organization_id, requested_by, current_deadline, requested_deadline, reason) VALUES ($1,$2,$3,$4,$5,$6)`,
        [id, user.organizationId, user.id, task.deadline, dto.requestedDeadline, dto.reason],
      );
      await recordHistory(
        manager,
        task,
        user.id,
        'extension_requested',
        { requestedDeadline: { from: task.deadline, to: dto.requestedDeadline } },
        dto.reason,
      );
      await recordTaskEvent(manager, user.organizationId, 'task.updated', id, {
        actorId: user.id,
        extensionRequested: dto.requestedDeadline,
      });
    });
    return this.tasks.get(user, id);
  }

  async decide(user: AuthUser, id: string, extensionId: string, dto: ExtensionDecisionDto) {
    assertCan(user, 'task.extension.decide');
    await this.tasks.dataSource.transaction(async (manager) => {
      const task = await this.tasks.findRow(manager, user, id, true);
      const [extension] = await manager.query(
        `SELECT id, status, requested_deadline::text AS "requestedDeadline", reason FROM extension_requests WHERE id = $1 AND task_id = $2 FOR UPDATE`,
        [extensionId, id],
      );
      if (!extension) throw new NotFoundError('延期申请', 'EXTENSION_NOT_FOUND');
      if (extension.status !== 'pending') throw new ConflictError('EXTENSION_DECIDED', '该延期申请已审批过');
      const approved = dto.decision === 'approve';
      await manager.query(
        `UPDATE extension_requests SET status = $2, decided_by = $3, decided_at = now(), decision_comment = $4 WHERE id = $1`,
        [extensionId, approved ? 'approved' : 'refused', user.id, dto.comment ?? null],
      );
      if (!approved) {
        await recordHistory(manager, task, user.id, 'extension_refused', {}, dto.comment ?? null);
        await recordTaskEvent(manager, user.organizationId, 'task.updated', id, {
          actorId: user.id,
          extensionRefused: extensionId,
        });
        return;
      }
      if (CLOSED_STATUSES.includes(task.status)) throw illegalTransition(task.status, 'in_progress');
      await manager.query(
        `UPDATE tasks SET deadline = $2, version = version + 1, updated_at = now(), last_activity_at = now() WHERE id = $1`,
        [id, extension.requestedDeadline],
      );
      const reason = [extension.reason, dto.comment].filter(Boolean).join('；');
      await recordHistory(
        manager,
        task,
        user.id,
        'extension_approved',
        { deadline: { from: task.deadline, to: extension.requestedDeadline } },
        reason,
      );
      await recordTaskEvent(manager, user.organizationId, 'task.deadline_changed', id, {
        actorId: user.id,
        from: task.deadline,
        to: extension.requestedDeadline,
        reason,
      });
    });
    return this.tasks.get(user, id);
  }
}
