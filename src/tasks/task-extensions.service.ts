import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { assertCan } from '../identity/permissions';
import { ExtensionDecisionDto, ExtensionRequestDto } from './dto/task.dto';
import { TaskExtensionRepository } from './task-extension.repository';
import { CLOSED_STATUSES, illegalTransition } from './task-status';
import { TaskRepository } from './task.repository';
import { TaskWriter } from './task-writer';

/** 延期申请: staff ask for a later deadline with a reason, a leader approves (deadline changes) or refuses. */
@Injectable()
export class TaskExtensionsService {
  constructor(
    private readonly writer: TaskWriter,
    private readonly tasks: TaskRepository,
    private readonly extensions: TaskExtensionRepository,
  ) {}

  request(user: AuthUser, id: string, dto: ExtensionRequestDto) {
    return this.writer.change(user, id, async (change) => {
      const { manager, task } = change;
      assertCan(user, 'task.extension.request', task);
      if (CLOSED_STATUSES.includes(task.status)) throw illegalTransition(task.status, 'in_progress');
      if (task.deadline && dto.requestedDeadline <= task.deadline)
        throw new InvalidInputError('EXTENSION_NOT_LATER', '申请的新时限必须晚于当前完成时限');
      if (await this.extensions.hasPending(manager, id))
        throw new ConflictError('EXTENSION_PENDING', '该任务已有待审批的延期申请');
      await this.extensions.add(manager, {
        taskId: id,
        organizationId: user.organizationId,
        requestedBy: user.id,
        currentDeadline: task.deadline,
        requestedDeadline: dto.requestedDeadline,
        reason: dto.reason,
      });
      await change.record(
        'extension_requested',
        { requestedDeadline: { from: task.deadline, to: dto.requestedDeadline } },
        dto.reason,
      );
      await change.announce('task.updated', { actorId: user.id, extensionRequested: dto.requestedDeadline });
      await change.announce('task.extension_requested', {
        actorId: user.id,
        currentDeadline: task.deadline,
        requestedDeadline: dto.requestedDeadline,
        reason: dto.reason,
      });
    });
  }

  decide(user: AuthUser, id: string, extensionId: string, dto: ExtensionDecisionDto) {
    assertCan(user, 'task.extension.decide');
    return this.writer.change(user, id, async (change) => {
      const { manager, task } = change;
      const extension = await this.extensions.findForDecision(manager, id, extensionId);
      if (!extension) throw new NotFoundError('延期申请', 'EXTENSION_NOT_FOUND');
      if (extension.status !== 'pending') throw new ConflictError('EXTENSION_DECIDED', '该延期申请已审批过');
      const approved = dto.decision === 'approve';
      // The history line of a decision shows what was asked (from the deadline then in force) and what was granted.
      const requested = { from: extension.currentDeadline, to: extension.requestedDeadline };
      await change.announce('task.extension_decided', {
        actorId: user.id,
        approved,
        requestedDeadline: extension.requestedDeadline,
        comment: dto.comment ?? null,
      });
      await this.extensions.decide(manager, extensionId, {
        status: approved ? 'approved' : 'refused',
        decidedBy: user.id,
        decisionComment: dto.comment ?? null,
      });
      if (!approved) {
        await change.record(
          'extension_refused',
          { requestedDeadline: requested },
          [extension.reason, dto.comment].filter(Boolean).join('；'),
        );
        await change.announce('task.updated', { actorId: user.id, extensionRefused: extensionId });
        return;
      }
      if (CLOSED_STATUSES.includes(task.status)) throw illegalTransition(task.status, 'in_progress');
      await this.tasks.reschedule(manager, id, extension.requestedDeadline);
      const reason = [extension.reason, dto.comment].filter(Boolean).join('；');
      await change.record(
        'extension_approved',
        { deadline: { from: task.deadline, to: extension.requestedDeadline }, requestedDeadline: requested },
        reason,
      );
      await change.announce('task.deadline_changed', {
        actorId: user.id,
        from: task.deadline,
        to: extension.requestedDeadline,
        reason,
      });
    });
  }
}
