import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { assertCan } from '../identity/permissions';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { OutboxRepository } from '../outbox/outbox.repository';
import { ReportRepository } from '../reports/report.repository';
import { ConfirmItemsDto } from './dto/task.dto';
import { TaskHistoryRepository } from './task-history.repository';
import { TaskRow } from './task-view';
import { TaskRepository } from './task.repository';
import { TasksService } from './tasks.service';

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
  ) {}

  /** An item that already has a task returns it instead of a duplicate; unit and deadline default to the suggestions. */
  async createFromReport(user: AuthUser, reportId: string, dto: ConfirmItemsDto) {
    assertCan(user, 'task.assign');
    const { organizationId } = user;
    const ids = await this.dataSource.transaction(async (manager) => {
      if (!(await this.reports.existsInOrganization(manager, organizationId, reportId)))
        throw new NotFoundError('报告', 'REPORT_NOT_FOUND');
      const taskIds: string[] = [];
      for (const request of dto.items) {
        const item = await this.reports.findConfirmableItem(manager, reportId, request.itemId);
        if (!item) throw new NotFoundError('报告条目', 'REPORT_ITEM_NOT_FOUND');
        await this.tasks.lockReportItem(manager, item.id);
        const existing = await this.tasks.findIdByReportItem(manager, item.id);
        if (existing) {
          taskIds.push(existing);
          continue;
        }
        await this.taskService.assertMembers(manager, organizationId, request);
        const suggestedUnit = item.suggestedUnits[0];
        // A named assignee brings their unit; otherwise the report's suggestion decides.
        const unitId =
          request.unitId ??
          (request.assigneeId
            ? await this.taskService.unitOfAssignee(manager, organizationId, request.assigneeId)
            : null) ??
          (suggestedUnit
            ? await this.directory.findActiveUnitIdByName(organizationId, suggestedUnit, manager)
            : null);
        if (request.assigneeId)
          await this.taskService.assertAssignee(manager, organizationId, request.assigneeId, unitId);
        const deadline = request.deadline ?? item.suggestedDeadline;
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
          problemTaskId: null,
          status,
          longTerm: request.longTerm ?? item.longTerm,
          evidenceInterval: request.evidenceInterval ?? null,
        });
        await this.reports.linkItemToTask(manager, item.id, taskId);
        await this.history.record(manager, { id: taskId, organizationId }, user.id, 'created', {
          status: { from: null, to: status },
          leaderId: { from: null, to: leaderId },
          unitId: { from: null, to: unitId },
          assigneeId: { from: null, to: assigneeId },
          deadline: { from: null, to: deadline },
        });
        await this.outbox.recordTaskEvent(manager, organizationId, 'task.created', taskId, {
          actorId: user.id,
        });
        if (assigned)
          await this.outbox.recordTaskEvent(manager, organizationId, 'task.assigned', taskId, {
            actorId: user.id,
            unitId,
            assigneeId,
            leaderId,
            deadline,
          });
        taskIds.push(taskId);
      }
      return taskIds;
    });
    const byId = new Map((await this.tasks.findByIds(ids)).map((task): [string, TaskRow] => [task.id, task]));
    return { tasks: ids.map((id) => this.taskService.present(byId.get(id)!)) };
  }
}
