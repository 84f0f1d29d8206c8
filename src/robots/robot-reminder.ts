/**
 * What a robot message is about, as the delivery path hands it over. Stored as JSON with the queued message and
 * rendered per vendor only when its batch is sent, so several reminders for one group become one message.
 */
export const ROBOT_REMINDER_KINDS = ['due', 'overdue', 'urge', 'supervise'] as const;
export type RobotReminderKind = (typeof ROBOT_REMINDER_KINDS)[number];

export const KIND_LABELS: Record<RobotReminderKind, string> = {
  due: '到期提醒',
  overdue: '逾期',
  urge: '催办',
  supervise: '县级督办',
};

/** Someone the message is for: @mentioned by mobile where the vendor allows it, named in the text otherwise. */
export interface RobotPerson {
  name: string;
  /** A mainland mobile number, or null (the person is then only named). */
  mobile: string | null;
}

export interface RobotReminder {
  kind: RobotReminderKind;
  taskId: string;
  taskTitle: string;
  unitName: string | null;
  /** YYYY-MM-DD, or null for a task without a deadline. */
  deadline: string | null;
  /** The calendar day (YYYY-MM-DD, TIME_ZONE) the reminder speaks of: days left are counted from it, not from when it is sent. */
  asOf: string;
  /** 催办 / 督办: who presses, e.g. "党政办 王主任" or "某县人民政府 李副县长". */
  pressedBy?: string | null;
  /** 催办 / 督办: what they wrote. */
  note?: string | null;
  people: RobotPerson[];
}

/** Which robots a stored notification goes to, and as what: null for notices that stay in-app and e-mail. */
export interface RobotAudience {
  kind: RobotReminderKind;
  unitRobots: boolean;
  leaderRobots: boolean;
}

const AUDIENCES: Record<string, RobotAudience> = {
  due_in_7: { kind: 'due', unitRobots: true, leaderRobots: false },
  due_in_3: { kind: 'due', unitRobots: true, leaderRobots: false },
  due_in_1: { kind: 'due', unitRobots: true, leaderRobots: false },
  due_today: { kind: 'due', unitRobots: true, leaderRobots: false },
  overdue: { kind: 'overdue', unitRobots: true, leaderRobots: false },
  escalate_leader: { kind: 'overdue', unitRobots: false, leaderRobots: true },
  escalate_parent: { kind: 'overdue', unitRobots: false, leaderRobots: true },
  urge: { kind: 'urge', unitRobots: true, leaderRobots: false },
  // A county's 督办 also reaches the township's leaders.
  supervise: { kind: 'supervise', unitRobots: true, leaderRobots: true },
};

/** The robot audience of a notification kind (the reminder sweep's kinds, `urge`, `supervise`). */
export function robotAudienceOf(notificationKind: string): RobotAudience | null {
  return AUDIENCES[notificationKind] ?? null;
}
