import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, InvalidInputError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { assertCan } from '../identity/permissions';
import { OutboxRepository } from '../outbox/outbox.repository';
import { CarryOverDto } from './dto/carry-over.dto';
import { TaskHistoryRepository } from './task-history.repository';
import { OPEN_STATUSES } from './task-status';
import { TaskRepository } from './task.repository';
import { TasksService } from './tasks.service';

/**
 * 年度结转: at year end a leader carries each unfinished task into the next year with its 未完成原因, the next step
 * and a new deadline in that year. The task stays one task with its history; the year's report reads the reason.
 */
@Injectable()
export class TaskCarryOverService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly history: TaskHistoryRepository,
    private readonly outbox: OutboxRepository,
    private readonly taskService: TasksService,
  ) {}

  async carryOver(user: AuthUser, id: string, dto: CarryOverDto) {
    assertCan(user, 'task.review');
    await this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.lockInOrganization(manager, user.organizationId, id);
      if (!OPEN_STATUSES.includes(task.status))
        throw new ConflictError('CARRY_OVER_NOT_OPEN', '只有未完成的任务可以结转到下一年度');
      if (task.planYear === null)
        throw new InvalidInputError('CARRY_OVER_NO_PLAN_YEAR', '该任务没有计划年度，无法结转');
      const intoYear = task.planYear + 1;
      if (!dto.deadline.startsWith(`${intoYear}-`))
        throw new InvalidInputError('CARRY_OVER_DEADLINE_NOT_NEXT_YEAR', `新的完成时限应在${intoYear}年内`);
      const reason = dto.reason.trim();
      if (!reason) throw new InvalidInputError('CARRY_OVER_REASON_EMPTY', '请填写未完成原因');
      const nextStep = dto.nextStep?.trim() || null;
      await this.tasks.carryOver(manager, id, { intoYear, reason, nextStep, deadline: dto.deadline });
      await this.history.record(
        manager,
        task,
        user.id,
        'carried_over',
        {
          deadline: { from: task.deadline, to: dto.deadline },
          carriedIntoYear: { from: null, to: intoYear },
          ...(nextStep ? { nextStep: { from: null, to: nextStep } } : {}),
        },
        reason,
      );
      await this.outbox.recordTaskEvent(manager, user.organizationId, 'task.deadline_changed', id, {
        actorId: user.id,
        from: task.deadline,
        to: dto.deadline,
        reason: `年度结转：${reason}`,
      });
    });
    return this.taskService.get(user, id);
  }
}
