import { todayIn } from '../common/calendar';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../identity/auth-user';
import { OrganizationScopeService } from '../identity/org-scope';
import { CountCache } from './count-cache';
import { ListTasksQuery } from './dto/task.dto';
import { taskFilters, TASK_SORTS } from './task-filters';
import { TASK_STATUS_LABELS, TASK_STATUSES } from './task-status';
import { lightSql, TASK_FROM, taskColumns, TaskRow } from './task-view';
import { TasksService } from './tasks.service';

/** The organization's task revision ($1); 0 until it has any task. */
const LIST_REVISION = `COALESCE((SELECT revision FROM task_list_revisions WHERE organization_id = $1), 0)`;

/** Filtered, sorted, paginated listing and dashboard counts; the light is computed in SQL so it can filter. */
@Injectable()
export class TaskListService {
  private readonly counts = new CountCache();

  constructor(
    private readonly tasks: TasksService,
    private readonly scope: OrganizationScopeService,
  ) {}

  async list(user: AuthUser, query: ListTasksQuery) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const today = todayIn(this.tasks.timeZone);
    const { where, params } = taskFilters(query, {
      organizationId: user.organizationId,
      today,
      marginPercent: this.tasks.runtime.config.TASK_SCHEDULE_MARGIN_PERCENT,
      timeZone: this.tasks.timeZone,
    });
    // The organization's task revision rides along with the page (one round trip) and decides whether a
    // remembered count still holds.
    const rows: Array<TaskRow & { listRevision: string }> = await this.tasks.dataSource.query(
      `SELECT ${taskColumns(this.tasks.timeZone)}, ${LIST_REVISION} AS "listRevision"
         FROM ${TASK_FROM} WHERE ${where}
        ORDER BY ${TASK_SORTS[query.sort ?? 'deadline']}, t.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    const key = `${where}\u0000${JSON.stringify(params)}`;
    const total = (rows.length ? this.counts.get(key, rows[0].listRevision) : undefined) ?? (await this.count(key, where, params));
    return { items: rows.map((row) => this.tasks.present(row, today)), total, page, pageSize };
  }

  /** Counts the matches and remembers the count with the revision seen in the same snapshot ($1 is the organization). */
  private async count(key: string, where: string, params: unknown[]): Promise<number> {
    // Filters only touch tasks, so the count skips the join.
    const [{ total, revision }]: Array<{ total: number; revision: string }> = await this.tasks.dataSource.query(
      `SELECT count(*)::int AS total, ${LIST_REVISION} AS revision FROM tasks t WHERE ${where}`,
      params,
    );
    this.counts.set(key, revision, total);
    return total;
  }

  /** Counts per status, unit and light, overdue count and completion rate, for the caller's organization. */
  async stats(user: AuthUser) {
    const today = todayIn(this.tasks.timeZone);
    const light = lightSql('$2::date', this.tasks.runtime.config.TASK_SCHEDULE_MARGIN_PERCENT, this.tasks.timeZone);
    const rows: Array<{ status: string; unitId: string | null; light: string; count: number }> = await this.tasks.dataSource.query(
      `SELECT t.status, t.unit_id AS "unitId", ${light} AS light, count(*)::int AS count
         FROM tasks t WHERE t.organization_id = $1 GROUP BY 1, 2, 3`,
      [user.organizationId, today],
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
    return {
      total,
      overdue: byLight.red,
      completionRate: countable ? Math.round((byStatus.completed / countable) * 1000) / 10 : 0,
      byStatus: TASK_STATUSES.map((status) => ({ status, statusLabel: TASK_STATUS_LABELS[status], count: byStatus[status] })),
      byLight,
      byUnit: [...byUnit].map(([unitId, count]) => ({ unitId, count })),
      byOrganization: await this.perChildOrganization(user, light, today),
    };
  }

  /** A county sees completion rates and lights per township (its descendant organizations); others get []. */
  private async perChildOrganization(user: AuthUser, light: string, today: string) {
    const children = (await this.scope.visibleOrganizationIds(user)).filter((id) => id !== user.organizationId);
    if (!children.length) return [];
    const rows: Array<{ organizationId: string; name: string; total: number; completed: number; cancelled: number; green: number; yellow: number; red: number }> =
      await this.tasks.dataSource.query(
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
