import { taskFilters, TASK_SORTS } from '../../src/tasks/task-filters';
import { TASK_FROM, taskColumns } from '../../src/tasks/task-view';

/** The request the list workload sends, and the SQL the app runs for its page, built by the app's own code. */
export const LIST_QUERY = { status: 'in_progress', overdue: 'false', page: 1, pageSize: 50 } as const;

const { where } = taskFilters(LIST_QUERY, {
  organizationId: '',
  today: '',
  marginPercent: 10,
  timeZone: 'Asia/Shanghai',
});

/** Parameters: $1 organization id, $2 status, $3 today. */
export const listPageSql = `SELECT ${taskColumns('Asia/Shanghai')} FROM ${TASK_FROM} WHERE ${where}
  ORDER BY ${TASK_SORTS.deadline}, t.id LIMIT ${LIST_QUERY.pageSize}`;
