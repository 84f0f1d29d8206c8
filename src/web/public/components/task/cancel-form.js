// 撤销任务 (allowedActions cancel): ends the task without completing it; the reason goes into the record.
import { api } from '../../lib/api.js';
import { html } from '../../lib/html.js';
import { attempt } from '../../lib/messages.js';
import { Field } from '../field.js';
import { Fold } from '../fold.js';

export function CancelForm({ task, onDone }) {
  const submit = async (event) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason')).trim();
    const updated = await attempt(
      () => api('POST', `/tasks/${task.id}/cancel`, { body: { reason } }),
      '任务已撤销',
    );
    if (updated) onDone(updated);
  };
  return html`<${Fold} title="撤销任务" tone="danger-zone"
    ><form onSubmit=${submit}>
      <p class="muted">撤销后任务不再跟踪，也不计入完成率。</p>
      <${Field} label="撤销理由"><textarea name="reason" required maxlength="2000"></textarea><//>
      <p><button type="submit" class="danger">撤销任务</button></p>
    </form><//
  >`;
}
