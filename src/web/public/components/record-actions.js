// The 操作 of a row in the administrators' tables (users, units): open the record's editor, which those pages show
// above the table, and switch the record on or off (PATCH `active` at `path`).
import { api } from '../lib/api.js';
import { html } from '../lib/html.js';
import { attempt } from '../lib/messages.js';

export function RecordActions({ openText, openLabel, onOpen, path, active, onChanged }) {
  const open = () => {
    onOpen();
    window.scrollTo(0, 0);
  };
  const toggle = async () => {
    const body = { active: !active };
    if (await attempt(() => api('PATCH', path, { body }), body.active ? '已启用' : '已停用')) onChanged();
  };
  return html`<span class="buttons">
    <button type="button" class="secondary small" aria-label=${openLabel} onClick=${open}>${openText}</button>
    <button type="button" class="secondary small" onClick=${toggle}>${active ? '停用' : '启用'}</button>
  </span>`;
}
