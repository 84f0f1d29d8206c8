import type { DataSource } from 'typeorm';
import { poolQuery } from './pool-query';

/**
 * An organization's task revision (migration TaskListRevisions): 0 until it has any task, then moved by every
 * commit to its tasks or their extension requests. Caches of values derived from the tasks are keyed by it.
 * Ledger requests read it on every call, so it is a statement each connection prepares once.
 */
export async function readTasksRevision(dataSource: DataSource, organizationId: string): Promise<string> {
  const [{ revision }] = await poolQuery<{ revision: string }>(
    dataSource,
    `SELECT COALESCE((SELECT revision FROM task_list_revisions WHERE organization_id = $1), 0) AS revision`,
    [organizationId],
    'tasks-revision',
  );
  return revision;
}
