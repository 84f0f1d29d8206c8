import { codesOf } from '../common/closed-vocabulary';

/**
 * What a robot message is about, as the delivery path hands it over. Stored as JSON with the queued message and
 * rendered per vendor only when its batch is sent, so several reminders for one group become one message.
 */
export const KIND_LABELS = { due: '到期提醒', overdue: '逾期', urge: '催办', supervise: '县级督办' };
export const ROBOT_REMINDER_KINDS = codesOf(KIND_LABELS);
export type RobotReminderKind = (typeof ROBOT_REMINDER_KINDS)[number];

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

const DUE: RobotAudience = { kind: 'due', unitRobots: true, leaderRobots: false };
const URGE: RobotAudience = { kind: 'urge', unitRobots: true, leaderRobots: false };
// A county's 督办 also reaches the township's leaders.
const SUPERVISE: RobotAudience = { kind: 'supervise', unitRobots: true, leaderRobots: true };

/**
 * Notification kinds (as stored in notifications.kind) that go to group robots. Data, not code: a feature that
 * stores a new kind of notice adds a line here. `task.urged` is the 催办 notice of POST /tasks/:id/urge; from an
 * ancestor organization it is a 县级督办 (see urgeAudience).
 */
const AUDIENCES: Record<string, RobotAudience> = {
  due_in_7: DUE,
  due_in_3: DUE,
  due_in_1: DUE,
  due_today: DUE,
  overdue: { kind: 'overdue', unitRobots: true, leaderRobots: false },
  escalate_leader: { kind: 'overdue', unitRobots: false, leaderRobots: true },
  escalate_parent: { kind: 'overdue', unitRobots: false, leaderRobots: true },
  urge: URGE,
  supervise: SUPERVISE,
  'task.urged': URGE,
  'task.urged.supervise': SUPERVISE,
  'task.supervised': SUPERVISE,
};

/**
 * A 催办 notice is a 县级督办 when its kind says so (`supervise`, `task.supervised`, `task.urged.supervise`) or, for
 * a `task.urged` notice that carries the event's `supervise` flag only in its wording, when its title names 督办.
 */
function urgeAudience(audience: RobotAudience, title: string): RobotAudience {
  return audience.kind === 'urge' && title.includes('督办') ? SUPERVISE : audience;
}

/**
 * The robot audience of a notification, or null: by its kind, a 催办 made a 督办 by its data's `supervise` flag
 * (the task.urged event's, kept with the notice) or, for notices without data, by its title.
 */
export function robotAudienceOf(
  notificationKind: string,
  title = '',
  data?: Record<string, unknown> | null,
): RobotAudience | null {
  const audience = AUDIENCES[notificationKind];
  if (!audience) return null;
  if (audience.kind === 'urge' && typeof data?.supervise === 'boolean')
    return data.supervise ? SUPERVISE : audience;
  return urgeAudience(audience, title);
}

/** What a 催办 notice's data says about it (task.urged: `{actorId, message, supervise}`), when it has data. */
export function urgeDetailsOf(
  data: Record<string, unknown> | null | undefined,
): { actorId: string | null; message: string | null } | null {
  if (!data || typeof data !== 'object') return null;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
  return { actorId: text(data.actorId), message: text(data.message) };
}
