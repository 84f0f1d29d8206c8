import { ItemType, itemTypeClause } from './item-type';
import { CLOSED_STATUSES, TaskStatus } from './task-status';
import { lightSql } from './task-view';
import type { TrafficLight } from './traffic-light';

/** The deadline key of the tasks_org_*due_idx indexes (migration TaskDueIndex): open-ended tasks sort last. */
export const DUE_KEY = `COALESCE(t.deadline, 'infinity'::date)`;

export const TASK_SORTS: Record<string, string> = {
  deadline: `${DUE_KEY} ASC, t.created_at`,
  '-deadline': 't.deadline DESC NULLS LAST, t.created_at',
  createdAt: 't.created_at ASC',
  '-createdAt': 't.created_at DESC',
  progress: 't.progress ASC, t.deadline',
  '-progress': 't.progress DESC, t.deadline',
  title: 't.title ASC',
  '-title': 't.title DESC',
};

export interface TaskFilterQuery {
  status?: string;
  unitId?: string;
  leaderId?: string;
  assigneeId?: string;
  kind?: string;
  reportId?: string;
  itemType?: ItemType;
  year?: number;
  overdue?: 'true' | 'false';
  /** true: not yet closed (已销号 or 已撤销); false: closed. */
  open?: 'true' | 'false';
  light?: TrafficLight;
  q?: string;
}

export interface TaskFilterContext {
  organizationId: string;
  today: string;
  marginPercent: number;
  timeZone: string;
}

/** WHERE clause and parameters over `tasks t` for the ledger's filters; every value is a bound parameter. */
export function taskFilters(
  query: TaskFilterQuery,
  context: TaskFilterContext,
): { where: string; params: unknown[] } {
  const params: unknown[] = [context.organizationId];
  const clauses = ['t.organization_id = $1'];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const add = (sql: (placeholder: string) => string, value: unknown) => clauses.push(sql(bind(value)));
  const status = query.status as TaskStatus | undefined;
  if (status) add((p) => `t.status = ${p}`, status);
  if (query.unitId) add((p) => `t.unit_id = ${p}`, query.unitId);
  if (query.leaderId) add((p) => `t.leader_id = ${p}`, query.leaderId);
  if (query.assigneeId) add((p) => `t.assignee_id = ${p}`, query.assigneeId);
  if (query.kind) add((p) => `t.kind = ${p}`, query.kind);
  if (query.reportId) add((p) => `t.report_id = ${p}`, query.reportId);
  if (query.itemType) clauses.push(itemTypeClause(query.itemType, bind));
  if (query.year) add((p) => `t.plan_year = ${p}`, query.year);
  // Chinese has no word boundaries: substring match, served by the trigram index on search_text.
  if (query.q) add((p) => `t.search_text ILIKE ${p}`, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const addDue = (clause: DueClause) =>
    clause === 'none' ? clauses.push('false') : clause && add(clause, context.today);
  const addStatus = (clause: string | null) => clause && clauses.push(clause);
  if (query.overdue) addDue(overdueClause(query.overdue === 'true', status));
  if (query.open) addStatus(closedClause(query.open === 'false', status));
  if (query.light) {
    // Red is exactly "overdue", yellow implies "open and not yet due", gray is exactly "closed" and green implies
    // "open": saying so lets a due index (or the status) narrow the rows before the light expression runs on each.
    if (query.light === 'red') addDue(overdueClause(true, status));
    if (query.light === 'yellow') addDue(openNotDueClause(status));
    if (query.light === 'gray') addStatus(closedClause(true, status));
    if (query.light === 'green') addStatus(closedClause(false, status));
    params.push(context.today);
    const light = lightSql(`$${params.length}::date`, context.marginPercent, context.timeZone);
    add((p) => `(${light}) = ${p}`, query.light);
  }
  return { where: clauses.join(' AND '), params };
}

/** A clause over the due key with today as its parameter; null keeps every row, 'none' keeps none. */
type DueClause = ((today: string) => string) | 'none' | null;

const CLOSED_LIST = CLOSED_STATUSES.map((s) => `'${s}'`).join(',');

/**
 * Overdue means open with a deadline before today; a closed task never is. When the status filter already
 * settles whether the task is open, the status test is left out, so what remains is one range on a due index.
 */
function overdueClause(overdue: boolean, status: TaskStatus | undefined): DueClause {
  const closed = status ? CLOSED_STATUSES.includes(status) : undefined;
  if (closed === true) return overdue ? 'none' : null;
  if (closed === false) return (p) => `${DUE_KEY} ${overdue ? '<' : '>='} ${p}::date`;
  return overdue
    ? (p) => `t.status NOT IN (${CLOSED_LIST}) AND ${DUE_KEY} < ${p}::date`
    : (p) => `(t.status IN (${CLOSED_LIST}) OR ${DUE_KEY} >= ${p}::date)`;
}

/** Whether the task is closed, left out when the status filter already settles it. */
function closedClause(closed: boolean, status: TaskStatus | undefined): string | null {
  if (status) return CLOSED_STATUSES.includes(status) === closed ? null : 'false';
  return `t.status ${closed ? 'IN' : 'NOT IN'} (${CLOSED_LIST})`;
}

function openNotDueClause(status: TaskStatus | undefined): DueClause {
  if (!status) return (p) => `t.status NOT IN (${CLOSED_LIST}) AND ${DUE_KEY} >= ${p}::date`;
  return CLOSED_STATUSES.includes(status) ? 'none' : (p) => `${DUE_KEY} >= ${p}::date`;
}
