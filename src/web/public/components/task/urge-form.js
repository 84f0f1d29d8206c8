// 催办 (allowedActions urge): a leader presses the unit; from an organization above it is a 县级督办. Once a day.
import { api, session } from '../../lib/api.js';
import { html } from '../../lib/html.js';
import { attempt } from '../../lib/messages.js';
import { Field } from '../field.js';
import { Fold } from '../fold.js';

export function UrgeForm({ task, onDone }) {
  const supervise = session()?.user?.organizationId !== task.organizationId;
  const word = supervise ? '督办' : '催办';
  const submit = async (event) => {
    event.preventDefault();
    const message = String(new FormData(event.currentTarget).get('message')).trim();
    const updated = await attempt(
      () => api('POST', `/tasks/${task.id}/urge`, { body: { message: message || undefined } }),
      `已${word}，通知已发送给责任人${supervise ? '和责任领导' : ''}`,
    );
    if (updated) onDone(updated);
  };
  return html`<${Fold} title=${supervise ? '县级督办' : '催办'}
    ><form onSubmit=${submit}>
      <p class="muted">
        通知责任人（未指定时为责任单位工作人员）${supervise ? '和责任领导' : ''}，每个任务每天可${word}一次。
      </p>
      <${Field} label="${word}要求（可选）"><textarea name="message" maxlength="500"></textarea><//>
      <p><button type="submit">${word}</button></p>
    </form><//
  >`;
}
