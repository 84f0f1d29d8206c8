// The task at a glance: item type, status, light, progress, deadline and who is responsible.
import { unitName, userName } from '../../lib/directory.js';
import { deadlineText, daysLeftText } from '../../lib/format.js';
import { html } from '../../lib/html.js';
import { Fact } from '../fact.js';
import { ItemTypeTag } from '../item-type-tag.js';
import { LightBadge } from '../light-badge.js';
import { StatusTag } from '../status-tag.js';

export function TaskFacts({ task, directory }) {
  const source = (task.headingPath || []).join(' › ');
  return html`<section class="card facts" aria-label="任务概况">
    <dl>
      <${Fact} term="事项类型"><${ItemTypeTag} task=${task} /><//>
      <${Fact} term="状态"><${StatusTag} task=${task} /><//>
      <${Fact} term="红黄绿灯"><${LightBadge} task=${task} /><//>
      <${Fact} term="进度">
        <span class="progress" aria-hidden="true"><span style=${`width:${task.progress}%`}></span></span>
        ${task.progress}%
      <//>
      <${Fact} term="完成时限">
        ${deadlineText(task)}
        ${daysLeftText(task) ? html` <span class=${task.overdue ? 'late' : 'muted'}>（${daysLeftText(task)}）</span>` : null}
      <//>
      <${Fact} term="责任领导">${userName(directory, task.leaderId)}<//>
      <${Fact} term="责任单位">${unitName(directory, task.unitId)}<//>
      <${Fact} term="责任人">${userName(directory, task.assigneeId)}<//>
      ${task.planYear ? html`<${Fact} term="年度">${task.planYear} 年<//>` : null}
      ${source ? html`<${Fact} term="报告位置" wide>${source}<//>` : null}
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
