// The ledger rows: a table on wide screens, one card per task on phones (styles.css turns rows into cards).
import { unitName, userName } from '../lib/directory.js';
import { deadlineText, daysLeftText } from '../lib/format.js';
import { html } from '../lib/html.js';
import { ItemTypeTag } from './item-type-tag.js';
import { LightBadge } from './light-badge.js';
import { StatusTag } from './status-tag.js';

export function TaskTable({ tasks, directory, firstNumber }) {
  return html`<div class="table-wrap">
    <table class="grid-table ledger">
      <thead>
        <tr>
          <th scope="col" class="num">序号</th>
          <th scope="col">事项</th>
          <th scope="col">红黄绿灯</th>
          <th scope="col">状态</th>
          <th scope="col">责任单位</th>
          <th scope="col">责任人</th>
          <th scope="col">完成时限</th>
          <th scope="col" class="num">进度</th>
        </tr>
      </thead>
      <tbody>
        ${
          tasks.length
            ? tasks.map(
                (task, index) =>
                  html`<tr>
                    <td class="num seq" data-label="序号">${firstNumber + index}</td>
                    <td class="title-cell">
                      <a href=${`#/tasks/${task.id}`}>${task.title}</a>
                      <div class="muted"><${ItemTypeTag} task=${task} /></div>
                    </td>
                    <td data-label="红黄绿灯"><${LightBadge} task=${task} /></td>
                    <td data-label="状态"><${StatusTag} task=${task} /></td>
                    <td data-label="责任单位">${unitName(directory, task.unitId)}</td>
                    <td data-label="责任人">${userName(directory, task.assigneeId)}</td>
                    <td data-label="完成时限" class="nowrap">
                      ${deadlineText(task)}
                      ${daysLeftText(task) ? html`<div class=${task.overdue ? 'late' : 'muted'}>${daysLeftText(task)}</div>` : null}
                    </td>
                    <td data-label="进度" class="num">${task.progress}%</td>
                  </tr>`,
              )
            : html`<tr class="empty">
                <td colspan="8">没有符合条件的任务</td>
              </tr>`
        }
      </tbody>
    </table>
  </div>`;
}
