// One page of the 整改台账, the office's own or a township's read from above: in its own order grouped by problem
// (GET /tasks/ledger, paged by group), in another sort flat (GET /tasks).
import { api } from '../lib/api.js';
import { html } from '../lib/html.js';
import { hrefWith } from '../lib/router.js';
import { LedgerTable } from './ledger-table.js';
import { Pager } from './pager.js';
import { LEDGER_ORDER } from './task-filters.js';
import { TaskTable } from './task-table.js';

const PAGE_SIZE = 20;

/** The page `params` (the address's filters, plus `organizationId` for a township's ledger) ask for. */
export function readLedgerPage(params) {
  const grouped = !params.sort || params.sort === LEDGER_ORDER;
  return grouped
    ? api('GET', hrefWith('/tasks/ledger', { ...params, sort: '', pageSize: PAGE_SIZE }).slice(1))
    : api('GET', hrefWith('/tasks', { ...params, pageSize: PAGE_SIZE }).slice(1));
}

export function LedgerView({ result, directory, hrefFor }) {
  // The answer decides the view: while a new one loads, the previous answer is still shown.
  return result.groups
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
        <${Pager} result=${result} hrefFor=${hrefFor} />`;
}
