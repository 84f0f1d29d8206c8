import type { AuthUser } from '../identity/auth-user';

/** The work waiting on someone: what GET /me/inbox counts and lists. */
export const INBOX_QUEUES = ['pendingReview', 'pendingExtensions', 'overdue', 'dueSoon', 'pressed'] as const;
export type InboxQueue = (typeof INBOX_QUEUES)[number];

/** 临期: due within this many days (today included). */
export const DUE_SOON_DAYS = 3;

/** Tasks still waiting on the unit: a task 待核验 waits on the leader, a closed one on no one. */
const WAITING_ON_UNIT = `t.status IN ('new', 'assigned', 'in_progress')`;

type Bind = (value: unknown) => string;

/** What a queue's clause may depend on besides the caller's scope: the day, and who is asking. */
interface QueueContext {
  today: string;
  soon: string;
  callerId: string;
}

const QUEUE_CLAUSES: Record<InboxQueue, (bind: Bind, at: QueueContext) => string> = {
  pendingReview: () => `t.status = 'pending_review'`,
  pendingExtensions: () =>
    `t.status NOT IN ('completed', 'cancelled') AND EXISTS (SELECT 1 FROM extension_requests e WHERE e.task_id = t.id AND e.status = 'pending')`,
  overdue: (bind, { today }) => `${WAITING_ON_UNIT} AND t.deadline < ${bind(today)}::date`,
  dueSoon: (bind, { today, soon }) =>
    `${WAITING_ON_UNIT} AND t.deadline BETWEEN ${bind(today)}::date AND ${bind(soon)}::date`,
  // 催办 / 县级督办 not yet answered with a 办理情况 (history urged / supervised with no later urge_replied: the
  // township answers the latest press, which answers the ones before it too). The answer is owed by the people
  // pressed, so a press the caller made is not waiting on them.
  pressed: (bind, { callerId }) =>
    `t.status NOT IN ('completed', 'cancelled') AND EXISTS (
       SELECT 1 FROM task_history h WHERE h.task_id = t.id AND h.action IN ('urged', 'supervised')
          AND h.actor_id IS DISTINCT FROM ${bind(callerId)}::uuid
          AND NOT EXISTS (SELECT 1 FROM task_history r WHERE r.task_id = t.id AND r.action = 'urge_replied' AND r.id > h.id))`,
};

/**
 * WHERE clause over `tasks t` for one queue in the caller's scope: an admin sees the organization, a leader the
 * tasks they lead, staff the tasks of their unit or assigned to them. Values are bound parameters.
 */
export function inboxClause(
  queue: InboxQueue,
  user: Pick<AuthUser, 'id' | 'role' | 'organizationId' | 'unitId'>,
  today: string,
  soon: string,
): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind: Bind = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  const clauses = [
    `t.organization_id = ${bind(user.organizationId)}`,
    QUEUE_CLAUSES[queue](bind, { today, soon, callerId: user.id }),
  ];
  if (user.role === 'leader') clauses.push(`t.leader_id = ${bind(user.id)}`);
  else if (user.role !== 'admin')
    clauses.push(`(t.assignee_id = ${bind(user.id)} OR t.unit_id = ${bind(user.unitId)}::uuid)`);
  return { where: clauses.join(' AND '), params };
}
