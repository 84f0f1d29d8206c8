// The 整改台账 as offices keep it: one numbered group per 整改问题 with the measures that answer it (rowspan for
// 序号 and 问题); styles.css makes each group one card on phones. Data: GET /tasks/ledger (groups).
import { unitName, userName } from '../lib/directory.js';
import { daysLeftText, deadlineText } from '../lib/format.js';
import { html } from '../lib/html.js';
import { ItemTypeTag } from './item-type-tag.js';
import { LightBadge } from './light-badge.js';
import { StatusTag } from './status-tag.js';

const COLUMNS = ['序号', '问题', '整改措施', '责任领导', '责任单位', '责任人', '完成时限', '进展', '灯'];

export function LedgerTable({ groups, directory }) {
  return html`<div class="table-wrap">
    <table class="grid-table ledger grouped">
      <thead>
        <tr>
          ${COLUMNS.map((name) => html`<th scope="col" class=${name === '序号' ? 'num' : undefined}>${name}</th>`)}
        </tr>
      </thead>
      ${
        groups.length
          ? groups.map(
              (group) => html`<${LedgerGroup} key=${group.seq} group=${group} directory=${directory} />`,
            )
          : html`<tbody>
              <tr class="empty">
                <td colspan=${COLUMNS.length}>没有符合条件的任务</td>
              </tr>
            </tbody>`
      }
    </table>
  </div>`;
}

function LedgerGroup({ group, directory }) {
  // A problem without measures (in this view) is its own line; otherwise one line per measure.
  const lines = group.measures.length ? group.measures : [group.problem];
  return html`<tbody class="group">
    ${lines.map(
      (task, index) =>
        html`<tr key=${task.id}>
          ${index === 0 ? html`<${GroupCells} group=${group} rows=${lines.length} />` : null}
          <td class="title-cell measure" data-label=${task === group.problem ? undefined : '整改措施'}>
            ${
              task === group.problem
                ? html`<span class="muted">未关联整改措施</span>`
                : html`<a href=${`#/tasks/${task.id}`}>${task.title}</a>
                    ${task.itemType === 'measure' ? null : html`<div><${ItemTypeTag} task=${task} /></div>`}`
            }
          </td>
          <${TaskCells} task=${task} directory=${directory} />
        </tr>`,
    )}
  </tbody>`;
}

function GroupCells({ group, rows }) {
  const problem = group.problem;
  return html`<td class="num seq" rowspan=${rows}>${group.seq}</td>
    <td class="title-cell problem" rowspan=${rows}>
      ${
        group.problemId
          ? html`<a href=${`#/tasks/${group.problemId}`}>${group.problemTitle}</a> ${
                problem && group.measures.length
                  ? html`<div class="problem-state"><${StatusTag} task=${problem} /></div>`
                  : null
              }`
          : html`<span class="muted">—</span>`
      }
    </td>`;
}

function TaskCells({ task, directory }) {
  const left = daysLeftText(task);
  const detail = task.progressText.includes('：') ? task.progressText : '';
  return html`<td data-label="责任领导">${userName(directory, task.leaderId)}</td>
    <td data-label="责任单位">${unitName(directory, task.unitId)}</td>
    <td data-label="责任人">${userName(directory, task.assigneeId)}</td>
    <td data-label="完成时限" class="nowrap">
      ${task.longTerm ? '长期坚持' : deadlineText(task)}
      ${left ? html`<div class=${task.overdue ? 'late' : 'muted'}>${left}</div>` : null}
    </td>
    <td data-label="进展" class="progress-cell">
      <${StatusTag} task=${task} /> <span class="pct">${task.progress}%</span>
      ${detail ? html`<div class="note" title=${detail}>${detail}</div>` : null}
    </td>
    <td data-label="灯"><${LightBadge} task=${task} /></td>`;
}
