import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../identity/auth-user';
import { OrganizationScopeService } from '../identity/org-scope';
import { TaskExtensionRepository } from './task-extension.repository';
import { allowedActions } from './task-actions';
import { TaskHistoryRepository } from './task-history.repository';
import { TaskSchedule } from './task-schedule';
import { TaskRow } from './task-view';
import { TaskRepository } from './task.repository';

/**
 * Reading a task: the row if the caller may see it, and the task page. Changes go through TaskWriter
 * (TaskAssignmentService, TaskProgressService and the others).
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly history: TaskHistoryRepository,
    private readonly extensions: TaskExtensionRepository,
    private readonly scope: OrganizationScopeService,
    private readonly schedule: TaskSchedule,
  ) {}

  /** `today` is passed in by callers presenting many rows at once, so the date is worked out once. */
  present(row: TaskRow, today = this.schedule.today()) {
    return this.schedule.present(row, today);
  }

  /** The task if the caller may read it: their organization's, or (read-only) one of its descendants'. */
  async getVisible(user: AuthUser, id: string): Promise<TaskRow> {
    return this.tasks.getInOrganizations(await this.scope.visibleOrganizationIds(user), id);
  }

  async get(user: AuthUser, id: string) {
    const row = await this.getVisible(user, id);
    const [history, updates, evidence, extensionRequests] = await Promise.all([
      this.history.findHistory(id),
      this.history.findUpdates(id),
      this.history.findEvidence(id),
      this.extensions.findOfTask(id),
    ]);
    return {
      ...this.present(row),
      // getVisible reads the caller's subtree: a task of another organization is one below theirs.
      allowedActions: allowedActions(user, row, row.organizationId !== user.organizationId),
      history,
      updates,
      evidence,
      extensionRequests,
    };
  }
}
