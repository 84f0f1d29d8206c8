import { api } from '../api.js';
import { attempt, directory, field, h, ROLE_LABELS, select } from '../ui.js';

export async function unitsPage(main) {
  const { units } = await directory();
  const name = h('input', { name: 'name', required: true });
  const keywords = h('input', { name: 'keywords', placeholder: '用逗号分隔' });
  const form = h(
    'form',
    { class: 'card row' },
    field('单位名称', name),
    field('推荐关键词', keywords),
    h('button', { type: 'submit' }, '新增单位'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      name: name.value.trim(),
      keywords: keywords.value
        .split(/[,，、]/)
        .map((k) => k.trim())
        .filter(Boolean),
    };
    if (await attempt(() => api('POST', '/units', { body }), '单位已添加')) unitsPage(main);
  });
  main.replaceChildren(
    h('h1', {}, '责任单位管理'),
    form,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h('tr', {}, h('th', {}, '名称'), h('th', {}, '关键词'), h('th', {}, '状态'), h('th', {}, '操作')),
        ),
        h(
          'tbody',
          {},
          units.map((u) =>
            h(
              'tr',
              {},
              h('td', {}, u.name),
              h('td', {}, (u.keywords || []).join('、')),
              h('td', {}, u.active === false ? '停用' : '启用'),
              h(
                'td',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'secondary',
                    onclick: async () => {
                      if (
                        await attempt(
                          () => api('PATCH', `/units/${u.id}`, { body: { active: u.active === false } }),
                          '已更新',
                        )
                      )
                        unitsPage(main);
                    },
                  },
                  u.active === false ? '启用' : '停用',
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * Bull Board reads a short-lived HttpOnly cookie scoped to /admin/queues: ask the API for it, then open the page.
 * The window opens before the request so that popup blockers see it come from the click.
 */
async function openQueueDashboard() {
  const opened = window.open('', '_blank');
  const session = await attempt(() => api('POST', '/auth/dashboard-session', { raw: true }));
  if (session && opened) opened.location.href = '/admin/queues';
  else opened?.close();
}

export async function usersPage(main) {
  const { users, units, unitName } = await directory();
  const username = h('input', { name: 'username', required: true, autocomplete: 'off' });
  const displayName = h('input', { name: 'displayName', required: true });
  const password = h('input', {
    name: 'password',
    type: 'password',
    required: true,
    autocomplete: 'new-password',
  });
  const role = select('role', Object.entries(ROLE_LABELS), 'staff');
  const unit = select(
    'unitId',
    units.map((u) => [u.id, u.name]),
    '',
    '无',
  );
  const form = h(
    'form',
    { class: 'card row' },
    field('登录名', username),
    field('姓名', displayName),
    field('初始密码（至少 8 位）', password),
    field('角色', role),
    field('责任单位', unit),
    h('button', { type: 'submit' }, '新增用户'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      username: username.value.trim(),
      displayName: displayName.value.trim(),
      password: password.value,
      role: role.value,
      unitId: unit.value || undefined,
    };
    if (await attempt(() => api('POST', '/users', { body }), '用户已添加')) usersPage(main);
  });
  main.replaceChildren(
    h('h1', {}, '用户管理'),
    h(
      'p',
      {},
      h('button', { type: 'button', class: 'secondary', onclick: openQueueDashboard }, '打开队列面板'),
    ),
    form,
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
            h('th', {}, '姓名'),
            h('th', {}, '登录名'),
            h('th', {}, '角色'),
            h('th', {}, '单位'),
            h('th', {}, '状态'),
            h('th', {}, '操作'),
          ),
        ),
        h(
          'tbody',
          {},
          users.map((u) =>
            h(
              'tr',
              {},
              h('td', {}, u.displayName),
              h('td', {}, u.username),
              h('td', {}, ROLE_LABELS[u.role] || ''),
              h('td', {}, unitName(u.unitId)),
              h('td', {}, u.active === false ? '停用' : '启用'),
              h(
                'td',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'secondary',
                    onclick: async () => {
                      if (
                        await attempt(
                          () => api('PATCH', `/users/${u.id}`, { body: { active: u.active === false } }),
                          '已更新',
                        )
                      )
                        usersPage(main);
                    },
                  },
                  u.active === false ? '启用' : '停用',
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
