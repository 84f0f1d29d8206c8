// Any hash path without a page.
import { html } from '../lib/html.js';

export function NotFoundPage() {
  return html`<section class="card">
    <h1>页面不存在</h1>
    <p><a href="#/">返回工作台</a></p>
  </section>`;
}
