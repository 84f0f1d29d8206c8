// A township's 整改台账 as its county sees it: the same filters, read-only (GET /tasks?organizationId=).
import { Loaded } from '../components/loading.js';
import { Pager } from '../components/pager.js';
import { FILTER_KEYS, TaskFilters } from '../components/task-filters.js';
import { TaskTable } from '../components/task-table.js';
import { api } from '../lib/api.js';
import { html } from '../lib/html.js';
import { hrefWith } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';

const PAGE_SIZE = 20;
const QUERY_KEYS = [...FILTER_KEYS, 'overdue', 'open', 'year', 'page'];

export function CountyLedgerPage({ params: [organizationId], query }) {
  const params = Object.fromEntries(QUERY_KEYS.map((key) => [key, query.get(key)]));
  const path = `/county/org/${organizationId}`;
  const key = hrefWith(path, params);
  const state = useLoad(
    () =>
      Promise.all([
        api('GET', hrefWith('/tasks', { ...params, organizationId, pageSize: PAGE_SIZE }).slice(1)),
        api('GET', `/directory?organizationId=${organizationId}`),
        api('GET', '/organizations'),
      ]),
    [key],
  );
  return html`<${Loaded} state=${state}>
    ${([result, directory, organizations]) => html`
      <p class="crumbs"><a href=${hrefWith('/county', { year: params.year })}>上级督导</a> › 台账（只读）</p>
      <h1>
        ${organizations.find((organization) => organization.id === organizationId)?.name ?? '下级单位'}整改台账
      </h1>
      <p class="hint">只读查看：任务的报送、核验和调整由该单位办理。</p>
      <${TaskFilters} key=${key} query=${query} directory=${directory} path=${path} exportable=${false} />
      <${TaskTable}
        tasks=${result.items}
        directory=${directory}
        firstNumber=${(result.page - 1) * result.pageSize + 1}
      />
      <${Pager} result=${result} hrefFor=${(page) => hrefWith(path, { ...params, page })} />
    `}
  <//>`;
}
