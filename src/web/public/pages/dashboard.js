import { api, session } from '../api.js';
import { directory, h, lightBadge } from '../ui.js';

function taskList(title, tasks, empty) {
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, title),
    tasks.length
      ? h(
          'ul',
          {},
          tasks.map((t) =>
            h(
              'li',
              {},
              lightBadge(t),
              ' ',
              h('a', { href: `#/tasks/${t.id}` }, t.title),
              h('span', { class: 'muted' }, ` · ${t.statusLabel} · 截止 ${t.deadline || '未定'}`),
            ),
          ),
        )
      : h('p', { class: 'muted' }, empty),
  );
}

export async function dashboardPage(main) {
  const user = session().user;
  const [stats, mine, dueSoon, overdue, all, dir] = await Promise.all([
    api('GET', '/tasks/stats'),
    api(
      'GET',
      `/tasks?${['leader', 'admin'].includes(user.role) ? 'leaderId' : 'assigneeId'}=${user.id}&pageSize=10&sort=deadline`,
    ),
    api('GET', '/tasks?light=yellow&pageSize=10&sort=deadline'),
    api('GET', '/tasks?overdue=true&pageSize=10&sort=deadline'),
    api('GET', '/tasks?pageSize=100'),
    directory(),
  ]);
  const perUnit = new Map();
  for (const task of all.items) {
    const row = perUnit.get(task.unitId) || { green: 0, yellow: 0, red: 0 };
    row[task.light] += 1;
    perUnit.set(task.unitId, row);
  }
  main.replaceChildren(
    h('h1', {}, `你好，${user.displayName}`),
    h(
      'div',
      { class: 'grid' },
      h(
        'div',
        { class: 'card' },
        h('div', { class: 'muted' }, '任务总数'),
        h('div', { class: 'stat' }, stats.total),
      ),
      h(
        'div',
        { class: 'card' },
        h('div', { class: 'muted' }, '完成率'),
        h('div', { class: 'stat' }, `${stats.completionRate}%`),
      ),
      h(
        'div',
        { class: 'card' },
        h('div', { class: 'muted' }, '逾期（红灯）'),
        h('div', { class: 'stat' }, stats.byLight.red),
      ),
      h(
        'div',
        { class: 'card' },
        h('div', { class: 'muted' }, '临期或滞后（黄灯）'),
        h('div', { class: 'stat' }, stats.byLight.yellow),
      ),
    ),
    h(
      'div',
      { class: 'two' },
      taskList('我的任务', mine.items, '暂无分派给你的任务'),
      taskList('即将到期', dueSoon.items, '暂无临期任务'),
    ),
    h(
      'div',
      { class: 'two' },
      taskList('已逾期', overdue.items, '没有逾期任务'),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, '各单位红黄绿灯'),
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', {}, '责任单位'),
                h('th', {}, '绿灯'),
                h('th', {}, '黄灯'),
                h('th', {}, '红灯'),
              ),
            ),
            h(
              'tbody',
              {},
              [...perUnit].map(([unitId, row]) =>
                h(
                  'tr',
                  {},
                  h('td', {}, dir.unitName(unitId)),
                  h('td', {}, row.green),
                  h('td', {}, row.yellow),
                  h('td', {}, row.red),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
