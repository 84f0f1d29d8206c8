// A short list of tasks on the dashboard: light, title, status and deadline on one line each.
import { deadlineText, daysLeftText } from '../lib/format.js';
import { html } from '../lib/html.js';
import { LightBadge } from './light-badge.js';
import { ListOrNote } from './list-or-note.js';
import { StatusTag } from './status-tag.js';

export function TaskBriefList({ title, result, empty, moreHref }) {
  return html`<section class="card">
    <h2>${title}${result.total ? html` <span class="count">${result.total}</span>` : null}</h2>
    <${ListOrNote} items=${result.items} class="brief-list" empty=${empty}>
      ${(task) =>
        html`<li>
          <${LightBadge} task=${task} />
          <a href=${`#/tasks/${task.id}`}>${task.title}</a>
          <span class="muted">
            <${StatusTag} task=${task} /> · 完成时限 ${deadlineText(task)} ${daysLeftText(task)}
          </span>
        </li>`}
    <//>
    ${result.total > result.items.length ? html`<p><a href=${moreHref}>查看全部 ${result.total} 项</a></p>` : null}
  </section>`;
}
