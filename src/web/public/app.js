// Hash router and page shell.
import { api, saveSession, session } from './api.js';
import { h, say } from './ui.js';
import { loginPage } from './pages/login.js';
import { dashboardPage } from './pages/dashboard.js';
import { tasksPage } from './pages/tasks.js';
import { taskPage } from './pages/task.js';
import { importPage } from './pages/import.js';
import { draftPage } from './pages/draft.js';
import { notificationsPage } from './pages/notifications.js';
import { unitsPage, usersPage } from './pages/admin.js';

const NAV = [
  ['#/', '工作台'],
  ['#/tasks', '任务台账'],
  ['#/import', '导入报告', ['admin', 'leader']],
  ['#/notifications', '消息'],
  ['#/draft', '年度报告草稿'],
  ['#/admin/units', '单位管理', ['admin']],
  ['#/admin/users', '用户管理', ['admin']],
];

const ROUTES = [
  [/^#\/login$/, loginPage],
  [/^#\/?$/, dashboardPage],
  [/^#\/tasks$/, tasksPage],
  [/^#\/tasks\/([\w-]+)$/, taskPage],
  [/^#\/import(?:\/([\w-]+))?$/, importPage],
  [/^#\/draft(?:\/(\d{4}))?$/, draftPage],
  [/^#\/notifications$/, notificationsPage],
  [/^#\/admin\/units$/, unitsPage],
  [/^#\/admin\/users$/, usersPage],
];

function renderShell() {
  const user = session()?.user;
  const top = document.getElementById('top');
  top.hidden = !user;
  if (!user) return;
  document.getElementById('who').textContent = `${user.displayName}`;
  const current = location.hash.split('?')[0] || '#/';
  document.getElementById('nav').replaceChildren(
    ...NAV.filter(([, , roles]) => !roles || roles.includes(user.role)).map(([href, label]) =>
      h(
        'a',
        {
          href,
          'aria-current': (href === '#/' ? current === '#/' || current === '' : current.startsWith(href))
            ? 'page'
            : undefined,
        },
        label,
      ),
    ),
  );
}

async function route() {
  const hash = location.hash || '#/';
  if (!session() && hash !== '#/login') {
    location.hash = '#/login';
    return;
  }
  renderShell();
  const main = document.getElementById('main');
  const path = hash.split('?')[0];
  const match = ROUTES.map(([pattern, page]) => [path.match(pattern), page]).find(([m]) => m);
  main.replaceChildren(h('p', { class: 'muted' }, '加载中…'));
  try {
    if (!match) {
      main.replaceChildren(h('h1', {}, '页面不存在'), h('a', { href: '#/' }, '返回工作台'));
      return;
    }
    const [m, page] = match;
    await page(main, ...m.slice(1));
    main.focus({ preventScroll: true });
  } catch (error) {
    main.replaceChildren(
      h('h1', {}, '加载失败'),
      h(
        'p',
        {},
        error?.message && /[\u4e00-\u9fa5]/.test(error.message) ? error.message : '页面加载失败，请稍后再试',
      ),
    );
  }
}

document.getElementById('logout').addEventListener('click', async () => {
  await api('POST', '/auth/logout').catch(() => undefined);
  saveSession(null);
  say('已退出登录');
  location.hash = '#/login';
});

api('GET', '/meta')
  .then((meta) => {
    document.getElementById('demo-banner').hidden = !meta?.demo;
  })
  .catch(() => undefined);
window.addEventListener('hashchange', route);
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  say('操作失败，请稍后再试', true);
});
route();
