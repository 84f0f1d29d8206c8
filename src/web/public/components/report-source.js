// The report's normalized text with every extracted item marked (<mark id="src-…">), so a card can point at it.
import { h } from 'preact';
import { html } from '../lib/html.js';

export function ReportSource({ text, items, activeId }) {
  const parts = [];
  let cursor = 0;
  const spans = items.filter((item) => Number.isInteger(item.start)).sort((a, b) => a.start - b.start);
  for (const item of spans) {
    if (item.start < cursor) continue;
    parts.push(text.slice(cursor, item.start));
    const mark = { id: `src-${item.id}`, class: item.id === activeId ? 'active' : undefined };
    parts.push(h('mark', mark, text.slice(item.start, item.end)));
    cursor = item.end;
  }
  parts.push(text.slice(cursor));
  return html`<div class="card source" tabindex="0" aria-label="报告原文">${parts}</div>`;
}
