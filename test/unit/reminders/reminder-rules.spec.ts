import { todayIn } from '../../../src/common/calendar';
import { parseAsOf, reminderKindsOn, ReminderPolicy } from '../../../src/reminders/reminder-rules';

const policy: ReminderPolicy = {
  overdueDailyDays: 3,
  overdueCadenceDays: 7,
  escalationLeaderDays: 3,
  escalationParentDays: 14,
  inactivityDays: 30,
};

describe('reminderKindsOn', () => {
  it('reminds 7, 3 and 1 days before the deadline and on the day, and not on other days before it', () => {
    const before = [-8, -7, -6, -5, -4, -3, -2, -1, 0].map((d) => [d, reminderKindsOn(d, 0, policy)]);
    expect(before).toEqual([
      [-8, []],
      [-7, ['due_in_7']],
      [-6, []],
      [-5, []],
      [-4, []],
      [-3, ['due_in_3']],
      [-2, []],
      [-1, ['due_in_1']],
      [0, ['due_today']],
    ]);
  });

  it('reminds overdue daily for the first days, then by the cadence', () => {
    const overdueDays = Array.from({ length: 30 }, (_, i) => i + 1).filter((d) =>
      reminderKindsOn(d, 0, policy).includes('overdue'),
    );
    expect(overdueDays).toEqual([1, 2, 3, 10, 17, 24]);
    const everyThree = Array.from({ length: 12 }, (_, i) => i + 1).filter((d) =>
      reminderKindsOn(d, 0, { ...policy, overdueCadenceDays: 3 }).includes('overdue'),
    );
    expect(everyThree).toEqual([1, 2, 3, 6, 9, 12]);
  });

  it('escalates to the leader past the leader threshold and to the parent organization past the second threshold', () => {
    const leader = Array.from({ length: 20 }, (_, i) => i + 1).filter((d) =>
      reminderKindsOn(d, 0, policy).includes('escalate_leader'),
    );
    expect(leader).toEqual([4, 11, 18]);
    const parent = Array.from({ length: 30 }, (_, i) => i + 1).filter((d) =>
      reminderKindsOn(d, 0, policy).includes('escalate_parent'),
    );
    expect(parent).toEqual([15, 22, 29]);
  });

  it('escalates an idle task to the leader even without a deadline, and an update resets the clock', () => {
    expect(reminderKindsOn(null, 31, policy)).toEqual(['escalate_leader']);
    expect(reminderKindsOn(null, 30, policy)).toEqual([]);
    expect(reminderKindsOn(-20, 1, policy)).toEqual([]);
  });
});

describe('parseAsOf and todayIn', () => {
  it('accepts real dates only', () => {
    expect(parseAsOf('2025-02-28')).toBe('2025-02-28');
    for (const bad of ['2025-02-30', '2025-2-1', 'tomorrow', ''])
      expect(() => parseAsOf(bad)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('gives the Shanghai date even when UTC is still on the previous day', () => {
    expect(todayIn('Asia/Shanghai', new Date('2025-03-31T17:30:00Z'))).toBe('2025-04-01');
  });
});
