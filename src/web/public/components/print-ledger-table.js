// The printed 台账's table: the columns (the server's, as in the Excel export) and merged 序号/问题 cells, for paper.
import { unitName, userName } from '../lib/directory.js';
import { html } from '../lib/html.js';
import { words } from '../lib/vocabulary.js';

function lightText(task) {
  const light = words('lights').find((entry) => entry.key === task.light);
  return light ? html`${light.color}灯<br />${light.label}` : task.lightLabel;
}

export function PrintLedgerTable({ groups, directory }) {
  const person = (id) => (id ? userName(directory, id) : '');
  return html`<table class="print-ledger">
    <colgroup>
      ${[4, 16, 19, 6, 8, 6, 7, 15, 12, 7].map((width) => html`<col style=${`width: ${width}%`} />`)}
    </colgroup>
    <thead>
      <tr>
        ${words('ledgerColumns').map((column) => html`<th scope="col">${column.label}</th>`)}
      </tr>
    </thead>
    ${groups.map((group) => {
      const lines = group.measures.length ? group.measures : [group.problem];
      return html`<tbody key=${group.seq}>
        ${lines.map(
          (task, index) =>
            html`<tr>
              ${
                index === 0
                  ? html`<td class="center" rowspan=${lines.length}>${group.seq}</td>
                      <td rowspan=${lines.length}>${group.problemTitle ?? ''}</td>`
                  : null
              }
              <td>${task === group.problem ? '' : task.title}</td>
              <td class="center">${person(task.leaderId)}</td>
              <td>${task.unitId ? unitName(directory, task.unitId) : ''}</td>
              <td class="center">${person(task.assigneeId)}</td>
              <td class="center">${task.longTerm ? '长期坚持' : (task.deadline ?? '')}</td>
              <td>${task.progressText}</td>
              <td>${task.outcome ?? ''}</td>
              <td class=${`center light-cell ${task.light}`}>${lightText(task)}</td>
            </tr>`,
        )}
      </tbody>`;
    })}
  </table>`;
}
