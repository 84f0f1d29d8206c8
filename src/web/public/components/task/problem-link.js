// 所回应的问题: the 整改问题 a measure answers (tasks.problemTaskId), which groups it in the 台账; a leader or
// administrator may change it here (PATCH /tasks/:id {problemTaskId}). Problems themselves answer none.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../lib/api.js';
import { html } from '../../lib/html.js';
import { attempt } from '../../lib/messages.js';
import { hrefWith } from '../../lib/router.js';
import { Field } from '../field.js';
import { Select } from '../select.js';

export function ProblemLink({ task, allowed, onDone }) {
  const [problems, setProblems] = useState(null);
  const [title, setTitle] = useState(null);
  useEffect(() => {
    if (task.problemTaskId)
      api('GET', `/tasks/${task.problemTaskId}`).then(
        (problem) => setTitle(problem.title),
        () => setTitle(''),
      );
  }, [task.problemTaskId]);
  if (task.itemType === 'problem') return null;
  const mayChange = allowed.has('reassign');
  const choose = async () => {
    const path = hrefWith('/tasks', { itemType: 'problem', year: task.planYear, pageSize: 100 }).slice(1);
    const found = await attempt(() => api('GET', path));
    if (found) setProblems(found.items.map((problem) => ({ key: problem.id, label: problem.title })));
  };
  const save = async (event) => {
    event.preventDefault();
    const problemTaskId = String(new FormData(event.currentTarget).get('problemTaskId') || '') || null;
    const body = { version: task.version, problemTaskId };
    if (await attempt(() => api('PATCH', `/tasks/${task.id}`, { body }), '已保存所回应的问题')) onDone();
  };
  return html`<section class="card problem-link" aria-labelledby="problem-link-title">
    <h2 id="problem-link-title">所回应的问题</h2>
    ${
      task.problemTaskId
        ? html`<p><a href=${`#/tasks/${task.problemTaskId}`}>${title || '整改问题'}</a></p>`
        : html`<p class="muted">未关联整改问题，台账中单独列为一个序号。</p>`
    }
    ${
      !mayChange
        ? null
        : problems
          ? html`<form onSubmit=${save}>
              <${Field} label="整改问题"
                ><${Select}
                  name="problemTaskId"
                  options=${problems}
                  initial=${task.problemTaskId || ''}
                  empty="（不关联）"
              /><//>
              <button type="submit">保存</button>
            </form>`
          : html`<button type="button" class="secondary" onClick=${choose}>
              ${task.problemTaskId ? '改为其他问题' : '关联整改问题'}
            </button>`
    }
  </section>`;
}
