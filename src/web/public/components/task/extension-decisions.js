// 审批延期 (allowedActions decide_extension): the pending request with 同意 / 不同意.
import { api } from '../../lib/api.js';
import { userName } from '../../lib/directory.js';
import { html } from '../../lib/html.js';
import { attempt } from '../../lib/messages.js';
import { Field } from '../field.js';

export function ExtensionDecisions({ task, directory, onDone }) {
  const pending = (task.extensionRequests || []).filter((request) => request.status === 'pending');
  const decide = (request, decision) => async (event) => {
    const comment = String(new FormData(event.currentTarget.form).get('comment')).trim();
    const updated = await attempt(
      () =>
        api('POST', `/tasks/${task.id}/extensions/${request.id}/decision`, {
          body: { decision, comment: comment || undefined },
        }),
      decision === 'approve' ? '已同意延期，完成时限已调整' : '已不同意延期',
    );
    if (updated) onDone(updated);
  };
  return html`<section class="card action" aria-labelledby="decide-title">
    <h2 id="decide-title">审批延期</h2>
    ${pending.map(
      (request) =>
        html`<form onSubmit=${(e) => e.preventDefault()}>
          <p>
            ${userName(directory, request.requestedBy)} 申请将完成时限由 ${request.currentDeadline || '未定'}
            延至
            <strong>${request.requestedDeadline}</strong>。
          </p>
          <p class="quote">理由：${request.reason}</p>
          <${Field} label="审批意见"><textarea name="comment" maxlength="2000"></textarea><//>
          <p class="buttons">
            <button type="button" onClick=${decide(request, 'approve')}>同意延期</button>
            <button type="button" class="secondary" onClick=${decide(request, 'refuse')}>不同意</button>
          </p>
        </form>`,
    )}
  </section>`;
}
