// 佐证材料 attached to the task.
import { dateTime } from '../../lib/format.js';
import { html } from '../../lib/html.js';

export function EvidenceList({ evidence }) {
  return html`<section class="card" aria-labelledby="evidence-list-title">
    <h2 id="evidence-list-title">佐证材料</h2>
    <ul class="plain-list">
      ${evidence.map(
        (file) =>
          html`<li>
            ${file.fileName}
            <span class="muted">
              · ${Math.max(1, Math.ceil(file.sizeBytes / 1024))} KB · ${dateTime(file.createdAt)}</span
            >
          </li>`,
      )}
    </ul>
  </section>`;
}
