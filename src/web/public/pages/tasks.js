// 整改台账: filters in the address (#/tasks?status=…), so a filtered ledger can be bookmarked or linked.
import { Loaded } from '../components/loading.js';
import { Pager } from '../components/pager.js';
import { FILTER_KEYS, TaskFilters } from '../components/task-filters.js';
import { TaskTable } from '../components/task-table.js';
import { api } from '../lib/api.js';
import { loadDirectory } from '../lib/directory.js';
import { html } from '../lib/html.js';
import { hrefWith } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';

const PAGE_SIZE = 20;
const QUERY_KEYS = [...FILTER_KEYS, 'leaderId', 'assigneeId', 'overdue', 'open', 'page'];

export function TasksPage({ query }) {
  const params = Object.fromEntries(QUERY_KEYS.map((key) => [key, query.get(key)]));
  const key = hrefWith('/tasks', params);
  const state = useLoad(
    () =>
      Promise.all([
        api('GET', hrefWith('/tasks', { ...params, pageSize: PAGE_SIZE }).slice(1)),
        loadDirectory(),
      ]),
    [key],
  );
  return html`<h1>整改台账</h1>
    <${Loaded} state=${state}>
      ${([result, directory]) => html`
        <${TaskFilters} key=${key} query=${query} directory=${directory} />
        <${TaskTable}
          tasks=${result.items}
          directory=${directory}
          firstNumber=${(result.page - 1) * result.pageSize + 1}
        />
        <${Pager} result=${result} hrefFor=${(page) => hrefWith('/tasks', { ...params, page })} />
      `}
    <//>`;
}
