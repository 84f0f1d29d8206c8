// The administrators' tables of records (users, units): the record's name heads its row, then its columns and its
// 操作 (RecordActions); on phones the `stack` table shows each row as a card whose cells carry their column's name.
import { html } from '../lib/html.js';
import { RecordActions } from './record-actions.js';

/** A record is on until an administrator switches it off. */
const isActive = (record) => record.active !== false;

/** The 状态 column, placed among a page's columns where that page shows it. */
export const STATUS_COLUMN = { heading: '状态', cell: (record) => (isActive(record) ? '启用' : '停用') };

/**
 * `columns`: `{ heading, cell(record) }` in order, the first naming the record; `actions(record)`: RecordActions'
 * `openText`, `openLabel`, `onOpen` and `path` for that record.
 */
export function RecordTable({ records, columns, actions, onChanged }) {
  const [name, ...details] = columns;
  return html`<div class="table-wrap">
    <table class="grid-table stack">
      <thead>
        <tr>
          ${columns.map((column) => html`<th scope="col">${column.heading}</th>`)}
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        ${records.map(
          (record) =>
            html`<tr key=${record.id}>
              <th scope="row">${name.cell(record)}</th>
              ${details.map((column) => html`<td data-label=${column.heading}>${column.cell(record)}</td>`)}
              <td data-label="操作">
                <${RecordActions} ...${actions(record)} active=${isActive(record)} onChanged=${onChanged} />
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
