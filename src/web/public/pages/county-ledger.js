// A township's 整改台账 as its county sees it: the same filters, view, Excel and printed form, read-only
// (GET /tasks/ledger, /tasks, /reports and /tasks/export.xlsx with organizationId).
import { LedgerView, readLedgerPage } from '../components/ledger-view.js';
import { Loaded } from '../components/loading.js';
import { FILTER_KEYS, TaskFilters } from '../components/task-filters.js';
import { api } from '../lib/api.js';
import { html } from '../lib/html.js';
import { hrefWith } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';

const QUERY_KEYS = [...FILTER_KEYS, 'overdue', 'open', 'page'];

export function CountyLedgerPage({ params: [organizationId], query }) {
  const params = Object.fromEntries(QUERY_KEYS.map((key) => [key, query.get(key)]));
  const path = `/county/org/${organizationId}`;
  const key = hrefWith(path, params);
  const state = useLoad(
    () =>
      Promise.all([
        readLedgerPage({ ...params, organizationId }),
        api('GET', `/directory?organizationId=${organizationId}`),
        api('GET', '/organizations'),
        // The township's own reports, for the 来源报告 filter (the caller's would match none of its tasks).
        api('GET', `/reports?organizationId=${organizationId}`).catch(() => []),
      ]),
    [key],
  );
  return html`<${Loaded} state=${state}>
    ${([result, directory, organizations, reports]) => {
      const name =
        organizations.find((organization) => organization.id === organizationId)?.name ?? '下级单位';
      return html`
        <p class="crumbs">
          <a href=${hrefWith('/county', { year: params.year })}>上级督导</a> › 台账（只读）
        </p>
        <h1>${name}整改台账</h1>
        <p class="hint">只读查看：任务的报送、核验和调整由该单位办理。</p>
        <${TaskFilters}
          key=${key}
          query=${query}
          directory=${directory}
          reports=${reports}
          path=${path}
          organizationId=${organizationId}
        />
        <${LedgerView}
          result=${result}
          directory=${directory}
          hrefFor=${(page) => hrefWith(path, { ...params, page })}
        />
      `;
    }}
  <//>`;
}
