// 消息: reminders and notices for the caller, newest first.
import { Loaded } from '../components/loading.js';
import { api } from '../lib/api.js';
import { dateTime } from '../lib/format.js';
import { html } from '../lib/html.js';
import { attempt } from '../lib/messages.js';
import { useLoad } from '../lib/use-load.js';

export function NotificationsPage() {
  const state = useLoad(() => api('GET', '/notifications'), []);
  const readAll = async () => {
    if (await attempt(() => api('POST', '/notifications/read-all'), '已全部标为已读')) state.reload();
  };
  const read = (id) => async () => {
    if (await attempt(() => api('POST', `/notifications/${id}/read`))) state.reload();
  };
  return html`<h1>消息通知</h1>
    <${Loaded} state=${state}>
      ${(result) => {
        const items = Array.isArray(result) ? result : result.items || [];
        if (!items.length) return html`<p class="card muted">暂无消息</p>`;
        return html`<p><button type="button" class="secondary" onClick=${readAll}>全部标为已读</button></p>
          <div id="notification-list">
            ${items.map(
              (notice) =>
                html`<article class=${notice.readAt ? 'card notice' : 'card notice unread'}>
                  <h2>${notice.readAt ? null : html`<span class="flag">未读</span> `}${notice.title}</h2>
                  <p>${notice.body}</p>
                  <p class="buttons">
                    <span class="muted">${dateTime(notice.createdAt)}</span>
                    ${notice.taskId ? html`<a href=${`#/tasks/${notice.taskId}`}>查看任务</a>` : null}
                    ${
                      notice.readAt
                        ? null
                        : html`<button type="button" class="secondary small" onClick=${read(notice.id)}>
                            标为已读
                          </button>`
                    }
                  </p>
                </article>`,
            )}
          </div>`;
      }}
    <//>`;
}
