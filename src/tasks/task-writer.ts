import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../identity/auth-user';
import { OutboxRepository } from '../outbox/outbox.repository';
import type { FieldChanges, TaskEventName, TaskEventPayloads } from '../queue/task-events';
import { TaskHistoryRepository } from './task-history.repository';
import { TaskRow } from './task-view';
import { TaskRepository } from './task.repository';
import { TasksService } from './tasks.service';

/** One change of one task by one user: the locked row, and its history line and events in the same transaction. */
export class TaskChange {
  constructor(
    readonly manager: EntityManager,
    /** The row as it was when locked, before this change. */
    readonly task: TaskRow,
    private readonly actor: AuthUser,
    private readonly history: TaskHistoryRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  /** A line of the task's history, written by the acting user. */
  record(action: string, changes: FieldChanges, note: string | null = null): Promise<string> {
    return this.history.record(this.manager, this.task, this.actor.id, action, changes, note);
  }

  /** An event for the parts that react to the task (notifications, webhooks), sent once the change commits. */
  announce<E extends TaskEventName>(type: E, payload: TaskEventPayloads[E]): Promise<void> {
    return this.outbox.recordTaskEvent(this.manager, this.task.organizationId, type, this.task.id, payload);
  }
}

/**
 * How the task services change an existing task: in one transaction with its row locked, so two changes of the
 * same task run one after the other and each sees the other's result. The answer is the task as the user then
 * sees it.
 */
@Injectable()
export class TaskWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly history: TaskHistoryRepository,
    private readonly outbox: OutboxRepository,
    private readonly taskService: TasksService,
  ) {}

  /** `organizationId`: where the task is, the caller's own unless an ancestor acts on it (督办). */
  async change(
    user: AuthUser,
    id: string,
    apply: (change: TaskChange) => Promise<unknown>,
    organizationId = user.organizationId,
  ) {
    await this.dataSource.transaction(async (manager) =>
      apply(await this.lock(manager, user, organizationId, id)),
    );
    return this.taskService.get(user, id);
  }

  /**
   * Tasks of the caller's organization changed together, all or none (the ledger import): each row is locked in
   * turn, in the order given, and stays locked until the last is done. Nothing is read back.
   */
  async changeEach<T extends { id: string }>(
    user: AuthUser,
    items: readonly T[],
    apply: (change: TaskChange, item: T) => Promise<unknown>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const item of items)
        await apply(await this.lock(manager, user, user.organizationId, item.id), item);
    });
  }

  /** The task's row, locked until the transaction ends, as a change by `user`. */
  private async lock(manager: EntityManager, user: AuthUser, organizationId: string, id: string) {
    const task = await this.tasks.lockInOrganization(manager, organizationId, id);
    return new TaskChange(manager, task, user, this.history, this.outbox);
  }
}
