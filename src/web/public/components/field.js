// A labelled form control: the label names the control it wraps (getByLabel, screen readers).
import { cloneElement, toChildArray } from 'preact';
import { useId } from 'preact/hooks';
import { html } from '../lib/html.js';

export function Field({ label, hint, wide, children }) {
  const id = useId();
  const [control] = toChildArray(children);
  return html`<div class=${wide ? 'field wide' : 'field'}>
    <label for=${id}>${label}</label>
    ${cloneElement(control, { id })} ${hint ? html`<p class="hint">${hint}</p>` : null}
  </div>`;
}
