// 整改台账: filters in the address (#/tasks?year=…), so a filtered ledger can be bookmarked or linked. In its own
// order the ledger groups measures under their problem (GET /tasks/ledger, paged by group); another sort lists
// tasks flat (GET /tasks).
import { LedgerTable } from '../components/ledger-table.js';
import { Loaded } from '../components/loading.js';
import { Pager } from '../components/pager.js';
import { FILTER_KEYS, LEDGER_ORDER, TaskFilters } from '../components/task-filters.js';
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
  const grouped = !params.sort || params.sort === LEDGER_ORDER;
  const key = hrefWith('/tasks', params);
  const state = useLoad(() => {
    const list = grouped
      ? api('GET', hrefWith('/tasks/ledger', { ...params, sort: '', pageSize: PAGE_SIZE }).slice(1))
      : api('GET', hrefWith('/tasks', { ...params, pageSize: PAGE_SIZE }).slice(1));
    const reports = api('GET', '/reports').catch(() => []);
    return Promise.all([list, loadDirectory(), reports]);
  }, [key]);
  const hrefFor = (page) => hrefWith('/tasks', { ...params, page });
  return html`<h1>整改台账</h1>
    <${Loaded} state=${state}>
      ${([result, directory, reports]) => html`
        <${TaskFilters} key=${key} query=${query} directory=${directory} reports=${reports} />
        ${
          // The answer decides the view: while a new one loads, the previous answer is still shown.
          result.groups
            ? html`<p class="ledger-count" aria-live="polite">
                  共 ${result.groupCount} 个序号、${result.taskCount} 项任务；整改措施列在所回应的问题下
                </p>
                <${LedgerTable} groups=${result.groups} directory=${directory} />
                <${Pager}
                  result=${{ total: result.groupCount, page: result.page, pageSize: result.pageSize }}
                  hrefFor=${hrefFor}
                  noun="个序号"
                />`
            : html`<${TaskTable}
                  tasks=${result.items}
                  directory=${directory}
                  firstNumber=${(result.page - 1) * result.pageSize + 1}
                />
                <${Pager} result=${result} hrefFor=${hrefFor} />`
        }
      `}
    <//>`;
}
