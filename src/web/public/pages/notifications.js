import { api } from '../api.js';
import { attempt, h } from '../ui.js';

export async function notificationsPage(main) {
  const result = await api('GET', '/notifications');
  const items = Array.isArray(result) ? result : result.items || [];
  const reload = () => notificationsPage(main);
  main.replaceChildren(
    h('h1', {}, '消息通知'),
    h(
      'p',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: async () => {
            if (await attempt(() => api('POST', '/notifications/read-all'), '已全部标为已读')) reload();
          },
        },
        '全部标为已读',
      ),
    ),
    items.length
      ? h(
          'div',
          { id: 'notification-list' },
          items.map((n) =>
            h(
              'div',
              { class: 'card' },
              h('strong', {}, n.readAt ? '' : '【未读】', n.title),
              h('p', {}, n.body),
              h(
                'p',
                { class: 'actions' },
                h(
                  'span',
                  { class: 'muted' },
                  new Date(n.createdAt).toLocaleString('zh-CN', { hour12: false }),
                ),
                n.taskId ? h('a', { href: `#/tasks/${n.taskId}` }, '查看任务') : null,
                n.readAt
                  ? null
                  : h(
                      'button',
                      {
                        type: 'button',
                        class: 'secondary',
                        onclick: async () => {
                          if (await attempt(() => api('POST', `/notifications/${n.id}/read`))) reload();
                        },
                      },
                      '标为已读',
                    ),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, '暂无消息'),
  );
}
