// A <select> over `[{key, label}]`. `value` + `onChange` make it controlled; `initial` only preselects.
import { html } from '../lib/html.js';

export function Select({ options, value, initial, empty, ...rest }) {
  const chosen = value ?? initial ?? '';
  return html`<select value=${value} ...${rest}>
    ${empty === undefined ? null : html`<option value="" selected=${chosen === ''}>${empty}</option>`}
    ${options.map(
      (option) =>
        html`<option value=${option.key} selected=${option.key === chosen}>${option.label}</option>`,
    )}
  </select>`;
}
