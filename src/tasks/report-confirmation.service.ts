import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { OrganizationSettings } from '../identity/organization-settings';
import { OrganizationSettingsService } from '../identity/organization-settings.service';
import { assertCan } from '../identity/permissions';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { OutboxRepository } from '../outbox/outbox.repository';
import { ConfirmableItem, ReportRepository } from '../reports/report.repository';
import { suggestDeadline } from '../reports/review-suggestions';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { ConfirmItemDto, ConfirmItemsDto } from './dto/task.dto';
import { assertMembers } from './assignment-checks';
import { TaskHistoryRepository } from './task-history.repository';
import { assertAssignable } from './task-rules';
import { TaskRow } from './task-view';
import { TaskRepository } from './task.repository';
import { TasksService } from './tasks.service';

interface Confirmation {
  request: ConfirmItemDto;
  item: ConfirmableItem;
}

/** What every item of one confirmation shares. */
interface ConfirmationScope {
  user: AuthUser;
  reportId: string;
  settings: OrganizationSettings;
  today: string;
  /** Task ids of the items handled so far, by report item id: the problems measures link to. */
  taskByItem: Map<string, string>;
}

const invalidLink = (message: string) => new InvalidInputError('PROBLEM_LINK_INVALID', message);

/** Confirming a report's items: each becomes a task (problems and measures 整改, plans 计划), once. */
@Injectable()
export class ReportConfirmationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportRepository,
    private readonly tasks: TaskRepository,
    private readonly history: TaskHistoryRepository,
    private readonly outbox: OutboxRepository,
    private readonly directory: UserDirectoryRepository,
    private readonly taskService: TasksService,
    private readonly settings: OrganizationSettingsService,
    private readonly calendar: OrganizationCalendar,
  ) {}

  /**
   * An item that already has a task returns it instead of a duplicate; unit and deadline default to the suggestions
   * (a deadline never in the past). Problems are made first, so a measure confirmed with its problem can point at
   * the problem's new task.
   */
  async createFromReport(user: AuthUser, reportId: string, dto: ConfirmItemsDto) {
    assertCan(user, 'task.assign');
    const scope: ConfirmationScope = {
      user,
      reportId,
      settings: await this.settings.of(user.organizationId),
      today: this.calendar.today(),
      taskByItem: new Map(),
    };
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.reports.existsInOrganization(manager, user.organizationId, reportId)))
        throw new NotFoundError('报告', 'REPORT_NOT_FOUND');
      const confirmations = await this.load(manager, reportId, dto.items);
      const problemsFirst = [...confirmations].sort(
        (a, b) => Number(a.item.kind !== 'problem') - Number(b.item.kind !== 'problem'),
      );
      for (const confirmation of problemsFirst) await this.confirm(manager, scope, confirmation);
    });
    const ids = dto.items.map((request) => scope.taskByItem.get(request.itemId)!);
    const byId = new Map((await this.tasks.findByIds(ids)).map((task): [string, TaskRow] => [task.id, task]));
    return { tasks: ids.map((id) => this.taskService.present(byId.get(id)!)) };
  }

  /** The requested items with their report rows; a link must go from a measure to a problem of the same report. */
  private async load(manager: EntityManager, reportId: string, requests: ConfirmItemDto[]) {
    const confirmations: Confirmation[] = [];
    for (const request of requests) {
      const item = await this.reports.findConfirmableItem(manager, reportId, request.itemId);
      if (!item) throw new NotFoundError('报告条目', 'REPORT_ITEM_NOT_FOUND');
      if (request.problemItemId !== undefined) {
        if (item.kind !== 'measure') throw invalidLink('只有整改措施可以关联整改问题');
        const problem = await this.reports.findConfirmableItem(manager, reportId, request.problemItemId);
        if (!problem || problem.kind !== 'problem')
          throw invalidLink('所关联的整改问题不是本报告中的问题条目');
      }
      confirmations.push({ request, item });
    }
    return confirmations;
  }

  private async confirm(manager: EntityManager, scope: ConfirmationScope, { request, item }: Confirmation) {
    const { user, reportId } = scope;
    const { organizationId } = user;
    await this.tasks.lockReportItem(manager, item.id);
    const existing = await this.tasks.findIdByReportItem(manager, item.id);
    if (existing) {
      scope.taskByItem.set(item.id, existing);
      return;
    }
    await assertMembers(this.directory, manager, organizationId, request);
    const suggestedUnit = item.suggestedUnits[0];
    // A named assignee brings their unit; otherwise the report's suggestion decides.
    const assignee = request.assigneeId
      ? await this.directory.findAssignable(organizationId, request.assigneeId, manager)
      : null;
    const unitId =
      request.unitId ??
      assignee?.unitId ??
      (suggestedUnit
        ? await this.directory.findActiveUnitIdByName(organizationId, suggestedUnit, manager)
        : null);
    if (request.assigneeId) assertAssignable(assignee, unitId);
    const deadline =
      request.deadline ??
      suggestDeadline(item.suggestedDeadline, item.planYear, scope.settings, scope.today).suggestedDeadline;
    const leaderId = request.leaderId ?? null;
    const assigneeId = request.assigneeId ?? null;
    const assigned = Boolean((unitId || assigneeId) && deadline && leaderId);
    const status = assigned ? 'assigned' : 'new';
    const taskId = await this.tasks.insert(manager, {
      organizationId,
      reportId,
      reportItemId: item.id,
      kind: item.kind === 'plan' ? 'plan' : 'rectification',
      itemKind: item.kind,
      title: request.title ?? item.title,
      sourceText: item.text,
      planYear: item.planYear,
      headingPath: item.headingPath,
      leaderId,
      unitId,
      assigneeId,
      deadline,
      completedOn: null,
      problemTaskId: await this.problemTaskId(manager, scope, request.problemItemId),
      status,
      longTerm: request.longTerm ?? item.longTerm,
      evidenceInterval: request.evidenceInterval ?? null,
    });
    scope.taskByItem.set(item.id, taskId);
    await this.reports.linkItemToTask(manager, item.id, taskId);
    await this.history.record(manager, { id: taskId, organizationId }, user.id, 'created', {
      status: { from: null, to: status },
      leaderId: { from: null, to: leaderId },
      unitId: { from: null, to: unitId },
      assigneeId: { from: null, to: assigneeId },
      deadline: { from: null, to: deadline },
    });
    await this.outbox.recordTaskEvent(manager, organizationId, 'task.created', taskId, { actorId: user.id });
    if (assigned)
      await this.outbox.recordTaskEvent(manager, organizationId, 'task.assigned', taskId, {
        actorId: user.id,
        unitId,
        assigneeId,
        leaderId,
        deadline,
      });
  }

  /** The task of the linked problem: made in this confirmation (problems go first) or confirmed before. */
  private async problemTaskId(manager: EntityManager, scope: ConfirmationScope, problemItemId?: string) {
    if (!problemItemId) return null;
    const taskId =
      scope.taskByItem.get(problemItemId) ?? (await this.tasks.findIdByReportItem(manager, problemItemId));
    if (!taskId) throw invalidLink('所关联的整改问题尚未生成任务：请一并确认该问题');
    return taskId;
  }
}
