import { HttpStatus, Injectable } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { assertCan } from '../identity/permissions';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { TaskHistoryRepository } from '../tasks/task-history.repository';
import { CLOSED_STATUSES } from '../tasks/task-status';
import { TaskChange, TaskWriter } from '../tasks/task-writer';
import { TasksService } from '../tasks/tasks.service';
import { UrgeDto, UrgeReplyDto } from './dto/supervision.dto';

/** History actions: a 催办 within the organization, a 县级督办 from an ancestor, and the township's 办理情况. */
export const URGE_ACTIONS = { urge: 'urged', supervise: 'supervised', reply: 'urge_replied' } as const;

/**
 * 催办 and 督办: a leader or admin presses the people of a late task. Once per task per day per kind, so a notice
 * that arrives on every channel stays a signal; the task row lock makes two presses at once count as two.
 */
@Injectable()
export class UrgeService {
  constructor(
    private readonly writer: TaskWriter,
    private readonly history: TaskHistoryRepository,
    private readonly taskService: TasksService,
    private readonly calendar: OrganizationCalendar,
  ) {}

  async urge(user: AuthUser, id: string, dto: UrgeDto) {
    assertCan(user, 'task.urge');
    const visible = await this.taskService.getVisible(user, id);
    const supervise = visible.organizationId !== user.organizationId;
    const action = supervise ? URGE_ACTIONS.supervise : URGE_ACTIONS.urge;
    const message = dto.message?.trim() || null;
    const urgeOnce = async (change: TaskChange) => {
      if (CLOSED_STATUSES.includes(change.task.status))
        throw new ConflictError('TASK_CLOSED', '任务已办结（已销号或已撤销），无需催办');
      const today = this.calendar.today();
      if (await this.history.countActionsOn(change.manager, id, action, today, this.calendar.timeZone))
        throw new DomainError(
          'URGE_LIMIT_REACHED',
          supervise
            ? '该任务今天已督办过，每个任务每天只能督办一次'
            : '该任务今天已催办过，每个任务每天只能催办一次',
          HttpStatus.TOO_MANY_REQUESTS,
        );
      await change.record(action, {}, message);
      await change.announce('task.urged', { actorId: user.id, message, supervise });
    };
    return this.writer.change(user, id, urgeOnce, visible.organizationId);
  }

  /**
   * The township's 办理情况 on a 催办 or 督办: a history line the county reads in the task's history, and a notice
   * to whoever pressed (the entry's actor), who may sit in the county above.
   */
  async reply(user: AuthUser, id: string, urgeId: string, dto: UrgeReplyDto) {
    return this.writer.change(user, id, async (change) => {
      assertCan(user, 'task.progress', change.task);
      // The cited press is among those the answer settles, or it is no press of this task.
      const presses = /^\d{1,18}$/.test(urgeId)
        ? await this.history.findPressesAnswered(change.manager, id, urgeId, PRESSES, URGE_ACTIONS.reply)
        : [];
      if (!presses.some((press) => BigInt(press.id) === BigInt(urgeId)))
        throw new NotFoundError('催办记录', 'URGE_NOT_FOUND');
      const text = dto.text.trim();
      await change.record(URGE_ACTIONS.reply, { urgeId: { from: null, to: urgeId } }, text);
      // Everyone whose press this answers hears of it once (a 督办 answered through a later 催办 too).
      for (const press of latestPressOfEachPresser(presses))
        await change.announce('task.urge_replied', {
          actorId: user.id,
          urgeId: press.id,
          presserId: press.actorId,
          text,
          supervise: press.action === URGE_ACTIONS.supervise,
        });
    });
  }
}

const PRESSES: string[] = [URGE_ACTIONS.urge, URGE_ACTIONS.supervise];

/** Each presser's latest press among `presses` (oldest first); presses by no one (the system) are nobody's. */
function latestPressOfEachPresser<P extends { actorId: string | null }>(presses: P[]): P[] {
  const latest = new Map<string, P>();
  for (const press of presses) if (press.actorId) latest.set(press.actorId, press);
  return [...latest.values()];
}
