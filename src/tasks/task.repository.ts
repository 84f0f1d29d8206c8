import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../common/domain-error';
import type { TrafficLight } from './traffic-light';
import { poolQuery } from '../db/pool-query';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { TaskStatus } from './task-status';
import { Task } from './task.entity';
import { TASK_FROM, taskColumns, TaskRow } from './task-view';

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

export interface LedgerRow {
  id: string;
  title: string;
  sourceText: string;
  reportId: string | null;
  leaderId: string | null;
  unitId: string | null;
  assigneeId: string | null;
  deadline: string | null;
  progress: number;
  lastNote: string | null;
  status: TaskStatus;
  longTerm: boolean;
  outcome: string | null;
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
  title: string;
  headingPath: string[];
  deadline: string | null;
  status: TaskStatus;
  outcome: string | null;
  /** The day it was closed, in TIME_ZONE. */
  completedOn: string | null;
  longTerm: boolean;
  /** The note of its latest progress report. */
  latestNote: string | null;
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
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {
    this.columns = taskColumns(runtime.config.TIME_ZONE);
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

  /**
   * The newest task revision among the organizations (revisions come from one sequence, so any committed change
   * in any of them raises it): what a county's overview is remembered under.
   */
  async readLatestRevision(organizationIds: string[]): Promise<string> {
    const [{ revision }] = await poolQuery<{ revision: string }>(
      this.dataSource,
      `SELECT COALESCE(max(revision), 0) AS revision FROM task_list_revisions WHERE organization_id = ANY($1::uuid[])`,
      [organizationIds],
      'tasks-latest-revision',
    );
    return revision;
  }

  /** The task scoped to the organization, 404 otherwise. */
  getInOrganization(organizationId: string, id: string, manager = this.dataSource.manager): Promise<TaskRow> {
    return this.getRow(manager, organizationId, id, '');
  }

  /** The task when it belongs to one of the organizations (the caller's subtree, for reading), 404 otherwise. */
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

  /** A status change with its progress and outcome; `deadline` when the change also reschedules the task. */
  async updateStatus(
    manager: EntityManager,
    task: Pick<TaskRow, 'id' | 'organizationId'>,
    values: { status: TaskStatus; progress: number; outcome: string | null; deadline?: string },
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

  /** The 整改台账 in ledger order, with each task's latest progress note. */
  findLedgerRows(organizationId: string): Promise<LedgerRow[]> {
    return this.dataSource.query(
      `SELECT t.id, t.title, t.source_text AS "sourceText", t.report_id AS "reportId", t.leader_id AS "leaderId",
              t.unit_id AS "unitId", t.assignee_id AS "assigneeId", t.deadline::text AS deadline, t.progress, t.status,
              t.long_term AS "longTerm", t.outcome,
              (SELECT note FROM task_updates tu WHERE tu.task_id = t.id ORDER BY tu.created_at DESC, tu.id LIMIT 1) AS "lastNote"
         FROM tasks t
        WHERE t.organization_id = $1
        ORDER BY t.plan_year NULLS LAST, t.created_at, t.id`,
      [organizationId],
    );
  }

  findPlannedFor(organizationId: string, year: number): Promise<PlannedTask[]> {
    return this.dataSource.query(
      `SELECT t.id, t.report_item_id AS "reportItemId", t.kind, t.title, t.heading_path AS "headingPath",
              to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.status, t.outcome,
              to_char(t.completed_at AT TIME ZONE $3, 'YYYY-MM-DD') AS "completedOn", t.long_term AS "longTerm",
              (SELECT u.note FROM task_updates u WHERE u.task_id = t.id ORDER BY u.created_at DESC, u.id DESC LIMIT 1) AS "latestNote"
         FROM tasks t
        WHERE t.organization_id = $1 AND t.plan_year = $2
        ORDER BY t.id`,
      [organizationId, year, this.runtime.config.TIME_ZONE],
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
      [organizationId, asOf, this.runtime.config.TIME_ZONE, inactivityDays, statuses],
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
}
