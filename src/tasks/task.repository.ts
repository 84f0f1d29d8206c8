import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../common/domain-error';
import type { TrafficLight } from './traffic-light';
import { poolQuery } from '../db/pool-query';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { TaskStatus } from './task-status';
import { Task } from './task.entity';
import { TASK_FROM, taskColumns, TaskRow } from './task-view';
import type { TaskScope } from './task-list-scope';

/** The person fields and deadline a reassignment sets, all at once. */
export interface TaskAssignment {
  leaderId: string | null;
  unitId: string | null;
  assigneeId: string | null;
  deadline: string | null;
  title: string;
  status: TaskStatus;
}

/** What a notice about a task needs to say and whom to tell. */
export interface TaskNoticeContext {
  organizationId: string;
  title: string;
  deadline: string | null;
  assigneeId: string | null;
  unitId: string | null;
  leaderId: string | null;
}

/** An open task a reminder sweep looks at; days are counted from the sweep date in TIME_ZONE. */
export interface ReminderCandidate extends TaskNoticeContext {
  id: string;
  /** Sweep date − deadline: negative before it, null without one. */
  overDays: number | null;
  /** Sweep date − day of the last activity. */
  idleDays: number;
}

/** A task as the 整改台账 shows it: the row, its group (the 整改问题 it answers, or itself) and its latest news. */
export interface LedgerRow extends TaskRow {
  /** 1-based number of the task's group (a problem with its measures) in ledger order: the 序号. */
  seq: number;
  /** Title of the problem the task answers (problem_task_id), null for tasks that answer none. */
  problemTitle: string | null;
  /** The note of the task's latest progress report. */
  lastNote: string | null;
  /** Sent back (退回整改) after its latest progress report, with the reviewer's comment. */
  sentBack: boolean;
  rejectionNote: string | null;
}

export interface LedgerPage {
  rows: LedgerRow[];
  /** Tasks and groups matching the filters, over all pages. */
  taskCount: number;
  groupCount: number;
}

export interface StatsRow {
  status: TaskStatus;
  unitId: string | null;
  light: TrafficLight;
  count: number;
}

export interface OrganizationStatsRow {
  organizationId: string;
  total: number;
  completed: number;
  cancelled: number;
  green: number;
  yellow: number;
  red: number;
  gray: number;
}

/** A task planned for a year, as the report draft tells it. */
export interface PlannedTask {
  id: string;
  reportItemId: string | null;
  kind: 'rectification' | 'plan';
  /** The report item kind it was made from (problem, cause, measure, plan), when it came from a report. */
  itemKind: string | null;
  title: string;
  headingPath: string[];
  /** The deadline now; for a task carried out of the year asked for, the one it had before the carry-over. */
  deadline: string | null;
  status: TaskStatus;
  outcome: string | null;
  /** The day the work was done (given with 申请销号; the approval day for tasks closed before it was kept). */
  completedOn: string | null;
  /** The day a leader approved it (销号), in TIME_ZONE. */
  verifiedOn: string | null;
  longTerm: boolean;
  /** The 整改问题 task this measure answers. */
  problemTaskId: string | null;
  /** The carry-over out of the year asked for (年度结转), when there is one. */
  carryOver: { reason: string; nextStep: string | null; deadline: string } | null;
}

/** An unfinished task of a year and what the leader decided for it at year end. */
export interface CarryOverCandidate {
  id: string;
  title: string;
  status: TaskStatus;
  deadline: string | null;
  unitId: string | null;
  carriedIntoYear: number | null;
  reason: string | null;
  nextStep: string | null;
  carriedDeadline: string | null;
}

/** Every write to a task moves its version (optimistic locking) and its activity time (idle escalation). */
const touched = {
  version: () => 'version + 1',
  updatedAt: () => 'now()',
  lastActivityAt: () => 'now()',
};

export interface OverdueTask {
  id: string;
  organizationId: string;
  title: string;
  deadline: string;
  daysOverdue: number;
  unitName: string | null;
}

/**
 * The `tasks` table. Reads return rows as the API shows them (taskColumns); the ledger's list, counts and stats
 * run straight on the pool (poolQuery) because they are the hottest reads. Writes take the caller's transaction.
 */
@Injectable()
export class TaskRepository {
  private readonly columns: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: OrganizationCalendar,
  ) {
    this.columns = taskColumns(calendar.timeZone);
  }

  /**
   * The organization's task revision (migration TaskListRevisions): 0 until it has any task, then moved by every
   * commit to its tasks or their extension requests. Caches of values derived from the tasks are keyed by it.
   * Ledger requests read it on every call, so it is a statement each connection prepares once.
   */
  async readRevision(organizationId: string): Promise<string> {
    const [{ revision }] = await poolQuery<{ revision: string }>(
      this.dataSource,
      `SELECT COALESCE((SELECT revision FROM task_list_revisions WHERE organization_id = $1), 0) AS revision`,
      [organizationId],
      'tasks-revision',
    );
    return revision;
  }

  /** The task scoped to the organization, 404 otherwise. */
  getInOrganization(organizationId: string, id: string, manager = this.dataSource.manager): Promise<TaskRow> {
    return this.getRow(manager, organizationId, id, '');
  }

  /** Whether the task is one of the organization's (what a 工作纪实 entry may cite). */
  existsInOrganization(organizationId: string, id: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(Task, { id, organizationId });
  }

  /** The task when it belongs to one of `organizationIds` (the caller's subtree: reads reach down), 404 otherwise. */
  async getInOrganizations(organizationIds: string[], id: string): Promise<TaskRow> {
    const [row]: TaskRow[] = await this.dataSource.query(
      `SELECT ${this.columns} FROM ${TASK_FROM} WHERE t.id = $1 AND t.organization_id = ANY($2::uuid[])`,
      [id, organizationIds],
    );
    if (!row) throw new NotFoundError('任务', 'TASK_NOT_FOUND');
    return row;
  }

  /** As getInOrganization, holding the task's row lock until the caller's transaction ends. */
  lockInOrganization(manager: EntityManager, organizationId: string, id: string): Promise<TaskRow> {
    return this.getRow(manager, organizationId, id, 'FOR UPDATE OF t');
  }

  private async getRow(
    manager: EntityManager,
    organizationId: string,
    id: string,
    lock: string,
  ): Promise<TaskRow> {
    const [row]: TaskRow[] = await manager.query(
      `SELECT ${this.columns} FROM ${TASK_FROM} WHERE t.id = $1 AND t.organization_id = $2 ${lock}`,
      [id, organizationId],
    );
    if (!row) throw new NotFoundError('任务', 'TASK_NOT_FOUND');
    return row;
  }

  /**
   * Open tasks of the plan year overdue on `asOf` in the given organizations, with their unit's name, longest
   * overdue first: the 逾期事项 of a county's 通报. Served by tasks_org_status_deadline_idx per organization.
   */
  findOverdueIn(organizationIds: string[], planYear: number, asOf: string): Promise<OverdueTask[]> {
    return this.dataSource.query(
      `SELECT t.id, t.organization_id AS "organizationId", t.title, t.deadline::text AS deadline,
              ($3::date - t.deadline) AS "daysOverdue", u.name AS "unitName"
         FROM tasks t LEFT JOIN units u ON u.id = t.unit_id
        WHERE t.organization_id = ANY($1::uuid[]) AND t.plan_year = $2 AND t.deadline < $3::date
          AND t.status NOT IN ('completed', 'cancelled')
        ORDER BY t.deadline, t.title`,
      [organizationIds, planYear, asOf],
    );
  }

  findByIds(ids: string[]): Promise<TaskRow[]> {
    return this.dataSource.query(`SELECT ${this.columns} FROM ${TASK_FROM} WHERE t.id = ANY($1::uuid[])`, [
      ids,
    ]);
  }

  /** A ledger page: `where`/`params` from taskFilters, `orderBy` from TASK_SORTS (never request text). */
  findPage(
    where: string,
    params: unknown[],
    orderBy: string,
    limit: number,
    offset: number,
  ): Promise<TaskRow[]> {
    return poolQuery(
      this.dataSource,
      `SELECT ${this.columns} FROM ${TASK_FROM} WHERE ${where} ORDER BY ${orderBy}, t.id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
  }

  /** The revision of a ledger scope (migration TaskScopesAndTallies); 0 while none of its tasks has changed. */
  async readScopeRevision(scope: TaskScope): Promise<string> {
    const [{ revision }] = await poolQuery<{ revision: string }>(
      this.dataSource,
      `SELECT ${scopeRevisionSql('$1', '$2')} AS revision`,
      [scope.scope, scope.id],
      'task-scope-revision',
    );
    return revision;
  }

  /**
   * A ledger page and, read in the same statement (so from the same snapshot), the revision of its scope and,
   * when asked, its total: summed from task_tallies or counted over the tasks. Both are uncorrelated subqueries,
   * which PostgreSQL runs once per statement, not per row. An empty page has no row to carry them: revision and
   * total are then left out (totalInScope reads them).
   */
  async findPageInScope(request: ScopedPageRequest): Promise<ScopedPage> {
    const { where, params, scope, total } = request;
    const s = params.length;
    const rows = await poolQuery<TaskRow & { scopeRevision: string; scopeTotal: number | null }>(
      this.dataSource,
      `SELECT ${this.columns}, ${scopeRevisionSql(`$${s + 1}`, `$${s + 2}`)} AS "scopeRevision",
              ${total ? `(${totalSql(where, total)})` : 'NULL::int'} AS "scopeTotal"
         FROM ${TASK_FROM} WHERE ${where}
        ORDER BY ${request.orderBy}, t.id LIMIT ${request.limit} OFFSET ${request.offset}`,
      [...params, scope.scope, scope.id],
    );
    if (!rows.length) return { rows: [] };
    // The two extra fields stay on the rows: presentTask picks the fields it shows.
    const { scopeRevision: revision, scopeTotal } = rows[0];
    return { rows, revision, total: scopeTotal ?? undefined };
  }

  /** A filter's total with its scope's revision, from one snapshot. */
  async totalInScope(
    where: string,
    params: unknown[],
    scope: TaskScope,
    how: TotalSource,
  ): Promise<{ revision: string; total: number }> {
    const s = params.length;
    const [row] = await poolQuery<{ revision: string; total: number }>(
      this.dataSource,
      `SELECT ${scopeRevisionSql(`$${s + 1}`, `$${s + 2}`)} AS revision, (${totalSql(where, how)}) AS total`,
      [...params, scope.scope, scope.id],
    );
    return row;
  }

  /** Filters only touch tasks, so the count skips the join. */
  async countMatching(where: string, params: unknown[]): Promise<number> {
    const [{ total }] = await poolQuery<{ total: number }>(
      this.dataSource,
      `SELECT count(*)::int AS total FROM tasks t WHERE ${where}`,
      params,
    );
    return total;
  }

  /** Counts by status, unit and light; `light` is lightSql over `$2`, today. */
  countByStatusUnitAndLight(organizationId: string, today: string, light: string): Promise<StatsRow[]> {
    return poolQuery(
      this.dataSource,
      `SELECT t.status, t.unit_id AS "unitId", ${light} AS light, count(*)::int AS count
         FROM tasks t WHERE t.organization_id = $1 GROUP BY 1, 2, 3`,
      [organizationId, today],
    );
  }

  /** Totals and lights per organization, for those that have tasks; `light` as above. */
  countPerOrganization(
    organizationIds: string[],
    today: string,
    light: string,
  ): Promise<OrganizationStatsRow[]> {
    return poolQuery(
      this.dataSource,
      `SELECT t.organization_id AS "organizationId", count(*)::int AS total,
              count(*) FILTER (WHERE t.status = 'completed')::int AS completed,
              count(*) FILTER (WHERE t.status = 'cancelled')::int AS cancelled,
              count(*) FILTER (WHERE ${light} = 'green')::int AS green,
              count(*) FILTER (WHERE ${light} = 'yellow')::int AS yellow,
              count(*) FILTER (WHERE ${light} = 'red')::int AS red,
              count(*) FILTER (WHERE ${light} = 'gray')::int AS gray
         FROM tasks t WHERE t.organization_id = ANY($1::uuid[]) GROUP BY t.organization_id`,
      [organizationIds, today],
    );
  }

  /** Serialises confirmations of one report item until the transaction ends; tasks.report_item_id is unique besides. */
  async lockReportItem(manager: EntityManager, reportItemId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [reportItemId]);
  }

  async findIdByReportItem(manager: EntityManager, reportItemId: string): Promise<string | null> {
    const task = await manager.findOne(Task, { select: { id: true }, where: { reportItemId } });
    return task?.id ?? null;
  }

  /** A new task; `assigned` stamps assigned_at with the transaction's time. */
  async insert(
    manager: EntityManager,
    task: Omit<
      Task,
      | 'id'
      | 'progress'
      | 'outcome'
      | 'assignedAt'
      | 'completedAt'
      | 'lastActivityAt'
      | 'version'
      | 'createdAt'
      | 'updatedAt'
    >,
  ): Promise<string> {
    const result = await manager.insert(Task, {
      ...task,
      assignedAt: task.status === 'assigned' ? () => 'now()' : null,
    });
    return result.identifiers[0].id as string;
  }

  async updateAssignment(
    manager: EntityManager,
    id: string,
    assignment: TaskAssignment,
    becomesAssigned: boolean,
  ): Promise<void> {
    await manager.update(
      Task,
      { id },
      {
        ...assignment,
        ...(becomesAssigned ? { assignedAt: () => 'now()' } : {}),
        ...touched,
      },
    );
  }

  /**
   * A status change with its progress and outcome; `deadline` when the change also reschedules the task,
   * `completedOn` when it sets (申请销号, approval) or clears (sent back) the day the work was done.
   */
  async updateStatus(
    manager: EntityManager,
    task: Pick<TaskRow, 'id' | 'organizationId'>,
    values: {
      status: TaskStatus;
      progress: number;
      outcome: string | null;
      deadline?: string;
      completedOn?: string | null;
    },
  ): Promise<void> {
    await manager.update(
      Task,
      { id: task.id, organizationId: task.organizationId },
      {
        ...values,
        completedAt: values.status === 'completed' ? () => 'now()' : null,
        ...touched,
      },
    );
  }

  async reschedule(manager: EntityManager, id: string, deadline: string): Promise<void> {
    await manager.update(Task, { id }, { deadline, ...touched });
  }

  /** Every task id of the organization, to check a ledger sheet's 任务编号 against. */
  async findIdsOf(organizationId: string): Promise<Set<string>> {
    const tasks = await this.dataSource.manager.find(Task, {
      select: { id: true },
      where: { organizationId },
    });
    return new Set(tasks.map((task) => task.id));
  }

  /**
   * Tasks planned for `year` and tasks carried into it. A task carried out of `year` reads there with the deadline
   * it had before and its carry-over; read for the year it was carried into, it is an ordinary task of that year.
   */
  findPlannedFor(organizationId: string, year: number): Promise<PlannedTask[]> {
    return this.dataSource.query(
      `SELECT t.id, t.report_item_id AS "reportItemId", t.kind, t.item_kind AS "itemKind", t.title,
              t.heading_path AS "headingPath",
              to_char(CASE WHEN t.plan_year = $2 AND t.carried_into_year IS NOT NULL
                           THEN t.carried_from_deadline ELSE t.deadline END, 'YYYY-MM-DD') AS deadline,
              t.status, t.outcome,
              to_char(coalesce(t.completed_on, (t.completed_at AT TIME ZONE $3)::date), 'YYYY-MM-DD') AS "completedOn",
              to_char(t.completed_at AT TIME ZONE $3, 'YYYY-MM-DD') AS "verifiedOn",
              t.long_term AS "longTerm", t.problem_task_id AS "problemTaskId",
              CASE WHEN t.plan_year = $2 AND t.carried_into_year IS NOT NULL
                   THEN json_build_object('reason', t.carry_over_reason, 'nextStep', t.carry_over_next_step,
                                          'deadline', to_char(t.carry_over_deadline, 'YYYY-MM-DD')) END AS "carryOver"
         FROM tasks t
        WHERE t.organization_id = $1 AND (t.plan_year = $2 OR t.carried_into_year = $2)
        ORDER BY t.id`,
      [organizationId, year, this.calendar.timeZone],
    );
  }

  /** Tasks of `year` not done (nor cancelled), with their carry-over: what a leader closes the year with. */
  findCarryOverCandidates(organizationId: string, year: number): Promise<CarryOverCandidate[]> {
    return this.dataSource.query(
      `SELECT t.id, t.title, t.status, coalesce(t.carried_from_deadline, t.deadline)::text AS deadline,
              t.unit_id AS "unitId", t.carried_into_year AS "carriedIntoYear", t.carry_over_reason AS reason,
              t.carry_over_next_step AS "nextStep", t.carry_over_deadline::text AS "carriedDeadline"
         FROM tasks t
        WHERE t.organization_id = $1 AND t.plan_year = $2 AND t.status IN ('new', 'assigned', 'in_progress')
        ORDER BY t.deadline NULLS LAST, t.created_at, t.id`,
      [organizationId, year],
    );
  }

  /** 年度结转: the task goes on into `intoYear` with a new deadline; the deadline it had is kept the first time. */
  async carryOver(
    manager: EntityManager,
    id: string,
    values: { intoYear: number; reason: string; nextStep: string | null; deadline: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE tasks SET carried_into_year = $2, carried_from_deadline = coalesce(carried_from_deadline, deadline),
              carry_over_reason = $3, carry_over_next_step = $4, carry_over_deadline = $5, deadline = $5,
              carried_over_at = now(), version = version + 1, updated_at = now(), last_activity_at = now()
        WHERE id = $1`,
      [id, values.intoYear, values.reason, values.nextStep, values.deadline],
    );
  }

  async findPlanYear(organizationId: string, id: string): Promise<number | null> {
    const task = await this.dataSource.manager.findOne(Task, {
      select: { planYear: true },
      where: { id, organizationId },
    });
    return task?.planYear ?? null;
  }

  async findNoticeContext(id: string): Promise<TaskNoticeContext | null> {
    const task = await this.dataSource.manager.findOne(Task, {
      select: {
        organizationId: true,
        title: true,
        deadline: true,
        assigneeId: true,
        unitId: true,
        leaderId: true,
      },
      where: { id },
    });
    return task ?? null;
  }

  /**
   * Tasks of the organization in one of `statuses` that may be due a reminder on `asOf`: due within a week (or
   * overdue), or idle for more than `inactivityDays`. Which reminders they get is the reminder rules' decision.
   */
  findReminderCandidates(
    organizationId: string,
    statuses: readonly TaskStatus[],
    asOf: string,
    inactivityDays: number,
  ): Promise<ReminderCandidate[]> {
    return this.dataSource.query(
      `SELECT t.id, t.organization_id AS "organizationId", t.title, t.deadline::text AS deadline,
              t.assignee_id AS "assigneeId", t.unit_id AS "unitId", t.leader_id AS "leaderId",
              $2::date - t.deadline AS "overDays",
              $2::date - (t.last_activity_at AT TIME ZONE $3)::date AS "idleDays"
         FROM tasks t
        WHERE t.organization_id = $1 AND t.status = ANY($5::varchar[])
          AND (t.deadline <= $2::date + 7 OR t.last_activity_at < ($2::date - $4::int)::timestamp AT TIME ZONE $3)`,
      [organizationId, asOf, this.calendar.timeZone, inactivityDays, statuses],
    );
  }

  /** The demo's tasks were assigned in the past, so their schedules show progress behind or ahead. */
  async backdateAssignment(id: string, daysAgo: number): Promise<void> {
    await this.dataSource.manager.update(
      Task,
      { id },
      { assignedAt: () => `now() - make_interval(days => ${Math.trunc(daysAgo)})` },
    );
  }

  /**
   * The 整改台账 in ledger order: groups (a problem and the measures that answer it; any other task alone) by year,
   * report and place in the report, measures after their problem. `where`/`params` come from taskFilters; a page is
   * groups `firstGroup`..`firstGroup + groupLimit - 1` (1-based), all groups when groupLimit is null.
   */
  async findLedger(
    where: string,
    params: unknown[],
    firstGroup = 1,
    groupLimit: number | null = null,
  ): Promise<LedgerPage> {
    const values = [...params];
    const bind = (value: unknown) => `$${values.push(value)}`;
    const page =
      groupLimit === null
        ? ''
        : `WHERE l.seq >= ${bind(firstGroup)} AND l.seq < ${bind(firstGroup + groupLimit)}`;
    const groupOrder = `COALESCE(p.plan_year, t.plan_year) NULLS LAST, COALESCE(p.report_id, t.report_id) NULLS LAST,
      (CASE WHEN p.id IS NULL THEN i.start_offset ELSE pi.start_offset END) NULLS LAST,
      COALESCE(p.created_at, t.created_at), COALESCE(p.id, t.id)`;
    const rows = await poolQuery<LedgerRow & { taskCount: number; groupCount: number }>(
      this.dataSource,
      `WITH ledger AS (
         SELECT ${this.columns}, p.title AS "problemTitle", lu.note AS "lastNote", lr.note AS "rejectionNote",
                (lr.created_at IS NOT NULL AND (lu.created_at IS NULL OR lr.created_at > lu.created_at)) AS "sentBack",
                dense_rank() OVER (ORDER BY ${groupOrder})::int AS seq,
                row_number() OVER (ORDER BY ${groupOrder}, p.id IS NOT NULL, i.start_offset NULLS LAST, t.created_at, t.id) AS position
           FROM ${TASK_FROM}
           LEFT JOIN tasks p ON p.id = t.problem_task_id AND p.organization_id = t.organization_id
           LEFT JOIN report_items pi ON pi.id = p.report_item_id
           LEFT JOIN LATERAL (SELECT u.note, u.created_at FROM task_updates u WHERE u.task_id = t.id
                               ORDER BY u.created_at DESC, u.id DESC LIMIT 1) lu ON true
           LEFT JOIN LATERAL (SELECT h.note, h.created_at FROM task_history h WHERE h.task_id = t.id AND h.action = 'rejected'
                               ORDER BY h.id DESC LIMIT 1) lr ON true
          WHERE ${where})
       SELECT l.*, (SELECT count(*) FROM ledger)::int AS "taskCount", (SELECT COALESCE(max(seq), 0) FROM ledger)::int AS "groupCount"
         FROM ledger l ${page} ORDER BY l.position`,
      values,
    );
    if (rows.length) return { rows, taskCount: rows[0].taskCount, groupCount: rows[0].groupCount };
    // Nothing from the first group on: the ledger is empty (asking again for group 1 would ask forever).
    if (groupLimit === null || firstGroup === 1) return { rows, taskCount: 0, groupCount: 0 };
    // A page past the end: the counts still tell the pager where the ledger ends.
    const all = await this.findLedger(where, params, 1, 1);
    return { rows: [], taskCount: all.taskCount, groupCount: all.groupCount };
  }

  /** What linking a measure to a problem needs to know of the target: its kind, and that it is in the organization. */
  async findLinkTarget(
    manager: EntityManager,
    organizationId: string,
    id: string,
  ): Promise<Pick<Task, 'id' | 'itemKind' | 'longTerm' | 'title'> | null> {
    return manager.findOne(Task, {
      select: { id: true, itemKind: true, longTerm: true, title: true },
      where: { id, organizationId },
    });
  }

  async setProblem(manager: EntityManager, id: string, problemTaskId: string | null): Promise<void> {
    await manager.update(Task, { id }, { problemTaskId, ...touched });
  }
}

/** How a ledger total is obtained: summed from task_tallies (only for filters isTallied accepts) or counted. */
export type TotalSource = 'tally' | 'count';

export interface ScopedPageRequest {
  /** From taskFilters: over `tasks t`, every value a parameter. */
  where: string;
  params: unknown[];
  /** From TASK_SORTS, never request text. */
  orderBy: string;
  limit: number;
  offset: number;
  scope: TaskScope;
  /** Read the total with the page, or not (a remembered one may still hold). */
  total?: TotalSource;
}

export interface ScopedPage {
  rows: TaskRow[];
  revision?: string;
  total?: number;
}

function scopeRevisionSql(scope: string, id: string): string {
  return `COALESCE((SELECT revision FROM task_scope_revisions WHERE scope = ${scope}::char(1) AND scope_id = ${id}::uuid), 0)::text`;
}

/** task_tallies has the filtered columns of tasks under the same names, so the alias `t` takes the same WHERE. */
function totalSql(where: string, how: TotalSource): string {
  return how === 'tally'
    ? `SELECT COALESCE(sum(t.n), 0)::int FROM task_tallies t WHERE ${where}`
    : `SELECT count(*)::int FROM tasks t WHERE ${where}`;
}
