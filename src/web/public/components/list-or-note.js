// A list of entries, or a muted note saying there are none.
import { html } from '../lib/html.js';

/** `<ul class>` of `children(item)` for each item; the `empty` note when there are none. */
export function ListOrNote({ items, class: listClass, empty, children: itemOf }) {
  return items.length
    ? html`<ul class=${listClass}>
        ${items.map((item) => itemOf(item))}
      </ul>`
    : html`<p class="muted">${empty}</p>`;
}
