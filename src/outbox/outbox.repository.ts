import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type {
  OrganizationEventName,
  OrganizationEventPayloads,
  OutboxEvent,
  TaskEventName,
  TaskEventPayloads,
} from '../queue/task-events';
import { OutboxEventRow } from './outbox-event.entity';

/** The outbox_events table: the event writer used inside features' transactions, and the relay's reads. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes the event inside the caller's transaction, so it exists exactly when the change does. */
  async recordTaskEvent<E extends TaskEventName>(
    manager: EntityManager,
    organizationId: string,
    type: E,
    taskId: string,
    payload: TaskEventPayloads[E],
  ): Promise<void> {
    await manager.insert(OutboxEventRow, {
      organizationId,
      type,
      aggregateId: taskId,
      payload: { taskId, ...payload },
    });
  }

  /** An event about the organization rather than one task, inside the caller's transaction like task events. */
  async recordOrganizationEvent<E extends OrganizationEventName>(
    manager: EntityManager,
    organizationId: string,
    type: E,
    payload: OrganizationEventPayloads[E],
  ): Promise<void> {
    await manager.insert(OutboxEventRow, { organizationId, type, aggregateId: null, payload });
  }

  /**
   * The oldest unpublished events, locked for this transaction; other relays skip them (SKIP LOCKED). Rows are
   * written only by the two writers above, so their type and payload are those of EventPayloads.
   */
  lockUnpublished(manager: EntityManager, limit: number): Promise<OutboxEvent[]> {
    return manager.query(
      `SELECT id::text AS "eventId", type, organization_id AS "organizationId",
              COALESCE(payload->>'taskId', aggregate_id::text) AS "taskId", payload
         FROM outbox_events
        WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markPublished(manager: EntityManager, eventIds: string[]): Promise<void> {
    await manager.update(OutboxEventRow, { id: In(eventIds) }, { publishedAt: () => 'now()' });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
