// 工作台: counts from GET /tasks/stats (every task of the organization), and the short lists that need action.
import { useEffect } from 'preact/hooks';
import { Loaded } from '../components/loading.js';
import { StatCard } from '../components/stat-card.js';
import { TaskBriefList } from '../components/task-brief-list.js';
import { api } from '../lib/api.js';
import { loadDirectory, unitName } from '../lib/directory.js';
import { html } from '../lib/html.js';
import { inboxQueues, loadInbox } from '../lib/inbox.js';
import { hrefWith } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';
import { roleMay, words } from '../lib/vocabulary.js';

const BRIEF = { pageSize: 6, sort: 'deadline' };

function listOf(filter) {
  return api('GET', hrefWith('/tasks', { ...filter, ...BRIEF }).slice(1));
}

/** Where 查看全部 leads for each queue (the ledger's filters; extensions have none, so the queue lists them all). */
const QUEUE_FILTERS = {
  pendingReview: { status: 'pending_review' },
  pendingExtensions: null,
  overdue: { overdue: 'true' },
  dueSoon: { light: 'yellow' },
  pressed: null,
};

/** Viewers have no queues of their own: they see the organization's late and due tasks. */
function viewerLists() {
  return Promise.all([listOf({ overdue: 'true' }), listOf({ light: 'yellow' })]);
}

export function DashboardPage({ user }) {
  const withoutQueues = !roleMay(user.role, 'inbox.read');
  const state = useLoad(
    () =>
      Promise.all([
        api('GET', '/tasks/stats'),
        withoutQueues ? viewerLists() : loadInbox(user),
        loadDirectory(),
      ]),
    [],
  );
  useEffect(() => {
    if (state.data) performance.mark('dashboard-ready');
  }, [Boolean(state.data)]);
  return html`<h1>你好，${user.displayName}</h1>
    <${Loaded} state=${state}>
      ${([stats, queues, directory]) => html`
        ${withoutQueues ? null : html`<${InboxQueues} inbox=${queues} role=${user.role} />`}
        <${Overview} stats=${stats} />
        ${
          withoutQueues
            ? html`<div class="two">
                <${TaskBriefList}
                  title="已逾期"
                  result=${queues[0]}
                  empty="没有逾期任务"
                  moreHref=${hrefWith('/tasks', { overdue: 'true' })}
                />
                <${TaskBriefList}
                  title="临期或滞后"
                  result=${queues[1]}
                  empty="没有临期或滞后的任务"
                  moreHref=${hrefWith('/tasks', { light: 'yellow' })}
                />
              </div>`
            : null
        }
        <${UnitLights} stats=${stats} directory=${directory} />
      `}
    <//>`;
}

/** 待我核验, 待审批延期, 逾期未办, 临期: what waits on the caller, first on the page. */
function InboxQueues({ inbox, role }) {
  return html`<section aria-label="我的待办" class="two inbox">
    ${inboxQueues(role).map(
      (queue) =>
        html`<${TaskBriefList}
          key=${queue.key}
          title=${queue.title}
          result=${{ total: inbox[queue.key].count, items: inbox[queue.key].items.slice(0, BRIEF.pageSize) }}
          empty=${queue.empty}
          moreHref=${QUEUE_FILTERS[queue.key] ? hrefWith('/tasks', QUEUE_FILTERS[queue.key]) : '#/'}
        />`,
    )}
  </section>`;
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
