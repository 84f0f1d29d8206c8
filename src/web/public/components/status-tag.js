// The status of a task, with 延期待批 beside it while an extension request waits (a flag, not a status).
import { html } from '../lib/html.js';

export function StatusTag({ task }) {
  return html`<span class=${`status ${task.status}`}>${task.statusLabel}</span>${
      task.extensionPending ? html` <span class="flag">延期待批</span>` : null
    }`;
}
