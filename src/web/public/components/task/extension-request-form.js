// 申请延期 (allowedActions request_extension): a later deadline and the reason, for the task's leader to decide.
import { api } from '../../lib/api.js';
import { html } from '../../lib/html.js';
import { attempt } from '../../lib/messages.js';
import { Field } from '../field.js';
import { Fold } from '../fold.js';

function dayAfter(date) {
  if (!date) return undefined;
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export function ExtensionRequestForm({ task, onDone }) {
  const submit = async (event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = {
      requestedDeadline: String(data.get('requestedDeadline')),
      reason: String(data.get('reason')).trim(),
    };
    const updated = await attempt(
      () => api('POST', `/tasks/${task.id}/extensions`, { body }),
      '延期申请已提交',
    );
    if (updated) onDone(updated);
  };
  return html`<${Fold} title="申请延期"
    ><form onSubmit=${submit}>
      <div class="form-grid">
        <${Field} label="申请延至"
          ><input name="requestedDeadline" type="date" required min=${dayAfter(task.deadline)}
        /><//>
      </div>
      <${Field} label="延期理由"><textarea name="reason" required maxlength="2000"></textarea><//>
      <p><button type="submit" class="secondary">提交延期申请</button></p>
    </form><//
  >`;
}
