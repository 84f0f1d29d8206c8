// 核验销号 (allowedActions review): the 整改成效 and the evidence in view; approve closes the task (a 长期坚持 task
// stays open, due again), sending back needs a reason, which reaches the assignee.
import { api } from '../../lib/api.js';
import { html } from '../../lib/html.js';
import { attempt, say } from '../../lib/messages.js';
import { Field } from '../field.js';

export function ReviewForm({ task, onDone }) {
  const recurring = task.longTerm && task.evidenceInterval;
  const decide = (decision) => async (event) => {
    const comment = String(new FormData(event.currentTarget.form).get('comment')).trim();
    if (decision === 'reject' && !comment) return say('退回整改须填写退回理由', true);
    const updated = await attempt(
      () => api('POST', `/tasks/${task.id}/review`, { body: { decision, comment: comment || undefined } }),
      decision === 'approve' ? (recurring ? '佐证已核验，任务继续' : '已核验销号') : '已退回整改',
    );
    if (updated) onDone(updated);
  };
  const latest = [...(task.updates || [])].reverse().find((update) => update.statusTo === 'pending_review');
  return html`<form class="card action" aria-labelledby="review-title" onSubmit=${(e) => e.preventDefault()}>
    <h2 id="review-title">核验销号</h2>
    <h3>整改成效</h3>
    <p class="quote outcome">${task.outcome || '（未填写）'}</p>
    ${latest?.note ? html`<p class="muted">申请说明：${latest.note}</p>` : null}
    <p class="muted">
      完成时限 ${task.deadline || '未定'} · 佐证材料 ${task.evidence?.length || 0} 份（在「佐证材料」中预览）
    </p>
    <${Field} label="核验意见"><textarea name="comment" maxlength="2000"></textarea><//>
    <p class="muted">退回整改时须填写理由，理由将告知责任人。</p>
    <p class="buttons">
      <button type="button" onClick=${decide('approve')}>
        ${recurring ? '佐证属实，继续坚持' : '核验通过'}
      </button>
      <button type="button" class="secondary" onClick=${decide('reject')}>退回整改</button>
    </p>
  </form>`;
}
