import { todayIn } from '../common/calendar';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../identity/auth-user';
import { OrganizationScopeService } from '../identity/org-scope';
import { ListTasksQuery } from './dto/task.dto';
import { TASK_STATUS_LABELS, TASK_STATUSES } from './task-status';
import { lightSql, TASK_FROM, taskColumns } from './task-view';
import { TasksService } from './tasks.service';

const SORTS: Record<string, string> = {
  deadline: 't.deadline ASC NULLS LAST, t.created_at',
  '-deadline': 't.deadline DESC NULLS LAST, t.created_at',
  createdAt: 't.created_at ASC',
  '-createdAt': 't.created_at DESC',
  progress: 't.progress ASC, t.deadline',
  '-progress': 't.progress DESC, t.deadline',
  title: 't.title ASC',
  '-title': 't.title DESC',
};

/** Filtered, sorted, paginated listing and dashboard counts; the light is computed in SQL so it can filter. */
@Injectable()
export class TaskListService {
  constructor(
    private readonly tasks: TasksService,
    private readonly scope: OrganizationScopeService,
  ) {}

  async list(user: AuthUser, query: ListTasksQuery) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { where, params } = this.filters(user, query);
    // Filters only touch tasks, so the count skips the join; count and page run side by side.
    const [[{ total }], rows] = await Promise.all([
      this.tasks.dataSource.query(`SELECT count(*)::int AS total FROM tasks t WHERE ${where}`, params),
      this.tasks.dataSource.query(
        `SELECT ${taskColumns(this.tasks.timeZone)} FROM ${TASK_FROM} WHERE ${where}
          ORDER BY ${SORTS[query.sort ?? 'deadline']}, t.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        params,
      ),
    ]);
    return { items: rows.map((row: never) => this.tasks.present(row)), total, page, pageSize };
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

  private filters(user: AuthUser, query: ListTasksQuery): { where: string; params: unknown[] } {
    const params: unknown[] = [user.organizationId];
    const clauses = ['t.organization_id = $1'];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(sql(`$${params.length}`));
    };
    if (query.status) add((p) => `t.status = ${p}`, query.status);
    if (query.unitId) add((p) => `t.unit_id = ${p}`, query.unitId);
    if (query.leaderId) add((p) => `t.leader_id = ${p}`, query.leaderId);
    if (query.assigneeId) add((p) => `t.assignee_id = ${p}`, query.assigneeId);
    if (query.kind) add((p) => `t.kind = ${p}`, query.kind);
    if (query.year) add((p) => `t.plan_year = ${p}`, query.year);
    // Chinese has no word boundaries: substring match, served by the trigram index on search_text.
    if (query.q) add((p) => `t.search_text ILIKE ${p}`, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const today = todayIn(this.tasks.timeZone);
    // Written as plain predicates (not `(…) = false`) so the (organization_id, status, deadline) index applies.
    if (query.overdue === 'true') add((p) => `t.status NOT IN ('completed','cancelled') AND t.deadline < ${p}::date`, today);
    if (query.overdue === 'false') add((p) => `(t.status IN ('completed','cancelled') OR t.deadline IS NULL OR t.deadline >= ${p}::date)`, today);
    if (query.light) {
      params.push(today);
      const light = lightSql(`$${params.length}::date`, this.tasks.runtime.config.TASK_SCHEDULE_MARGIN_PERCENT, this.tasks.timeZone);
      add((p) => `(${light}) = ${p}`, query.light);
    }
    return { where: clauses.join(' AND '), params };
  }
}
