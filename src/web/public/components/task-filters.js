// The ledger's filter bar; every list of values (statuses, lights, item types) is the server's vocabulary.
import { download } from '../lib/api.js';
import { unitOptions } from '../lib/directory.js';
import { html } from '../lib/html.js';
import { attempt } from '../lib/messages.js';
import { hrefWith, navigate } from '../lib/router.js';
import { organizationYear, words } from '../lib/vocabulary.js';
import { Field } from './field.js';
import { Select } from './select.js';

export const FILTER_KEYS = ['q', 'year', 'reportId', 'status', 'light', 'itemType', 'unitId', 'sort'];
/** Filters the bar has no control for but links may set (dashboard lists); kept until the bar is reset. */
const LINK_ONLY_KEYS = ['leaderId', 'assigneeId', 'overdue', 'open'];

/** The ledger's own order (groups by problem, GET /tasks/ledger) is the default; the others list tasks flat. */
export const LEDGER_ORDER = 'ledger';

const SORTS = [
  { key: LEDGER_ORDER, label: '按问题分组' },
  { key: 'deadline', label: '时限近的在前' },
  { key: '-deadline', label: '时限远的在前' },
  { key: '-createdAt', label: '新生成的在前' },
  { key: '-progress', label: '进度高的在前' },
  { key: 'progress', label: '进度低的在前' },
  { key: 'title', label: '按事项名称' },
];

function lightOptions() {
  return words('lights').map((light) => ({ key: light.key, label: `${light.color}灯（${light.label}）` }));
}

/** Years with a report, the current year and the one asked for, newest first. */
function yearOptions(reports, query) {
  const years = new Set([organizationYear(), ...reports.map((report) => report.planYear)]);
  if (query.get('year')) years.add(Number(query.get('year')));
  return [...years]
    .filter(Boolean)
    .sort((a, b) => b - a)
    .map((year) => ({ key: String(year), label: `${year}年度` }));
}

function reportOptions(reports) {
  return reports.map((report) => ({
    key: report.id,
    label: report.title || report.fileName,
  }));
}

/**
 * The current filters as a query string for the export and the printed ledger; `organizationId`: a township's
 * ledger, read from above.
 */
export function filterQuery(query, organizationId) {
  const params = new URLSearchParams();
  for (const key of [...FILTER_KEYS, ...LINK_ONLY_KEYS])
    if (key !== 'sort' && query.get(key)) params.set(key, query.get(key));
  if (organizationId) params.set('organizationId', organizationId);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * `path`: the page the bar filters (its printed form is `path`/print); `organizationId`: the township whose
 * read-only ledger it is, whose Excel and printed 台账 the county takes (the caller's own when absent). The Excel
 * downloads under the name the server gives it, the organization's.
 */
export function TaskFilters({ query, directory, reports = [], path = '/tasks', organizationId }) {
  const value = (key) => query.get(key) || '';
  const kept = LINK_ONLY_KEYS.filter((key) => query.get(key));
  const submit = (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = Object.fromEntries(FILTER_KEYS.map((key) => [key, String(form.get(key) || '').trim()]));
    if (params.sort === LEDGER_ORDER) params.sort = '';
    for (const key of kept) params[key] = query.get(key);
    navigate(hrefWith(path, params));
  };
  return html`<form class="card filters" role="search" onSubmit=${submit}>
    <${Field} label="搜索" wide
      ><input name="q" type="search" placeholder="事项名称或原文" defaultValue=${value('q')}
    /><//>
    <${Field} label="年度"
      ><${Select}
        name="year"
        options=${yearOptions(reports, query)}
        initial=${value('year')}
        empty="全部年度"
    /><//>
    <${Field} label="来源报告"
      ><${Select}
        name="reportId"
        options=${reportOptions(reports)}
        initial=${value('reportId')}
        empty="全部报告"
    /><//>
    <${Field} label="状态"
      ><${Select} name="status" options=${words('statuses')} initial=${value('status')} empty="全部状态"
    /><//>
    <${Field} label="红黄绿灯"
      ><${Select} name="light" options=${lightOptions()} initial=${value('light')} empty="全部"
    /><//>
    <${Field} label="事项类型"
      ><${Select} name="itemType" options=${words('itemTypes')} initial=${value('itemType')} empty="全部类型"
    /><//>
    <${Field} label="责任单位"
      ><${Select} name="unitId" options=${unitOptions(directory)} initial=${value('unitId')} empty="全部单位"
    /><//>
    <${Field} label="排序"
      ><${Select} name="sort" options=${SORTS} initial=${value('sort') || LEDGER_ORDER}
    /><//>
    <div class="filter-actions">
      <button type="submit">查询</button>
      ${
        kept.length || FILTER_KEYS.some((key) => value(key))
          ? html`<a class="button secondary" href=${`#${path}`}>清除条件</a>`
          : null
      }
      <button
        type="button"
        class="secondary"
        onClick=${() =>
          attempt(() => download(`/tasks/export.xlsx${filterQuery(query, organizationId)}`), '已开始下载')}
      >
        导出 Excel
      </button>
      <a class="button secondary" href=${`#${path}/print${filterQuery(query)}`}>打印台账</a>
    </div>
  </form>`;
}
