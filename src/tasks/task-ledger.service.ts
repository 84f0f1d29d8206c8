import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../identity/auth-user';
import { OrganizationScopeService } from '../identity/org-scope';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { LedgerQuery } from './dto/ledger.dto';
import { groupLedger, LedgerGroup, progressText } from './ledger-groups';
import { TaskSchedule } from './task-schedule';
import { presentTask } from './task-view';
import { LedgerRow, TaskRepository } from './task.repository';

/** A task as a ledger line shows it: the API's task plus its 序号, problem and 进展情况. */
export type LedgerEntry = ReturnType<typeof presentTask> & {
  seq: number;
  problemTitle: string | null;
  lastNote: string | null;
  progressText: string;
};

/** The ledger with what its title block says: 组织, 年度, 填报日期. */
export interface LedgerDocument {
  organizationName: string;
  year: number;
  title: string;
  filledOn: string;
  taskCount: number;
  groupCount: number;
  groups: Array<LedgerGroup<LedgerEntry>>;
}

/**
 * The 整改台账 as offices keep it: numbered groups of a problem and its measures, filtered like the task list. The
 * screen pages it by group; the Excel file and the printed page take it whole.
 */
@Injectable()
export class TaskLedgerService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly scope: OrganizationScopeService,
    private readonly schedule: TaskSchedule,
    private readonly directory: UserDirectoryRepository,
  ) {}

  /** `{…title block, groups, taskCount, groupCount, page, pageSize}`; pageSize counts groups, `all` takes every one. */
  async ledger(user: AuthUser, query: LedgerQuery) {
    const page = query.all === 'true' ? 1 : (query.page ?? 1);
    const pageSize = query.all === 'true' ? null : (query.pageSize ?? 20);
    const document = await this.read(user, query, page, pageSize);
    return { ...document, page, pageSize: pageSize ?? document.groupCount };
  }

  /** Every group matching the filters, for the Excel export. */
  document(user: AuthUser, query: LedgerQuery): Promise<LedgerDocument> {
    return this.read(user, query, 1, null);
  }

  private async read(
    user: AuthUser,
    query: LedgerQuery,
    page: number,
    pageSize: number | null,
  ): Promise<LedgerDocument> {
    // A county reads and prints a township's 台账 as it reads its task list; the title block names the township.
    const organizationId = await this.scope.readableOrganizationId(user, query.organizationId);
    const today = this.schedule.today();
    const { where, params } = this.schedule.filters(query, organizationId, today);
    const firstGroup = pageSize === null ? 1 : (page - 1) * pageSize + 1;
    const [found, names] = await Promise.all([
      this.tasks.findLedger(where, params, firstGroup, pageSize),
      this.directory.findOrganizationNames([organizationId]),
    ]);
    const entries = found.rows.map((row) => this.entry(row, today));
    const organizationName = names.get(organizationId) ?? '';
    const year = query.year ?? onlyYear(found.rows) ?? Number(today.slice(0, 4));
    return {
      organizationName,
      year,
      title: `${organizationName}${year}年度法治政府建设问题整改台账`,
      filledOn: today,
      taskCount: found.taskCount,
      groupCount: found.groupCount,
      groups: groupLedger(entries),
    };
  }

  private entry(row: LedgerRow, today: string): LedgerEntry {
    return {
      ...this.schedule.present(row, today),
      seq: row.seq,
      problemTitle: row.problemTitle,
      lastNote: row.lastNote,
      progressText: progressText(row),
    };
  }
}

/** The plan year all rows share, if they share one. */
function onlyYear(rows: LedgerRow[]): number | null {
  const years = new Set(rows.map((row) => row.planYear));
  const [year] = years;
  return years.size === 1 && year !== null && year !== undefined ? year : null;
}
