import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { assertCan } from '../identity/permissions';
import { UnitsService } from '../identity/units.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { FileStorageService } from '../storage/file-storage.service';
import { TaskRepository } from '../tasks/task.repository';
import { CreateWorklogDto, ListWorklogQuery, UpdateWorklogDto } from './dto/worklog.dto';
import { WorklogCategoriesService } from './worklog-categories.service';
import { WorklogEntry, WorklogKind } from './worklog-entry.entity';
import { WorklogRepository, WorklogRow } from './worklog.repository';

export type WorklogView = WorklogRow & { categoryLabel: string };

interface Checked {
  date?: string;
  category?: string;
  unitId?: string | null;
  taskId?: string | null;
  kind: WorklogKind;
  cause: string | null;
}

/** 工作纪实: notable work recorded as it happens; leaders choose what goes into the year's report. */
@Injectable()
export class WorklogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: WorklogRepository,
    private readonly categories: WorklogCategoriesService,
    private readonly units: UnitsService,
    private readonly outbox: OutboxRepository,
    private readonly calendar: OrganizationCalendar,
    private readonly storage: FileStorageService,
    private readonly tasks: TaskRepository,
  ) {}

  async list(user: AuthUser, query: ListWorklogQuery) {
    if (query.month && !query.year)
      throw new InvalidInputError('WORKLOG_MONTH_NEEDS_YEAR', '按月份筛选时须同时指定年份（year）');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { rows, total } = await this.repository.list(
      user.organizationId,
      {
        ...periodOf(query.year, query.month),
        category: query.category,
        unitId: query.unitId,
        inReport: query.inReport,
        kind: query.kind,
      },
      { offset: (page - 1) * pageSize, limit: pageSize },
    );
    const label = await this.labeller(user.organizationId);
    return { items: rows.map(label), total, page, pageSize };
  }

  async get(user: AuthUser, id: string): Promise<WorklogView> {
    const row = await this.repository.findRow(user.organizationId, id);
    if (!row) throw new NotFoundError('工作纪实', 'WORKLOG_NOT_FOUND');
    return (await this.labeller(user.organizationId))(row);
  }

  async create(user: AuthUser, dto: CreateWorklogDto): Promise<WorklogView> {
    const unitId = dto.unitId ?? user.unitId;
    assertCan(user, 'worklog.write', { organizationId: user.organizationId, unitId });
    const checked = await this.check(user, {
      ...dto,
      unitId,
      kind: dto.kind ?? 'work',
      cause: dto.cause ?? null,
    });
    const entry = await this.dataSource.transaction((manager) =>
      this.repository.save(manager, {
        organizationId: user.organizationId,
        authorId: user.id,
        unitId,
        date: dto.date,
        category: dto.category,
        kind: checked.kind,
        text: requireText(dto.text),
        cause: checked.cause,
        taskId: dto.taskId ?? null,
      }),
    );
    return this.get(user, entry.id);
  }

  async update(user: AuthUser, id: string, dto: UpdateWorklogDto): Promise<WorklogView> {
    await this.dataSource.transaction(async (manager) => {
      const entry = await this.lockOwn(manager, user, id);
      assertCan(user, 'worklog.write', entry);
      if (dto.inReport !== undefined) assertCan(user, 'worklog.report', entry);
      const kind = dto.kind ?? entry.kind;
      const checked = await this.check(user, {
        date: dto.date,
        category: dto.category,
        taskId: dto.taskId,
        kind,
        cause: dto.cause === undefined ? (kind === 'problem' ? entry.cause : null) : dto.cause,
      });
      const before = { inReport: entry.inReport, date: entry.date };
      Object.assign(entry, {
        date: dto.date ?? entry.date,
        category: dto.category ?? entry.category,
        text: dto.text === undefined ? entry.text : requireText(dto.text),
        taskId: dto.taskId === undefined ? entry.taskId : dto.taskId,
        kind,
        cause: checked.cause,
      });
      if (dto.inReport !== undefined && dto.inReport !== entry.inReport) {
        entry.inReport = dto.inReport;
        entry.reportedBy = dto.inReport ? user.id : null;
        entry.reportedAt = dto.inReport ? new Date() : null;
      }
      await this.repository.save(manager, entry);
      if (before.inReport || entry.inReport)
        await this.recordDraftChange(manager, entry.organizationId, [before.date, entry.date]);
    });
    return this.get(user, id);
  }

  async remove(user: AuthUser, id: string): Promise<{ id: string; deleted: true }> {
    await this.storage.deleteRowsThenFiles(async (manager) => {
      const entry = await this.lockOwn(manager, user, id);
      assertCan(user, 'worklog.delete', entry);
      const storagePaths = await this.repository.remove(manager, entry);
      if (entry.inReport) await this.recordDraftChange(manager, entry.organizationId, [entry.date]);
      return storagePaths;
    });
    return { id, deleted: true };
  }

  private async lockOwn(manager: EntityManager, user: AuthUser, id: string): Promise<WorklogEntry> {
    const entry = await this.repository.findForUpdate(manager, user.organizationId, id);
    if (!entry) throw new NotFoundError('工作纪实', 'WORKLOG_NOT_FOUND');
    return entry;
  }

  /** Checks the fields given; unknown references are bad input (400), never another organization's rows. */
  private async check(user: AuthUser, fields: Checked): Promise<Checked> {
    if (fields.date !== undefined && fields.date > this.calendar.today())
      throw new InvalidInputError('WORKLOG_DATE_IN_FUTURE', '工作纪实的日期不能晚于今天');
    if (fields.category !== undefined)
      await this.categories.requireActive(user.organizationId, fields.category);
    if (fields.unitId) {
      const units = await this.units.list(user);
      if (!units.some((unit) => unit.id === fields.unitId && unit.active))
        throw new InvalidInputError('WORKLOG_UNIT_NOT_FOUND', '所填单位不存在或已停用');
    }
    if (fields.taskId && !(await this.tasks.existsInOrganization(user.organizationId, fields.taskId)))
      throw new InvalidInputError('WORKLOG_TASK_NOT_FOUND', '关联的任务不存在');
    const cause = fields.cause?.trim() || null;
    if (cause && fields.kind !== 'problem')
      throw new InvalidInputError('WORKLOG_CAUSE_FOR_PROBLEMS_ONLY', '只有“发现问题”类的纪实可以填写原因');
    return { ...fields, cause };
  }

  private async labeller(organizationId: string): Promise<(row: WorklogRow) => WorklogView> {
    const labels = new Map(
      (await this.categories.resolve(organizationId)).map((category) => [category.key, category.label]),
    );
    return (row) => ({ ...row, categoryLabel: labels.get(row.category) ?? row.category });
  }

  private recordDraftChange(manager: EntityManager, organizationId: string, dates: string[]): Promise<void> {
    const years = [...new Set(dates.map((date) => Number(date.slice(0, 4))))].sort();
    return this.outbox.recordOrganizationEvent(manager, organizationId, 'worklog.changed', { years });
  }
}

function requireText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new InvalidInputError('WORKLOG_TEXT_EMPTY', '工作纪实的内容不能为空');
  return trimmed;
}

/** The first day and the day after the period a year (and month) filter names. */
function periodOf(year?: number, month?: number): { from?: string; until?: string } {
  if (!year) return {};
  const pad = (value: number) => String(value).padStart(2, '0');
  if (!month) return { from: `${year}-01-01`, until: `${year + 1}-01-01` };
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  return { from: `${year}-${pad(month)}-01`, until: next };
}
