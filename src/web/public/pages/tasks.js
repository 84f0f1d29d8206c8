import { api, download } from '../api.js';
import { attempt, directory, field, h, lightBadge, select } from '../ui.js';

const SORTS = [
  ['deadline', '截止日期（早→晚）'],
  ['-deadline', '截止日期（晚→早）'],
  ['-createdAt', '最新创建'],
  ['-progress', '进度（高→低）'],
  ['title', '标题'],
];
const STATUSES = [
  ['new', '未分派'],
  ['assigned', '未启动'],
  ['in_progress', '序时推进'],
  ['pending_review', '待核验'],
  ['completed', '已销号'],
  ['cancelled', '已撤销'],
];

export async function tasksPage(main) {
  const dir = await directory();
  const state = Object.fromEntries(new URLSearchParams(location.hash.split('?')[1] || ''));
  const q = h('input', { name: 'q', type: 'search', value: state.q || '' });
  const status = select('status', STATUSES, state.status, '全部状态');
  const light = select(
    'light',
    [
      ['green', '绿灯'],
      ['yellow', '黄灯'],
      ['red', '红灯'],
    ],
    state.light,
    '全部',
  );
  const unit = select(
    'unitId',
    dir.units.map((u) => [u.id, u.name]),
    state.unitId,
    '全部单位',
  );
  const kind = select(
    'kind',
    [
      ['rectification', '整改任务'],
      ['plan', '工作计划'],
    ],
    state.kind,
    '全部类型',
  );
  const sort = select('sort', SORTS, state.sort || 'deadline');
  const page = Number(state.page || 1);
  const params = new URLSearchParams();
  for (const [key, el] of [
    ['q', q],
    ['status', status],
    ['light', light],
    ['unitId', unit],
    ['kind', kind],
    ['sort', sort],
  ])
    if (el.value) params.set(key, el.value);
  params.set('page', String(page));
  params.set('pageSize', '20');
  const result = await api('GET', `/tasks?${params}`);
  const go = (overrides) => {
    const next = new URLSearchParams();
    for (const [key, el] of [
      ['q', q],
      ['status', status],
      ['light', light],
      ['unitId', unit],
      ['kind', kind],
      ['sort', sort],
    ])
      if (el.value) next.set(key, el.value);
    for (const [key, value] of Object.entries(overrides)) next.set(key, String(value));
    location.hash = `#/tasks?${next}`;
  };
  const filters = h(
    'form',
    { class: 'card row', role: 'search' },
    field('搜索', q),
    field('状态', status),
    field('红黄绿灯', light),
    field('责任单位', unit),
    field('类型', kind),
    field('排序', sort),
    h('button', { type: 'submit' }, '查询'),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () => attempt(() => download('/tasks/export.xlsx', '任务台账.xlsx'), '已开始下载'),
      },
      '导出 Excel',
    ),
  );
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    go({ page: 1 });
  });
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  main.replaceChildren(
    h('h1', {}, '任务台账'),
    filters,
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
            h('th', {}, '灯'),
            h('th', {}, '任务'),
            h('th', {}, '状态'),
            h('th', { class: 'hide-sm' }, '责任单位'),
            h('th', { class: 'hide-sm' }, '经办人'),
            h('th', {}, '截止'),
            h('th', {}, '进度'),
          ),
        ),
        h(
          'tbody',
          {},
          result.items.length
            ? result.items.map((t) =>
                h(
                  'tr',
                  {},
                  h('td', {}, lightBadge(t)),
                  h('td', {}, h('a', { href: `#/tasks/${t.id}` }, t.title)),
                  h('td', { class: 'nowrap' }, t.statusLabel),
                  h('td', { class: 'hide-sm' }, dir.unitName(t.unitId)),
                  h('td', { class: 'hide-sm' }, dir.userName(t.assigneeId)),
                  h(
                    'td',
                    { class: 'nowrap' },
                    t.deadline || '未定',
                    t.overdue ? h('span', { class: 'badge' }, '逾期') : null,
                  ),
                  h('td', {}, `${t.progress}%`),
                ),
              )
            : h('tr', {}, h('td', { colspan: 7 }, '没有符合条件的任务')),
        ),
      ),
    ),
    h(
      'div',
      { class: 'pager' },
      h(
        'button',
        { type: 'button', class: 'secondary', disabled: page <= 1, onclick: () => go({ page: page - 1 }) },
        '上一页',
      ),
      h('span', {}, `第 ${page} / ${pages} 页，共 ${result.total} 条`),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          disabled: page >= pages,
          onclick: () => go({ page: page + 1 }),
        },
        '下一页',
      ),
    ),
  );
}
