// 年度结转: the year's unfinished tasks; a leader gives each a 未完成原因, the next step and a deadline next year.
import { api } from '../lib/api.js';
import { html } from '../lib/html.js';
import { attempt } from '../lib/messages.js';
import { useLoad } from '../lib/use-load.js';
import { Field } from './field.js';
import { Fold } from './fold.js';
import { ListOrNote } from './list-or-note.js';
import { Loaded } from './loading.js';

export function CarryOverList({ year, onDone }) {
  const state = useLoad(() => api('GET', `/reports/drafts/${year}/carry-over`), [year]);
  return html`<${Fold} title=${`年度结转：${year}年未完成事项转入${year + 1}年`}>
    <${Loaded} state=${state}>
      ${(tasks) =>
        html`<${ListOrNote} items=${tasks} class="carry-over-list" empty=${`${year}年没有未完成的事项。`}>
          ${(task) =>
            html`<li key=${task.id}>
              <${CarryOverForm}
                task=${task}
                year=${year}
                onDone=${async () => {
                  // The stored draft is rebuilt by a worker after a short delay; rebuild now to show it at once.
                  await api('POST', `/reports/drafts/${year}/rebuild`).catch(() => null);
                  state.reload();
                  onDone();
                }}
              />
            </li>`}
        <//>`}
    <//>
  <//>`;
}

function CarryOverForm({ task, year, onDone }) {
  const submit = async (event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = {
      reason: String(data.get('reason')).trim(),
      nextStep: String(data.get('nextStep')).trim(),
      deadline: String(data.get('deadline')),
    };
    const done = await attempt(
      () => api('POST', `/tasks/${task.id}/carry-over`, { body }),
      '已结转到下一年度',
    );
    if (done) onDone();
  };
  return html`<form onSubmit=${submit} aria-label=${`结转：${task.title}`}>
    <p>
      <a href=${`#/tasks/${task.id}`}>${task.title}</a>
      <span class="muted"> · 原定 ${task.deadline || '无期限'}</span>
      ${task.carriedIntoYear ? html`<strong> · 已结转，新时限 ${task.carriedDeadline}</strong>` : null}
    </p>
    <div class="form-grid">
      <${Field} label="未完成原因"
        ><input name="reason" required maxlength="2000" defaultValue=${task.reason || ''}
      /><//>
      <${Field} label="下一步措施"
        ><input name="nextStep" maxlength="2000" defaultValue=${task.nextStep || ''}
      /><//>
      <${Field} label="新的完成时限"
        ><input
          name="deadline"
          type="date"
          required
          min=${`${year + 1}-01-01`}
          max=${`${year + 1}-12-31`}
          defaultValue=${task.carriedDeadline || `${year + 1}-06-30`}
      /><//>
    </div>
    <p><button type="submit" class="secondary">${task.carriedIntoYear ? '修改结转' : '结转'}</button></p>
  </form>`;
}
