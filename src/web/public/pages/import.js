import { api } from '../api.js';
import { attempt, directory, field, h, select } from '../ui.js';

const KINDS = { problem: '问题', cause: '原因', measure: '整改措施', plan: '工作计划' };

/** Source text with every item's [start, end) span wrapped in a <mark> the item card can point at. */
function highlighted(text, items) {
  const parts = [];
  let cursor = 0;
  for (const item of [...items].filter((i) => Number.isInteger(i.start)).sort((a, b) => a.start - b.start)) {
    if (item.start < cursor) continue;
    parts.push(
      text.slice(cursor, item.start),
      h('mark', { id: `src-${item.id}` }, text.slice(item.start, item.end)),
    );
    cursor = item.end;
  }
  parts.push(text.slice(cursor));
  return h('div', { class: 'card source', tabindex: 0, 'aria-label': '报告原文' }, parts);
}

export async function importPage(main, reportId) {
  if (!reportId) return uploadForm(main);
  const [report, text, dir] = await Promise.all([
    api('GET', `/reports/${reportId}`),
    api('GET', `/reports/${reportId}/text`),
    directory(),
  ]);
  const unitByName = (names) => dir.units.find((u) => (names || []).includes(u.name))?.id || '';
  const leaders = dir.users
    .filter((u) => ['leader', 'admin'].includes(u.role))
    .map((u) => [u.id, u.displayName]);
  const people = dir.users.map((u) => [u.id, u.displayName]);
  const open = report.items.filter((item) => !item.taskId);
  const rows = open.map((item) => ({
    item,
    keep: h('input', { type: 'checkbox', checked: true, name: 'keep' }),
    title: h('input', { name: 'title', value: item.title }),
    unit: select(
      'unitId',
      dir.units.map((u) => [u.id, u.name]),
      unitByName(item.suggestedUnits),
      '未指定',
    ),
    leader: select('leaderId', leaders, '', '未指定'),
    assignee: select('assigneeId', people, '', '未指定'),
    deadline: h('input', { name: 'deadline', type: 'date', value: item.suggestedDeadline || '' }),
  }));
  const cards = rows.map((row, index) => {
    const card = h(
      'div',
      { class: 'item', 'data-item': index },
      h(
        'div',
        { class: 'row' },
        h('label', { class: 'check' }, row.keep, `保留 · ${KINDS[row.item.kind] || ''} 第 ${index + 1} 条`),
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => document.getElementById(`src-${row.item.id}`)?.scrollIntoView({ block: 'center' }),
          },
          '定位原文',
        ),
        index > 0
          ? h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                onclick: () => {
                  const previous = rows[index - 1];
                  previous.title.value = `${previous.title.value}；${row.title.value}`;
                  row.keep.checked = false;
                  card.classList.add('dropped');
                },
              },
              '并入上一条',
            )
          : null,
      ),
      field('标题', row.title),
      h(
        'div',
        { class: 'row' },
        field('责任单位', row.unit),
        field('牵头领导', row.leader),
        field('经办人', row.assignee),
        field('完成期限', row.deadline),
      ),
    );
    row.keep.addEventListener('change', () => card.classList.toggle('dropped', !row.keep.checked));
    card.addEventListener('focusin', () => {
      document.querySelectorAll('.source mark.active').forEach((m) => m.classList.remove('active'));
      document.getElementById(`src-${row.item.id}`)?.classList.add('active');
    });
    return card;
  });
  const confirm = h('button', { type: 'button', id: 'confirm-items' }, '确认并生成任务');
  confirm.addEventListener('click', async () => {
    const items = rows
      .filter((r) => r.keep.checked)
      .map((r) => ({
        itemId: r.item.id,
        title: r.title.value.trim() || undefined,
        unitId: r.unit.value || undefined,
        leaderId: r.leader.value || undefined,
        assigneeId: r.assignee.value || undefined,
        deadline: r.deadline.value || undefined,
      }));
    if (!items.length) return attempt(() => Promise.reject(new Error('请至少保留一条条目')));
    const done = await attempt(
      () => api('POST', `/reports/${reportId}/tasks`, { body: { items } }),
      `已生成 ${items.length} 项任务`,
    );
    if (done) location.hash = '#/tasks';
  });
  main.replaceChildren(
    h('h1', {}, report.title || '导入的报告'),
    h(
      'p',
      { class: 'muted' },
      `${report.organization || ''} · ${report.reportYear || ''} 年度报告 · 共 ${report.items.length} 条，待确认 ${open.length} 条${report.duplicate ? ' · 该文件此前已导入' : ''}`,
    ),
    h(
      'div',
      { class: 'two' },
      highlighted(text, report.items),
      h(
        'div',
        { class: 'card' },
        h('h2', {}, '提取的条目'),
        open.length ? [...cards, h('p', {}, confirm)] : h('p', {}, '所有条目都已生成任务。'),
      ),
    ),
  );
}

async function uploadForm(main) {
  const file = h('input', { type: 'file', name: 'file', accept: '.txt,.docx', required: true });
  const form = h(
    'form',
    { class: 'card' },
    h('h1', {}, '导入年度报告'),
    field('报告文件（.txt 或 .docx）', file),
    h('p', {}, h('button', { type: 'submit' }, '上传并解析')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!file.files?.length) return attempt(() => Promise.reject(new Error('请选择要上传的文件')));
    const data = new FormData();
    data.append('file', file.files[0]);
    const report = await attempt(() => api('POST', '/reports', { form: data }), '报告已解析');
    if (report) location.hash = `#/import/${report.id}`;
  });
  const reports = await api('GET', '/reports').catch(() => []);
  main.replaceChildren(
    form,
    h(
      'section',
      { class: 'card' },
      h('h2', {}, '已导入的报告'),
      reports.length
        ? h(
            'ul',
            {},
            reports.map((r) =>
              h(
                'li',
                {},
                h('a', { href: `#/import/${r.id}` }, r.title || r.fileName),
                h('span', { class: 'muted' }, ` · ${r.itemCount} 条 · 已生成任务 ${r.taskCount} 项`),
              ),
            ),
          )
        : h('p', { class: 'muted' }, '尚未导入报告'),
    ),
  );
}
