// The light of a task with its word (正常 / 临期或滞后 / 逾期 / 已办结), so colour is never the only signal.
import { html } from '../lib/html.js';

export function LightBadge({ task }) {
  return html`<span class=${`light ${task.light}`}>${task.lightLabel}</span>`;
}
