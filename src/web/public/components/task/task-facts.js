// The task at a glance: item type, status, light, progress, deadline and who is responsible.
import { unitName, userName } from '../../lib/directory.js';
import { deadlineText, daysLeftText } from '../../lib/format.js';
import { html } from '../../lib/html.js';
import { ItemTypeTag } from '../item-type-tag.js';
import { LightBadge } from '../light-badge.js';
import { StatusTag } from '../status-tag.js';

export function TaskFacts({ task, directory }) {
  const source = (task.headingPath || []).join(' › ');
  return html`<section class="card facts" aria-label="任务概况">
    <dl>
      <div>
        <dt>事项类型</dt>
        <dd><${ItemTypeTag} task=${task} /></dd>
      </div>
      <div>
        <dt>状态</dt>
        <dd><${StatusTag} task=${task} /></dd>
      </div>
      <div>
        <dt>红黄绿灯</dt>
        <dd><${LightBadge} task=${task} /></dd>
      </div>
      <div>
        <dt>进度</dt>
        <dd>
          <span class="progress" aria-hidden="true"><span style=${`width:${task.progress}%`}></span></span>
          ${task.progress}%
        </dd>
      </div>
      <div>
        <dt>完成时限</dt>
        <dd>
          ${deadlineText(task)}
          ${daysLeftText(task) ? html` <span class=${task.overdue ? 'late' : 'muted'}>（${daysLeftText(task)}）</span>` : null}
        </dd>
      </div>
      <div>
        <dt>责任领导</dt>
        <dd>${userName(directory, task.leaderId)}</dd>
      </div>
      <div>
        <dt>责任单位</dt>
        <dd>${unitName(directory, task.unitId)}</dd>
      </div>
      <div>
        <dt>责任人</dt>
        <dd>${userName(directory, task.assigneeId)}</dd>
      </div>
      ${
        task.planYear
          ? html`<div>
              <dt>年度</dt>
              <dd>${task.planYear} 年</dd>
            </div>`
          : null
      }
      ${
        source
          ? html`<div class="wide">
              <dt>报告位置</dt>
              <dd>${source}</dd>
            </div>`
          : null
      }
    </dl>
    <h2>报告原文</h2>
    <blockquote class="source-quote">${task.sourceText || '（无）'}</blockquote>
    ${
      task.outcome
        ? html`<h2>整改成效</h2>
            <p id="task-outcome">${task.outcome}</p>`
        : null
    }
  </section>`;
}
