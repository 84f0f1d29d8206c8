/**
 * SQL for an organization's task revision (migration TaskListRevisions): 0 until it has any task, then moved by
 * every commit to its tasks or their extension requests. `organizationId` is an SQL expression, a parameter or a
 * column. Caches of values derived from the tasks are keyed by it.
 */
export function tasksRevisionSql(organizationId: string): string {
  return `COALESCE((SELECT revision FROM task_list_revisions WHERE organization_id = ${organizationId}), 0)`;
}
