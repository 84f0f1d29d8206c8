// 打印台账: the Excel 台账's layout as a page to print (A4 landscape, header repeated on every sheet), for offices
// without Excel. Same filters as the ledger; the whole ledger at once (GET /tasks/ledger?all=true). With
// #/county/org/<id>/print, a township's 台账 as its county prints it for a supervision visit (read-only, titled for
// the township).
import { Loaded } from '../components/loading.js';
import { PrintLedgerTable } from '../components/print-ledger-table.js';
import { filterQuery } from '../components/task-filters.js';
import { api } from '../lib/api.js';
import { loadDirectory } from '../lib/directory.js';
import { html } from '../lib/html.js';
import { useLoad } from '../lib/use-load.js';

function chineseDate(iso) {
  const [year, month, day] = iso.split('-');
  return `${year}年${month}月${day}日`;
}

export function LedgerPrintPage({ params: [organizationId], query }) {
  const filters = filterQuery(query);
  const ledgerFilters = filterQuery(query, organizationId);
  const back = `#${organizationId ? `/county/org/${organizationId}` : '/tasks'}${filters}`;
  const state = useLoad(
    () =>
      Promise.all([
        api('GET', `/tasks/ledger${ledgerFilters ? `${ledgerFilters}&` : '?'}all=true`),
        organizationId ? api('GET', `/directory?organizationId=${organizationId}`) : loadDirectory(),
      ]),
    [ledgerFilters],
  );
  return html`<${Loaded} state=${state}>
    ${([ledger, directory]) =>
      html`<article class="print-page">
        <div class="no-print buttons print-actions">
          <button type="button" onClick=${() => window.print()}>打印</button>
          <a class="button secondary" href=${back}>返回整改台账</a>
          <span class="hint"
            >按 A4 横向打印，每页重复表头；共 ${ledger.groupCount} 个序号、${ledger.taskCount} 项任务</span
          >
        </div>
        <h1 class="print-title">${ledger.title}</h1>
        <div class="print-meta">
          <span>填报单位：${ledger.organizationName}</span>
          <span>填报日期：${chineseDate(ledger.filledOn)}</span>
        </div>
        <${PrintLedgerTable} groups=${ledger.groups} directory=${directory} />
      </article>`}
  <//>`;
}
