// A short list of tasks on the dashboard: light, title, status and deadline on one line each.
import { deadlineText, daysLeftText } from '../lib/format.js';
import { html } from '../lib/html.js';
import { LightBadge } from './light-badge.js';
import { StatusTag } from './status-tag.js';

export function TaskBriefList({ title, result, empty, moreHref }) {
  return html`<section class="card">
    <h2>${title}${result.total ? html` <span class="count">${result.total}</span>` : null}</h2>
    ${
      result.items.length
        ? html`<ul class="brief-list">
            ${result.items.map(
              (task) =>
                html`<li>
                  <${LightBadge} task=${task} />
                  <a href=${`#/tasks/${task.id}`}>${task.title}</a>
                  <span class="muted">
                    <${StatusTag} task=${task} /> · 完成时限 ${deadlineText(task)} ${daysLeftText(task)}
                  </span>
                </li>`,
            )}
          </ul>`
        : html`<p class="muted">${empty}</p>`
    }
    ${result.total > result.items.length ? html`<p><a href=${moreHref}>查看全部 ${result.total} 项</a></p>` : null}
  </section>`;
}
