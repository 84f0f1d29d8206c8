// 整改问题 / 整改措施 / 工作计划 / 长期坚持.
import { html } from '../lib/html.js';

export function ItemTypeTag({ task }) {
  return html`<span class=${`type ${task.itemType}`}>${task.itemTypeLabel}</span>`;
}
