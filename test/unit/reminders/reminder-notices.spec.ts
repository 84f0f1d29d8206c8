import { reminderDedupeKey, reminderNotice } from '../../../src/reminders/reminder-notices';
import { ReminderPolicy } from '../../../src/reminders/reminder-rules';

const policy: ReminderPolicy = {
  overdueDailyDays: 3,
  overdueCadenceDays: 7,
  escalationLeaderDays: 3,
  escalationParentDays: 14,
  inactivityDays: 30,
};
const task = (overDays: number | null, idleDays = 0) => ({
  title: '规范执法文书',
  deadline: overDays === null ? null : '2025-06-10',
  overDays,
  idleDays,
});

describe('reminder texts', () => {
  it('counts the days left before the deadline and names the day itself', () => {
    expect(reminderNotice('due_in_3', task(-3), policy)).toEqual({
      title: '整改任务3天后到期',
      body: '任务「规范执法文书」的截止日期为 2025-06-10，还有 3 天到期，请抓紧办理。',
    });
    expect(reminderNotice('due_in_1', task(-1), policy).title).toBe('整改任务明天到期');
    expect(reminderNotice('due_today', task(0), policy)).toEqual({
      title: '整改任务今天到期',
      body: '任务「规范执法文书」的截止日期为今天（2025-06-10），请及时办理并申请销号。',
    });
  });

  it('counts the days overdue for the assignee and for the supervising organization', () => {
    expect(reminderNotice('overdue', task(10), policy).body).toBe(
      '任务「规范执法文书」的截止日期为 2025-06-10，已逾期 10 天，请尽快办理。',
    );
    expect(reminderNotice('escalate_parent', task(15), policy)).toEqual({
      title: '下级单位整改任务严重逾期',
      body: '任务「规范执法文书」（截止日期 2025-06-10）已逾期 15 天，请督促下级单位办理。',
    });
  });

  it("tells the leader why: overdue beyond the leader's threshold, else idle (with no deadline named as such)", () => {
    expect(reminderNotice('escalate_leader', task(4), policy).body).toBe(
      '任务「规范执法文书」（截止日期 2025-06-10）已逾期 4 天，请督促办理。',
    );
    expect(reminderNotice('escalate_leader', task(2, 31), policy).body).toBe(
      '任务「规范执法文书」（截止日期 2025-06-10）已 31 天没有进展，请督促办理。',
    );
    expect(reminderNotice('escalate_leader', task(null, 31), policy)).toEqual({
      title: '整改任务需要督办',
      body: '任务「规范执法文书」（截止日期 未设定）已 31 天没有进展，请督促办理。',
    });
  });

  it('keys a reminder by task, kind, sweep date and person', () => {
    expect(reminderDedupeKey('t', 'overdue', '2025-06-10', 'u')).toBe('reminder:t:overdue:2025-06-10:u');
  });
});
