// 上级督导: the organizations below the caller's, ranked, charted, with 红榜/黑榜 and the monthly 通报.
// `#/county?year=2026&org=<id>`: a city looks into one of its counties with org.
import { CountyChart } from '../components/county-chart.js';
import { ListOrNote } from '../components/list-or-note.js';
import { Loaded } from '../components/loading.js';
import { StatCard } from '../components/stat-card.js';
import { api, download } from '../lib/api.js';
import { html } from '../lib/html.js';
import { attempt } from '../lib/messages.js';
import { hrefWith } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';
import { roleMay } from '../lib/vocabulary.js';

const BOARD_SIZE = 5;

export function CountyPage({ user, query }) {
  const year = query.get('year') || '';
  const org = query.get('org') || '';
  const state = useLoad(
    () => api('GET', hrefWith('/county/overview', { year, organizationId: org }).slice(1)),
    [year, org],
  );
  return html`<h1>上级督导</h1>
    <${Loaded} state=${state}>
      ${(overview) => html`
        <${YearPicker} overview=${overview} org=${org} />
        ${org ? html`<p class="crumbs"><a href=${hrefWith('/county', { year })}>返回上一级</a></p>` : null}
        <${Totals} totals=${overview.totals} />
        <section class="card">
          <h2>完成率与逾期</h2>
          <${CountyChart} organizations=${overview.organizations} />
        </section>
        <${Boards} organizations=${overview.organizations} year=${overview.year} />
        <${Ranking} overview=${overview} />
        ${roleMay(user.role, 'bulletin.read') && !org ? html`<${Bulletins} month=${overview.asOf.slice(0, 7)} />` : null}
      `}
    <//>`;
}

function YearPicker({ overview, org }) {
  const years = [overview.year - 1, overview.year, overview.year + 1];
  return html`<p class="county-head">
    <span class="muted">计划年度</span>
    ${years.map((year) =>
      year === overview.year
        ? html`<b aria-current="true">${year}年</b>`
        : html`<a href=${hrefWith('/county', { year, org })}>${year}年</a>`,
    )}
    <span class="muted">红黄灯按 ${overview.asOf} 计算</span>
  </p>`;
}

function Totals({ totals }) {
  return html`<section aria-label="合计" class="stats">
    <${StatCard} title="计划任务" value=${totals.planned} />
    <${StatCard} title="已销号" value=${totals.completed} tone="green" />
    <${StatCard} title="按期完成" value=${totals.onTime} />
    <${StatCard} title="完成率" value=${`${totals.rate}%`} />
    <${StatCard} title="红灯 · 逾期" value=${totals.red} tone="red" />
    <${StatCard} title="黄灯 · 临期或滞后" value=${totals.yellow} tone="yellow" />
  </section>`;
}

/** 红榜 the best five, 黑榜 the worst five (only those with planned tasks; never one unit on both). */
function Boards({ organizations, year }) {
  const ranked = organizations.filter((row) => row.planned > 0);
  const size = Math.min(BOARD_SIZE, Math.floor(ranked.length / 2));
  if (!size) return null;
  const board = (title, rows, tone) =>
    html`<section class=${`card board ${tone}`}>
      <h2>${title}</h2>
      <ol>
        ${rows.map(
          (row) =>
            html`<li>
              <a href=${drillHref(row, year)}>${row.name}</a>
              <span class="muted">完成率 ${row.rate}% · 逾期 ${row.overdue}</span>
            </li>`,
        )}
      </ol>
    </section>`;
  return html`<div class="two">
    ${board('红榜（完成率居前）', ranked.slice(0, size), 'red-board')}
    ${board('黑榜（完成率靠后）', ranked.slice(ranked.length - size).reverse(), 'black-board')}
  </div>`;
}

function drillHref(row, year) {
  return row.hasChildren
    ? hrefWith('/county', { year, org: row.id })
    : hrefWith(`/county/org/${row.id}`, { year });
}

function Ranking({ overview }) {
  return html`<section class="card">
    <h2>排名</h2>
    <div class="table-wrap">
      <table class="grid-table county-ranking">
        <thead>
          <tr>
            <th scope="col" class="num">排名</th>
            <th scope="col">单位</th>
            <th scope="col" class="num">计划</th>
            <th scope="col" class="num">已销号</th>
            <th scope="col" class="num">按期完成</th>
            <th scope="col" class="num"><span class="dot red">逾期</span></th>
            <th scope="col" class="num"><span class="dot yellow">黄灯</span></th>
            <th scope="col" class="num">完成率</th>
            <th scope="col">最近变动</th>
          </tr>
        </thead>
        <tbody>
          ${overview.organizations.map(
            (row) =>
              html`<tr>
                <td class="num" data-label="排名">${row.rank}</td>
                <th scope="row"><a href=${drillHref(row, overview.year)}>${row.name}</a></th>
                <td class="num" data-label="计划">${row.planned}</td>
                <td class="num" data-label="已销号">${row.completed}</td>
                <td class="num" data-label="按期完成">${row.onTime}</td>
                <td class=${row.overdue ? 'num late' : 'num'} data-label="逾期">${row.overdue}</td>
                <td class="num" data-label="黄灯">${row.yellow}</td>
                <td class="num" data-label="完成率">${row.rate}%</td>
                <td class="nowrap" data-label="最近变动">
                  ${row.lastActivity ? row.lastActivity.slice(0, 10) : '—'}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

/** `month`: this month by the server's calendar (TIME_ZONE), not the browser's. */
function Bulletins({ month }) {
  const state = useLoad(() => api('GET', '/county/bulletins'), []);
  const issue = () =>
    attempt(async () => {
      const bulletin = await api('POST', `/county/bulletins?month=${month}`);
      state.reload();
      return bulletin;
    }, '通报已生成');
  return html`<section class="card">
    <h2>月度通报</h2>
    <p class="muted">每月1日08:00自动生成上月通报；也可随时生成本月通报（每月一份，再次生成返回已有的）。</p>
    <p><button type="button" onClick=${issue}>生成本月通报</button></p>
    <${Loaded} state=${state}>
      ${({ items }) =>
        html`<${ListOrNote} items=${items} class="plain-list" empty="尚无通报。">
          ${(item) =>
            html`<li>
              <button
                type="button"
                class="link-button"
                onClick=${() => attempt(() => download(`/county/bulletins/${item.id}.docx`, `${item.title}.docx`), '已开始下载')}
              >
                ${item.title}
              </button>
              <span class="muted"> 截至 ${item.asOf}</span>
            </li>`}
        <//>`}
    <//>
  </section>`;
}
