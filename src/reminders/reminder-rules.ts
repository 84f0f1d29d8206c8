import { AppConfig } from '../config/app-config';
import { InvalidInputError } from '../common/domain-error';

export const REMINDER_KINDS = [
  'due_in_7',
  'due_in_3',
  'due_in_1',
  'due_today',
  'overdue',
  'escalate_leader',
  'escalate_parent',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface ReminderPolicy {
  overdueDailyDays: number;
  overdueCadenceDays: number;
  escalationLeaderDays: number;
  escalationParentDays: number;
  inactivityDays: number;
}

export function reminderPolicy(config: AppConfig): ReminderPolicy {
  return {
    overdueDailyDays: config.OVERDUE_DAILY_DAYS,
    overdueCadenceDays: config.OVERDUE_CADENCE_DAYS,
    escalationLeaderDays: config.ESCALATION_LEADER_DAYS,
    escalationParentDays: config.ESCALATION_PARENT_DAYS,
    inactivityDays: config.INACTIVITY_DAYS,
  };
}

const BEFORE_DEADLINE: Record<number, ReminderKind> = {
  [-7]: 'due_in_7',
  [-3]: 'due_in_3',
  [-1]: 'due_in_1',
  0: 'due_today',
};

/** True on the first day past `threshold` and then every `cadence` days, so an escalation repeats but never daily forever. */
function firesBeyond(days: number, threshold: number, cadence: number): boolean {
  return days > threshold && (days - threshold - 1) % cadence === 0;
}

/**
 * The reminder kinds a task gets on a sweep day. `overdueDays` = sweep date − deadline (negative before it,
 * null without a deadline); `idleDays` = sweep date − date of last activity. The sweep's SQL implements the
 * same rules set-based; an integration test checks the two agree.
 */
export function reminderKindsOn(
  overdueDays: number | null,
  idleDays: number | null,
  policy: ReminderPolicy,
): ReminderKind[] {
  const kinds: ReminderKind[] = [];
  const cadence = policy.overdueCadenceDays;
  if (overdueDays !== null && BEFORE_DEADLINE[overdueDays]) kinds.push(BEFORE_DEADLINE[overdueDays]);
  if (
    overdueDays !== null &&
    overdueDays > 0 &&
    (overdueDays <= policy.overdueDailyDays || (overdueDays - policy.overdueDailyDays) % cadence === 0)
  ) {
    kinds.push('overdue');
  }
  const lateForLeader =
    overdueDays !== null && firesBeyond(overdueDays, policy.escalationLeaderDays, cadence);
  const idleForLeader = idleDays !== null && firesBeyond(idleDays, policy.inactivityDays, cadence);
  if (lateForLeader || idleForLeader) kinds.push('escalate_leader');
  if (overdueDays !== null && firesBeyond(overdueDays, policy.escalationParentDays, cadence))
    kinds.push('escalate_parent');
  return kinds;
}

/** Accepts a real calendar date YYYY-MM-DD; anything else is a 400 INVALID_DATE. */
export function parseAsOf(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidInputError('INVALID_DATE', `日期 "${value}" 无效：应为 YYYY-MM-DD 格式的日期`);
  }
  return value;
}
