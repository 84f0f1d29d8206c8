import { EntityManager } from 'typeorm';

export type TaskEventType =
  | 'task.created'
  | 'task.assigned'
  | 'task.status_changed'
  | 'task.completed'
  | 'task.deadline_changed'
  | 'task.review_requested'
  | 'task.rejected'
  | 'task.updated';

/** Writes an outbox row inside the caller's transaction, so the event exists exactly when the change does. */
export async function recordTaskEvent(
  manager: EntityManager,
  organizationId: string,
  type: TaskEventType,
  taskId: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await manager.query(
    `INSERT INTO outbox_events (organization_id, type, aggregate_id, payload) VALUES ($1, $2, $3, $4)`,
    [organizationId, type, taskId, JSON.stringify({ taskId, ...payload })],
  );
}

/** Appends to the task's history (the table refuses UPDATE and DELETE). */
export async function recordHistory(
  manager: EntityManager,
  task: { id: string; organizationId: string },
  actorId: string | null,
  action: string,
  changes: Record<string, { from: unknown; to: unknown }>,
  note: string | null = null,
): Promise<void> {
  await manager.query(
    `INSERT INTO task_history (task_id, organization_id, actor_id, action, changes, note) VALUES ($1, $2, $3, $4, $5, $6)`,
    [task.id, task.organizationId, actorId, action, JSON.stringify(changes), note],
  );
}
