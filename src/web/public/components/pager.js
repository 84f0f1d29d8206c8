// 上一页 / 第 n / m 页 / 下一页 for a `{total, page, pageSize}` answer.
import { html } from '../lib/html.js';

export function Pager({ result, hrefFor, noun = '项' }) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const page = result.page;
  return html`<nav class="pager" aria-label="分页">
    ${page > 1 ? html`<a class="button secondary" href=${hrefFor(page - 1)}>上一页</a>` : null}
    <span>第 ${page} / ${pages} 页，共 ${result.total} ${noun}</span>
    ${page < pages ? html`<a class="button secondary" href=${hrefFor(page + 1)}>下一页</a>` : null}
  </nav>`;
}
