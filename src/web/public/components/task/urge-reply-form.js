// 办理情况: the township answers the 催办 or 县级督办 waiting on it; the answer is in the history the county reads.
import { api } from '../../lib/api.js';
import { html } from '../../lib/html.js';
import { attempt } from '../../lib/messages.js';
import { Field } from '../field.js';
import { Fold } from '../fold.js';

/**
 * The press waiting on `userId`: the latest 催办 or 县级督办 since the last answer that someone else made (an answer
 * settles every press before it, as the inbox counts them). A leader who 催办s after the county's 督办 still answers
 * the 督办.
 */
export function pressAwaiting(task, userId) {
  const history = task.history || [];
  const unanswered = history.slice(history.findLastIndex((row) => row.action === 'urge_replied') + 1);
  return unanswered
    .reverse()
    .find((row) => ['urged', 'supervised'].includes(row.action) && row.actorId !== userId);
}

export function UrgeReplyForm({ task, urge, onDone }) {
  const submit = async (event) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('text')).trim();
    const updated = await attempt(
      () => api('POST', `/tasks/${task.id}/urge/${urge.id}/reply`, { body: { text } }),
      '办理情况已答复',
    );
    if (updated) onDone(updated);
  };
  const word = urge.action === 'supervised' ? '县级督办' : '催办';
  return html`<${Fold} title=${`答复${word}`}
    ><form onSubmit=${submit}>
      ${urge.note ? html`<p class="quote">${word}要求：${urge.note}</p>` : null}
      <${Field} label="办理情况"><textarea name="text" required maxlength="2000"></textarea><//>
      <p><button type="submit" class="secondary">提交办理情况</button></p>
    </form><//
  >`;
}
