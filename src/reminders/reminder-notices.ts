import type { Audience } from '../identity/user-directory.repository';
import { ReminderKind, ReminderPolicy } from './reminder-rules';

/** Who a reminder goes to: deadline reminders to the assignee (or unit staff), escalations up the line. */
export const REMINDER_AUDIENCE: Record<ReminderKind, Audience> = {
  due_in_7: 'assignee',
  due_in_3: 'assignee',
  due_in_1: 'assignee',
  due_today: 'assignee',
  overdue: 'assignee',
  escalate_leader: 'leader_or_admins',
  escalate_parent: 'parent_admins',
};

const TITLES: Record<ReminderKind, string> = {
  due_in_7: '整改任务7天后到期',
  due_in_3: '整改任务3天后到期',
  due_in_1: '整改任务明天到期',
  due_today: '整改任务今天到期',
  overdue: '整改任务已逾期',
  escalate_leader: '整改任务需要督办',
  escalate_parent: '下级单位整改任务严重逾期',
};

export interface RemindedTask {
  title: string;
  deadline: string | null;
  overDays: number | null;
  idleDays: number;
}

/** Title and text of a reminder. A leader's escalation says why: overdue beyond ESCALATION_LEADER_DAYS, or idle. */
export function reminderNotice(
  kind: ReminderKind,
  task: RemindedTask,
  policy: ReminderPolicy,
): { title: string; body: string } {
  const name = `任务「${task.title}」`;
  const due = task.deadline ?? '未设定';
  const over = task.overDays ?? 0;
  const body = (() => {
    switch (kind) {
      case 'due_in_7':
      case 'due_in_3':
      case 'due_in_1':
        return `${name}的截止日期为 ${due}，还有 ${-over} 天到期，请抓紧办理。`;
      case 'due_today':
        return `${name}的截止日期为今天（${due}），请及时办理并申请销号。`;
      case 'overdue':
        return `${name}的截止日期为 ${due}，已逾期 ${over} 天，请尽快办理。`;
      case 'escalate_leader':
        return task.overDays !== null && task.overDays > policy.escalationLeaderDays
          ? `${name}（截止日期 ${due}）已逾期 ${over} 天，请督促办理。`
          : `${name}（截止日期 ${due}）已 ${task.idleDays} 天没有进展，请督促办理。`;
      case 'escalate_parent':
        return `${name}（截止日期 ${due}）已逾期 ${over} 天，请督促下级单位办理。`;
    }
  })();
  return { title: TITLES[kind], body };
}

/** Unique per task, kind, sweep date and person: a repeated or concurrent sweep stores nothing twice. */
export function reminderDedupeKey(taskId: string, kind: ReminderKind, asOf: string, userId: string): string {
  return `reminder:${taskId}:${kind}:${asOf}:${userId}`;
}
