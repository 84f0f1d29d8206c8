// One term and its value in a `.facts` list (<dl>); `wide` lets a long value take the whole row.
import { html } from '../lib/html.js';

export function Fact({ term, wide, children }) {
  return html`<div class=${wide ? 'wide' : undefined}>
    <dt>${term}</dt>
    <dd>${children}</dd>
  </div>`;
}
