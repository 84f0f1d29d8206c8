import { EntityManager } from 'typeorm';

/**
 * Writes an outbox row inside the caller's transaction, so the event exists exactly when the change does.
 * For events about something other than a task: `taskId` of the dispatched event stays null.
 */
export async function recordOutboxEvent(
  manager: EntityManager,
  organizationId: string,
  type: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await manager.query(`INSERT INTO outbox_events (organization_id, type, payload) VALUES ($1, $2, $3)`, [
    organizationId,
    type,
    JSON.stringify(payload),
  ]);
}
