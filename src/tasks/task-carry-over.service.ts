import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { assertCan } from '../identity/permissions';
import { CarryOverDto } from './dto/carry-over.dto';
import { OPEN_STATUSES } from './task-status';
import { TaskWriter } from './task-writer';
import { TaskRepository } from './task.repository';

/**
 * 年度结转: at year end a leader carries each unfinished task into the next year with its 未完成原因, the next step
 * and a new deadline in that year. The task stays one task with its history; the year's report reads the reason.
 */
@Injectable()
export class TaskCarryOverService {
  constructor(
    private readonly writer: TaskWriter,
    private readonly tasks: TaskRepository,
  ) {}

  async carryOver(user: AuthUser, id: string, dto: CarryOverDto) {
    assertCan(user, 'task.review');
    return this.writer.change(user, id, async (change) => {
      const { task } = change;
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
      await this.tasks.carryOver(change.manager, id, { intoYear, reason, nextStep, deadline: dto.deadline });
      await change.record(
        'carried_over',
        {
          deadline: { from: task.deadline, to: dto.deadline },
          carriedIntoYear: { from: null, to: intoYear },
          ...(nextStep ? { nextStep: { from: null, to: nextStep } } : {}),
        },
        reason,
      );
      await change.announce('task.deadline_changed', {
        actorId: user.id,
        from: task.deadline,
        to: dto.deadline,
        reason: `年度结转：${reason}`,
      });
    });
  }
}
