import { Injectable } from '@nestjs/common';
import { todayIn } from '../common/calendar';
import { SerializedJson } from '../common/serialized-json';
import { poolQuery } from '../db/pool-query';
import { readTasksRevision } from '../db/tasks-revision';
import type { AuthUser } from '../identity/auth-user';
import { OrganizationScopeService } from '../identity/org-scope';
import { ListTasksQuery } from './dto/task.dto';
import { RevisionCache } from './revision-cache';
import { taskFilters, TASK_SORTS } from './task-filters';
import { TASK_STATUS_LABELS, TASK_STATUSES } from './task-status';
import { lightSql, TASK_FROM, taskColumns, TaskRow } from './task-view';
import { TasksService } from './tasks.service';

interface OwnStats {
  total: number;
  overdue: number;
  completionRate: number;
  byStatus: Array<{ status: string; statusLabel: string; count: number }>;
  byLight: Record<string, number>;
  byUnit: Array<{ unitId: string | null; count: number }>;
}

/** Filtered, sorted, paginated listing and dashboard counts; the light is computed in SQL so it can filter. */
@Injectable()
export class TaskListService {
  private readonly counts = new RevisionCache<number>(1000);
  private readonly pages: RevisionCache<SerializedJson>;
  private readonly ownStatsCache = new RevisionCache<OwnStats>(1000);

  constructor(
    private readonly tasks: TasksService,
    private readonly scope: OrganizationScopeService,
  ) {
    this.pages = new RevisionCache(tasks.runtime.config.TASK_LIST_CACHE_PAGES);
  }

  /**
   * `{items, total, page, pageSize}`, serialized: a page is sent as remembered while the organization's tasks stand
   * still. The organization's task revision is read first, before anything it guards.
   */
  async list(user: AuthUser, query: ListTasksQuery): Promise<SerializedJson> {
    const revision = await readTasksRevision(this.tasks.dataSource, user.organizationId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const sort = query.sort ?? 'deadline';
    const today = todayIn(this.tasks.timeZone);
    const { where, params } = taskFilters(query, {
      organizationId: user.organizationId,
      today,
      marginPercent: this.tasks.runtime.config.TASK_SCHEDULE_MARGIN_PERCENT,
      timeZone: this.tasks.timeZone,
    });
    const countKey = `${where}\u0000${JSON.stringify(params)}`;
    // Days left and lights move with the date even when no task changes.
    const pageKey = `${countKey}\u0000${today}\u0000${sort}\u0000${page}\u0000${pageSize}`;
    // Whatever is read after revision R is at least as new as R, so remembering it under R can never serve an
    // older ledger than the revision promises; a commit in between only makes the next reader miss.
    const cached = this.pages.get(pageKey, revision);
    if (cached) return cached;
    const rows: TaskRow[] = await poolQuery(
      this.tasks.dataSource,
      `SELECT ${taskColumns(this.tasks.timeZone)} FROM ${TASK_FROM} WHERE ${where}
        ORDER BY ${TASK_SORTS[sort]}, t.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    const total =
      this.counts.get(countKey, revision) ?? (await this.count(countKey, revision, where, params));
    const result = new SerializedJson({
      items: rows.map((row) => this.tasks.present(row, today)),
      total,
      page,
      pageSize,
    });
    this.pages.set(pageKey, revision, result);
    return result;
  }

  private async count(key: string, revision: string, where: string, params: unknown[]): Promise<number> {
    // Filters only touch tasks, so the count skips the join.
    const [{ total }]: Array<{ total: number }> = await poolQuery(
      this.tasks.dataSource,
      `SELECT count(*)::int AS total FROM tasks t WHERE ${where}`,
      params,
    );
    this.counts.set(key, revision, total);
    return total;
  }

  /** Counts per status, unit and light, overdue count and completion rate, for the caller's organization; the revision as for list. */
  async stats(user: AuthUser) {
    const revision = await readTasksRevision(this.tasks.dataSource, user.organizationId);
    const today = todayIn(this.tasks.timeZone);
    const light = lightSql(
      '$2::date',
      this.tasks.runtime.config.TASK_SCHEDULE_MARGIN_PERCENT,
      this.tasks.timeZone,
    );
    return {
      ...(await this.ownStats(user.organizationId, revision, today, light)),
      byOrganization: await this.perChildOrganization(user, light, today),
    };
  }

  /** Reads every task of the organization (100 ms at 100,000 tasks), so it is kept per day while the tasks stand still. */
  private async ownStats(
    organizationId: string,
    revision: string,
    today: string,
    light: string,
  ): Promise<OwnStats> {
    const key = `${organizationId}\u0000${today}`;
    const cached = this.ownStatsCache.get(key, revision);
    if (cached) return cached;
    const rows: Array<{ status: string; unitId: string | null; light: string; count: number }> =
      await poolQuery(
        this.tasks.dataSource,
        `SELECT t.status, t.unit_id AS "unitId", ${light} AS light, count(*)::int AS count
         FROM tasks t WHERE t.organization_id = $1 GROUP BY 1, 2, 3`,
        [organizationId, today],
      );
    const byStatus = Object.fromEntries(TASK_STATUSES.map((status) => [status, 0])) as Record<string, number>;
    const byLight: Record<string, number> = { green: 0, yellow: 0, red: 0 };
    const byUnit = new Map<string | null, number>();
    for (const row of rows) {
      byStatus[row.status] += row.count;
      byLight[row.light] += row.count;
      byUnit.set(row.unitId, (byUnit.get(row.unitId) ?? 0) + row.count);
    }
    const total = rows.reduce((sum, row) => sum + row.count, 0);
    const countable = total - byStatus.cancelled;
    const stats: OwnStats = {
      total,
      overdue: byLight.red,
      completionRate: countable ? Math.round((byStatus.completed / countable) * 1000) / 10 : 0,
      byStatus: TASK_STATUSES.map((status) => ({
        status,
        statusLabel: TASK_STATUS_LABELS[status],
        count: byStatus[status],
      })),
      byLight,
      byUnit: [...byUnit].map(([unitId, count]) => ({ unitId, count })),
    };
    this.ownStatsCache.set(key, revision, stats);
    return stats;
  }

  /** A county sees completion rates and lights per township (its descendant organizations); others get []. */
  private async perChildOrganization(user: AuthUser, light: string, today: string) {
    const children = (await this.scope.visibleOrganizationIds(user)).filter(
      (id) => id !== user.organizationId,
    );
    if (!children.length) return [];
    const rows: Array<{
      organizationId: string;
      name: string;
      total: number;
      completed: number;
      cancelled: number;
      green: number;
      yellow: number;
      red: number;
    }> = await poolQuery(
      this.tasks.dataSource,
      `SELECT o.id AS "organizationId", o.name,
                count(t.id)::int AS total,
                count(*) FILTER (WHERE t.status = 'completed')::int AS completed,
                count(*) FILTER (WHERE t.status = 'cancelled')::int AS cancelled,
                count(t.id) FILTER (WHERE ${light} = 'green')::int AS green,
                count(t.id) FILTER (WHERE ${light} = 'yellow')::int AS yellow,
                count(t.id) FILTER (WHERE ${light} = 'red')::int AS red
           FROM organizations o LEFT JOIN tasks t ON t.organization_id = o.id
          WHERE o.id = ANY($1::uuid[])
          GROUP BY o.id, o.name ORDER BY o.name`,
      [children, today],
    );
    return rows.map(({ cancelled, ...row }) => {
      const countable = row.total - cancelled;
      const completionRate = countable ? Math.round((row.completed / countable) * 1000) / 10 : 0;
      const worst = row.red ? 'red' : row.yellow ? 'yellow' : 'green';
      return { ...row, completionRate, light: worst };
    });
  }
}
