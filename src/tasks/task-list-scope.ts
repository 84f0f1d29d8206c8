import type { TaskFilterQuery } from './task-filters';

/**
 * The part of an organization a ledger filter can see, as kept in task_scope_revisions (migration
 * TaskScopesAndTallies): 'a' one assignee's tasks, 'u' one unit's, 'l' one leader's, 'o' the whole organization's.
 * A write moves the revisions of the scopes its task was in before and after, so a page cached for a filter stays
 * valid while the revision of the filter's scope stands.
 */
export interface TaskScope {
  scope: 'o' | 'u' | 'a' | 'l';
  id: string;
}

/**
 * The narrowest scope that holds every task the filter can match: a filter on one assignee, unit or leader only
 * ever shows tasks in that scope, whatever else it asks for.
 */
export function listScope(query: TaskFilterQuery, organizationId: string): TaskScope {
  if (query.assigneeId) return { scope: 'a', id: query.assigneeId };
  if (query.unitId) return { scope: 'u', id: query.unitId };
  if (query.leaderId) return { scope: 'l', id: query.leaderId };
  return { scope: 'o', id: organizationId };
}

/** Query keys that shape the page but not which tasks match. */
const NOT_FILTERS = new Set(['page', 'pageSize', 'sort', 'organizationId']);
/** Filters over the columns task_tallies keeps (organization, status, unit, leader, assignee, kind, plan year). */
const TALLIED_FILTERS = new Set(['status', 'unitId', 'leaderId', 'assigneeId', 'kind', 'year', 'open']);

/**
 * Whether the filter's total can be summed from task_tallies. Anything else (a search, a light, overdue, an item
 * type, or any filter added later) is counted over the tasks: the test names what is known to be tallied, so a
 * new filter is counted correctly until someone adds it here.
 */
export function isTallied(query: object): boolean {
  return Object.entries(query).every(
    ([key, value]) => value === undefined || value === '' || NOT_FILTERS.has(key) || TALLIED_FILTERS.has(key),
  );
}
