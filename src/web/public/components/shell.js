// The frame of every signed-in page: demo banner, header with navigation, status line.
import { api, saveSession } from '../lib/api.js';
import { html } from '../lib/html.js';
import { useInbox, waitingCount } from '../lib/inbox.js';
import { say, useMessage } from '../lib/messages.js';
import { useNavPath } from '../lib/nav-place.js';
import { navigate } from '../lib/router.js';
import { useSupervises } from '../lib/supervision.js';
import { isDemo, label, roleMay } from '../lib/vocabulary.js';

/** Pages in the menu; `permission` names a row of the server's permission table. */
const NAV = [
  { href: '#/', text: '工作台', count: 'waiting' },
  { href: '#/tasks', text: '整改台账' },
  { href: '#/import', text: '导入报告', permission: 'report.import' },
  { href: '#/worklog', text: '工作纪实' },
  { href: '#/draft', text: '年度报告草稿' },
  { href: '#/notifications', text: '消息', count: 'unread' },
  // Only for organizations with organizations below them (a county, a city).
  { href: '#/county', text: '上级督导', supervision: true },
  { href: '#/admin/units', text: '责任单位', permission: 'unit.manage' },
  { href: '#/admin/users', text: '用户', permission: 'user.manage' },
  { href: '#/admin/settings', text: '单位设置', permission: 'organization.settings' },
];

function isCurrent(href, path) {
  const target = href.slice(1);
  return target === '/' ? path === '/' : path === target || path.startsWith(`${target}/`);
}

async function logout() {
  await api('POST', '/auth/logout').catch(() => undefined);
  saveSession(null);
  say('已退出登录');
  navigate('#/login');
}

export function StatusLine() {
  const message = useMessage();
  return html`<div class="messages" role="status" aria-live="polite">
    ${
      message
        ? html`<div
            class=${message.isError ? 'msg error' : 'msg'}
            role=${message.isError ? 'alert' : undefined}
          >
            ${message.text}
          </div>`
        : null
    }
  </div>`;
}

export function Shell({ user, path, children }) {
  const supervises = useSupervises();
  const links = NAV.filter(
    (item) => (!item.permission || roleMay(user.role, item.permission)) && (!item.supervision || supervises),
  );
  const navPath = useNavPath(path);
  const inbox = useInbox(user, path);
  const counts = { waiting: waitingCount(inbox, user.role), unread: inbox?.unreadNotifications ?? 0 };
  return html`<a class="skip" href="#main" onClick=${skipToMain}>跳到正文</a>
    ${isDemo() ? html`<div class="demo">演示模式：数据为示例，可随时重置</div>` : null}
    <header class="top">
      <div class="top-band">
        <div class="top-inner">
          <a class="brand" href="#/">法治政府建设整改事项跟踪</a>
          <a class="who" href="#/account" title="我的账号：修改密码"
            >${user.displayName}（${label('roles', user.role)}）</a
          >
          <button type="button" class="link-button" onClick=${logout}>退出</button>
        </div>
      </div>
      <nav aria-label="主导航" class="nav">
        ${links.map(
          (item) =>
            html`<a href=${item.href} aria-current=${isCurrent(item.href, navPath) ? 'page' : undefined}
              >${item.text}${
                item.count && counts[item.count]
                  ? html` <span class="nav-count" aria-hidden="true" title=${`${counts[item.count]} 项`}
                      >${counts[item.count]}</span
                    >`
                  : null
              }</a
            >`,
        )}
      </nav>
    </header>
    <${StatusLine} />
    <main id="main" tabindex="-1">${children}</main>`;
}

function skipToMain(event) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
