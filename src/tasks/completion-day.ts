import { todayIn } from '../common/calendar';
import { InvalidInputError } from '../common/domain-error';

/**
 * The day the work was done, given with 申请销号 (default: today in the configured zone). It cannot lie in the
 * future, nor before the task existed; a leader's approval keeps it, so "on time" compares it with the deadline.
 */
export function completionDay(
  given: string | undefined,
  task: { createdAt: string },
  timeZone: string,
  now: Date = new Date(),
): string {
  const today = todayIn(timeZone, now);
  if (given === undefined) return today;
  const parsed = new Date(`${given}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== given)
    throw new InvalidInputError('INVALID_COMPLETED_ON', '完成日期格式不正确，应为 YYYY-MM-DD');
  if (given > today) throw new InvalidInputError('COMPLETED_ON_IN_FUTURE', '完成日期不能晚于今天');
  if (given < todayIn(timeZone, new Date(task.createdAt)))
    throw new InvalidInputError('COMPLETED_ON_BEFORE_TASK', '完成日期不能早于任务创建的日期');
  return given;
}
