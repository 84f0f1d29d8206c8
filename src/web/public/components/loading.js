// What a page shows before its data arrives, or when it could not be loaded.
import { html } from '../lib/html.js';
import { chineseMessage } from '../lib/messages.js';

export function Loading() {
  return html`<p class="muted" role="status">正在加载…</p>`;
}

export function LoadError({ error, title = '加载失败' }) {
  return html`<section class="card">
    <h1>${title}</h1>
    <p>${chineseMessage(error, '页面加载失败，请稍后再试')}</p>
    <p><a href="#/">返回工作台</a></p>
  </section>`;
}

/** Renders `children(data)` once loaded, else the loading line or the error. */
export function Loaded({ state, children }) {
  if (state.data !== undefined) return children(state.data);
  return state.error ? html`<${LoadError} error=${state.error} />` : html`<${Loading} />`;
}
