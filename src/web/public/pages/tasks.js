// 整改台账: filters in the address (#/tasks?year=…), so a filtered ledger can be bookmarked or linked. In its own
// order the ledger groups measures under their problem (GET /tasks/ledger, paged by group); another sort lists
// tasks flat (GET /tasks).
import { LedgerView, readLedgerPage } from '../components/ledger-view.js';
import { Loaded } from '../components/loading.js';
import { FILTER_KEYS, TaskFilters } from '../components/task-filters.js';
import { api } from '../lib/api.js';
import { loadDirectory } from '../lib/directory.js';
import { html } from '../lib/html.js';
import { hrefWith } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';

const QUERY_KEYS = [...FILTER_KEYS, 'leaderId', 'assigneeId', 'overdue', 'open', 'page'];

export function TasksPage({ query }) {
  const params = Object.fromEntries(QUERY_KEYS.map((key) => [key, query.get(key)]));
  const key = hrefWith('/tasks', params);
  const state = useLoad(() => {
    const reports = api('GET', '/reports').catch(() => []);
    return Promise.all([readLedgerPage(params), loadDirectory(), reports]);
  }, [key]);
  const hrefFor = (page) => hrefWith('/tasks', { ...params, page });
  return html`<h1>整改台账</h1>
    <${Loaded} state=${state}>
      ${([result, directory, reports]) => html`
        <${TaskFilters} key=${key} query=${query} directory=${directory} reports=${reports} />
        <${LedgerView} result=${result} directory=${directory} hrefFor=${hrefFor} />
      `}
    <//>`;
}
