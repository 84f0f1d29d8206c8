import { Inject, Injectable } from '@nestjs/common';
import { SerializedJson } from '../common/serialized-json';
import type { AuthUser } from '../identity/auth-user';
import { OrganizationScopeService } from '../identity/org-scope';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { ListTasksQuery } from './dto/task.dto';
import { RevisionCache } from './revision-cache';
import { isTallied, listScope } from './task-list-scope';
import { TASK_SORTS } from './task-filters';
import { TaskSchedule } from './task-schedule';
import { TASK_STATUS_LABELS, TASK_STATUSES } from './task-status';
import { TaskRepository } from './task.repository';
import { TRAFFIC_LIGHTS, type TrafficLight } from './traffic-light';

interface OwnStats {
  total: number;
  overdue: number;
  completionRate: number;
  byStatus: Array<{ status: string; statusLabel: string; count: number }>;
  byLight: Record<TrafficLight, number>;
  byUnit: Array<{ unitId: string | null; count: number; byLight: Record<TrafficLight, number> }>;
}

/** Filtered, sorted, paginated listing and dashboard counts; the light is computed in SQL so it can filter. */
@Injectable()
export class TaskListService {
  private readonly counts = new RevisionCache<number>(1000);
  private readonly pages: RevisionCache<SerializedJson>;
  private readonly ownStatsCache = new RevisionCache<OwnStats>(1000);

  constructor(
    private readonly tasks: TaskRepository,
    private readonly scope: OrganizationScopeService,
    private readonly schedule: TaskSchedule,
    private readonly directory: UserDirectoryRepository,
    @Inject(RUNTIME) runtime: Runtime,
  ) {
    this.pages = new RevisionCache(runtime.config.TASK_LIST_CACHE_PAGES);
  }

  /**
   * `{items, total, page, pageSize}`, serialized. A page is remembered with the revision of its scope (listScope:
   * the assignee, unit or leader the filter names, else the organization) and sent again while that revision
   * stands, so a write in one unit leaves the other units' pages alone. Checking costs one small statement; a page
   * not remembered is read with its scope's revision and total in one statement, the total summed from the
   * maintained tallies when the filter allows (isTallied) and counted otherwise, unless a remembered count holds.
   */
  async list(user: AuthUser, query: ListTasksQuery): Promise<SerializedJson> {
    // A county reads a township's ledger (drill-down); writes stay with the township (getInOrganization).
    const organizationId = await this.scope.readableOrganizationId(user, query.organizationId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const sort = query.sort ?? 'deadline';
    const today = this.schedule.today();
    const { where, params } = this.schedule.filters(query, organizationId, today);
    const scope = listScope(query, organizationId);
    const countKey = `${where}\u0000${JSON.stringify(params)}`;
    // Days left and lights move with the date even when no task changes.
    const pageKey = `${countKey}\u0000${today}\u0000${sort}\u0000${page}\u0000${pageSize}`;
    const remembered = this.pages.peek(pageKey);
    if (remembered && (await this.tasks.readScopeRevision(scope)) === remembered.revision)
      return this.pages.get(pageKey, remembered.revision) as SerializedJson;
    const tallied = isTallied(query);
    const rememberedCount = tallied ? undefined : this.counts.peek(countKey);
    const offset = (page - 1) * pageSize;
    const read = await this.tasks.findPageInScope({
      where,
      params,
      orderBy: TASK_SORTS[sort],
      limit: pageSize,
      offset,
      scope,
      total: tallied ? 'tally' : rememberedCount ? undefined : 'count',
    });
    let total = read.total;
    // A short page ends the list: its total is known without counting.
    if (total === undefined && read.rows.length && read.rows.length < pageSize)
      total = offset + read.rows.length;
    if (total === undefined && read.revision !== undefined && rememberedCount?.revision === read.revision)
      total = rememberedCount.value;
    if (total === undefined) {
      const counted = await this.tasks.totalInScope(where, params, scope, tallied ? 'tally' : 'count');
      total = counted.total;
      if (!tallied) this.counts.set(countKey, counted.revision, total);
    } else if (!tallied && read.revision !== undefined) this.counts.set(countKey, read.revision, total);
    const result = new SerializedJson({
      items: read.rows.map((row) => this.schedule.present(row, today)),
      total,
      page,
      pageSize,
    });
    // The page was read in one snapshot at its scope's revision; a total read later differs only if the scope
    // changed in between, and then the revision has moved and the next reader misses. An empty page carries no
    // revision and is not remembered.
    if (read.revision !== undefined) this.pages.set(pageKey, read.revision, result);
    return result;
  }

  /** Counts per status, unit and light, overdue count and completion rate, for the caller's organization; the revision as for list. */
  async stats(user: AuthUser) {
    const revision = await this.tasks.readRevision(user.organizationId);
    const today = this.schedule.today();
    const light = this.schedule.lightSql('$2::date');
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
    const rows = await this.tasks.countByStatusUnitAndLight(organizationId, today, light);
    const byStatus = Object.fromEntries(TASK_STATUSES.map((status) => [status, 0])) as Record<string, number>;
    const noLights = () =>
      Object.fromEntries(TRAFFIC_LIGHTS.map((light) => [light, 0])) as OwnStats['byLight'];
    const byLight = noLights();
    const byUnit = new Map<string | null, OwnStats['byUnit'][number]>();
    for (const row of rows) {
      byStatus[row.status] += row.count;
      byLight[row.light] += row.count;
      const unit = byUnit.get(row.unitId) ?? { unitId: row.unitId, count: 0, byLight: noLights() };
      unit.count += row.count;
      unit.byLight[row.light] += row.count;
      byUnit.set(row.unitId, unit);
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
      byUnit: [...byUnit.values()],
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
    const [names, counted] = await Promise.all([
      this.directory.findOrganizationNames(children),
      this.tasks.countPerOrganization(children, today, light),
    ]);
    const none = { total: 0, completed: 0, cancelled: 0, green: 0, yellow: 0, red: 0, gray: 0 };
    const byOrganization = new Map(counted.map((row) => [row.organizationId, row]));
    const rows = [...names].map(([organizationId, name]) => ({
      ...none,
      ...byOrganization.get(organizationId),
      organizationId,
      name,
    }));
    return rows.map(({ cancelled, ...row }) => {
      const countable = row.total - cancelled;
      const completionRate = countable ? Math.round((row.completed / countable) * 1000) / 10 : 0;
      const worst = row.red ? 'red' : row.yellow ? 'yellow' : 'green';
      return { ...row, completionRate, light: worst };
    });
  }
}
