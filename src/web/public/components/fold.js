// A titled card that starts folded: the less frequent actions stay one click away without crowding the page.
import { html } from '../lib/html.js';

export function Fold({ title, tone, children }) {
  return html`<details class=${`card fold ${tone || ''}`}>
    <summary><h2>${title}</h2></summary>
    ${children}
  </details>`;
}
