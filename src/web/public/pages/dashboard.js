// 工作台: counts from GET /tasks/stats (every task of the organization), and the short lists that need action.
import { useEffect } from 'preact/hooks';
import { Loaded } from '../components/loading.js';
import { StatCard } from '../components/stat-card.js';
import { TaskBriefList } from '../components/task-brief-list.js';
import { api } from '../lib/api.js';
import { loadDirectory, unitName } from '../lib/directory.js';
import { html } from '../lib/html.js';
import { hrefWith } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';
import { words } from '../lib/vocabulary.js';

const BRIEF = { pageSize: 6, sort: 'deadline' };

/** The caller's own list: what waits for a leader's review, or a staff member's open tasks. */
function ownList(user) {
  if (user.role === 'leader')
    return {
      title: '待我核验',
      filter: { status: 'pending_review', leaderId: user.id },
      empty: '没有待核验的任务',
    };
  if (user.role === 'admin')
    return { title: '待核验', filter: { status: 'pending_review' }, empty: '没有待核验的任务' };
  if (user.role === 'staff')
    return user.unitId
      ? { title: '本单位待办', filter: { unitId: user.unitId, open: 'true' }, empty: '本单位暂无待办任务' }
      : { title: '我的待办', filter: { assigneeId: user.id, open: 'true' }, empty: '暂无分派给你的任务' };
  return null;
}

function listOf(filter) {
  return api('GET', hrefWith('/tasks', { ...filter, ...BRIEF }).slice(1));
}

export function DashboardPage({ user }) {
  const own = ownList(user);
  const overdue = { overdue: 'true' };
  const dueSoon = { light: 'yellow' };
  const state = useLoad(
    () =>
      Promise.all([
        api('GET', '/tasks/stats'),
        own ? listOf(own.filter) : null,
        listOf(overdue),
        listOf(dueSoon),
        loadDirectory(),
      ]),
    [],
  );
  useEffect(() => {
    if (state.data) performance.mark('dashboard-ready');
  }, [Boolean(state.data)]);
  return html`<h1>你好，${user.displayName}</h1>
    <${Loaded} state=${state}>
      ${([stats, mine, late, soon, directory]) => html`
        <${Overview} stats=${stats} />
        <div class="two">
          ${
            own
              ? html`<${TaskBriefList}
                  title=${own.title}
                  result=${mine}
                  empty=${own.empty}
                  moreHref=${hrefWith('/tasks', own.filter)}
                />`
              : null
          }
          <${TaskBriefList}
            title="已逾期"
            result=${late}
            empty="没有逾期任务"
            moreHref=${hrefWith('/tasks', overdue)}
          />
          <${TaskBriefList}
            title="临期或滞后"
            result=${soon}
            empty="没有临期或滞后的任务"
            moreHref=${hrefWith('/tasks', dueSoon)}
          />
        </div>
        <${UnitLights} stats=${stats} directory=${directory} />
      `}
    <//>`;
}

function Overview({ stats }) {
  const lights = words('lights');
  return html`<section aria-label="总体情况">
    <div class="stats">
      <${StatCard} title="任务总数" value=${stats.total} href="#/tasks" />
      <${StatCard} title="完成率" value=${`${stats.completionRate}%`} />
      ${lights.map(
        (light) =>
          html`<${StatCard}
            title=${`${light.color}灯 · ${light.label}`}
            value=${stats.byLight[light.key] ?? 0}
            tone=${light.key}
            href=${hrefWith('/tasks', { light: light.key })}
          />`,
      )}
    </div>
    <p class="status-strip">
      ${stats.byStatus.map(
        (entry) =>
          html`<a href=${hrefWith('/tasks', { status: entry.status })}
            >${entry.statusLabel} <b>${entry.count}</b></a
          >`,
      )}
    </p>
  </section>`;
}

function UnitLights({ stats, directory }) {
  const lights = words('lights');
  const rows = [...stats.byUnit].sort((a, b) => b.byLight.red - a.byLight.red || b.count - a.count);
  return html`<section class="card">
    <h2>各责任单位红黄绿灯</h2>
    ${
      rows.length
        ? html`<div class="table-wrap">
            <table class="grid-table unit-lights">
              <thead>
                <tr>
                  <th scope="col">责任单位</th>
                  ${lights.map(
                    (light) =>
                      html`<th scope="col" class="num">
                        <span class=${`dot ${light.key}`}>${light.color}灯</span>
                      </th>`,
                  )}
                  <th scope="col" class="num">合计</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (row) =>
                    html`<tr>
                      <th scope="row">
                        ${
                          row.unitId
                            ? html`<a href=${hrefWith('/tasks', { unitId: row.unitId })}
                                >${unitName(directory, row.unitId)}</a
                              >`
                            : '未指定责任单位'
                        }
                      </th>
                      ${lights.map((light) => html`<td class="num">${row.byLight[light.key]}</td>`)}
                      <td class="num">${row.count}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="muted">尚无任务。导入年度报告并确认条目后，这里按责任单位统计。</p>`
    }
  </section>`;
}
