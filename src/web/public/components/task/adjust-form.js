// 调整任务 (allowedActions edit, reassign, change_deadline): only the fields the caller may change are shown.
import { useState } from 'preact/hooks';
import { api } from '../../lib/api.js';
import { unitOptions, userOptions } from '../../lib/directory.js';
import { html } from '../../lib/html.js';
import { attempt, say } from '../../lib/messages.js';
import { Field } from '../field.js';
import { Fold } from '../fold.js';
import { Select } from '../select.js';

/** People who may carry out a task of `unitId`: its staff and leaders (any staff or leader while no unit is set). */
function assigneeOptions(directory, unitId) {
  const people = directory.users.filter(
    (user) =>
      user.active !== false && ['staff', 'leader'].includes(user.role) && (!unitId || user.unitId === unitId),
  );
  return people.map(({ id, displayName }) => ({ key: id, label: displayName }));
}

export function AdjustForm({ task, allowed, directory, onDone }) {
  const [unitId, setUnitId] = useState(task.unitId || '');
  const submit = async (event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = { version: task.version };
    for (const key of ['title', 'leaderId', 'unitId', 'assigneeId', 'deadline']) {
      const value = data.has(key) ? String(data.get(key)).trim() : '';
      if (value && value !== (task[key] || '')) body[key] = value;
    }
    if (Object.keys(body).length === 1) return say('没有需要保存的修改');
    const reason = String(data.get('reason') || '').trim();
    if (body.deadline && !reason) return say('调整完成时限须说明理由', true);
    if (reason) body.reason = reason;
    const updated = await attempt(() => api('PATCH', `/tasks/${task.id}`, { body }), '任务已调整');
    if (updated) onDone(updated);
  };
  return html`<${Fold} title="调整任务"
    ><form onSubmit=${submit}>
      ${
        allowed.has('edit')
          ? html`<${Field} label="事项名称"
              ><input name="title" required maxlength="500" defaultValue=${task.title}
            /><//>`
          : null
      }
      <div class="form-grid">
        ${
          allowed.has('reassign')
            ? html`
                <${Field} label="责任领导">
                  <${Select}
                    name="leaderId"
                    options=${userOptions(directory, ['leader', 'admin'])}
                    initial=${task.leaderId || ''}
                    empty="未指定"
                  />
                <//>
                <${Field} label="责任单位">
                  <${Select}
                    name="unitId"
                    options=${unitOptions(directory)}
                    value=${unitId}
                    empty="未指定"
                    onChange=${(e) => setUnitId(e.currentTarget.value)}
                  />
                <//>
                <${Field} label="责任人">
                  <${Select}
                    name="assigneeId"
                    options=${assigneeOptions(directory, unitId)}
                    initial=${task.assigneeId || ''}
                    empty="未指定"
                  />
                <//>
              `
            : null
        }
        ${
          allowed.has('change_deadline')
            ? html`<${Field} label="完成时限"
                ><input name="deadline" type="date" defaultValue=${task.deadline || ''}
              /><//>`
            : null
        }
      </div>
      <${Field} label="调整理由（调整完成时限时必填，记入办理记录）">
        <textarea name="reason" maxlength="2000"></textarea>
      <//>
      <p><button type="submit" class="secondary">保存调整</button></p>
    </form><//
  >`;
}
