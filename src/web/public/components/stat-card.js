// One count on the dashboard, optionally a link to the ledger filtered to it.
import { html } from '../lib/html.js';

export function StatCard({ title, value, tone, href }) {
  const body = html`<span class="stat-title">${title}</span><span class="stat-value">${value}</span>`;
  const className = `stat-card ${tone || ''}`;
  return href
    ? html`<a class=${className} href=${href}>${body}</a>`
    : html`<div class=${className}>${body}</div>`;
}
