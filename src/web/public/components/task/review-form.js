// 核验销号 (allowedActions review): approve closes the task (a 长期坚持 task stays open, due again), reject sends it back.
import { api } from '../../lib/api.js';
import { html } from '../../lib/html.js';
import { attempt } from '../../lib/messages.js';
import { Field } from '../field.js';

export function ReviewForm({ task, onDone }) {
  const recurring = task.longTerm && task.evidenceInterval;
  const decide = (decision) => async (event) => {
    const comment = String(new FormData(event.currentTarget.form).get('comment')).trim();
    const updated = await attempt(
      () => api('POST', `/tasks/${task.id}/review`, { body: { decision, comment: comment || undefined } }),
      decision === 'approve' ? (recurring ? '佐证已核验，任务继续' : '已核验销号') : '已退回整改',
    );
    if (updated) onDone(updated);
  };
  return html`<form class="card action" aria-labelledby="review-title" onSubmit=${(e) => e.preventDefault()}>
    <h2 id="review-title">核验销号</h2>
    <p class="muted">核对整改成效和佐证材料后作出决定。</p>
    <${Field} label="核验意见"><textarea name="comment" maxlength="2000"></textarea><//>
    <p class="buttons">
      <button type="button" onClick=${decide('approve')}>
        ${recurring ? '佐证属实，继续坚持' : '通过，销号'}
      </button>
      <button type="button" class="secondary" onClick=${decide('reject')}>退回整改</button>
    </p>
  </form>`;
}
