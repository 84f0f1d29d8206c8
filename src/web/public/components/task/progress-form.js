// 报送进展 / 申请销号 (allowedActions update, submit_for_review), with an optional 佐证材料 file (upload_evidence).
import { useState } from 'preact/hooks';
import { api } from '../../lib/api.js';
import { html } from '../../lib/html.js';
import { attempt, say } from '../../lib/messages.js';
import { organizationToday } from '../../lib/vocabulary.js';
import { Field } from '../field.js';
import { Select } from '../select.js';

const KINDS = [
  { action: 'update', key: 'in_progress', label: '继续整改，报送进展' },
  { action: 'submit_for_review', key: 'pending_review', label: '整改完成，申请销号' },
];

/** Uploads the chosen file first; resolves to its id, null without a file, undefined when the upload failed. */
async function uploadEvidence(taskId, input) {
  const file = input?.files?.[0];
  if (!file) return null;
  const data = new FormData();
  data.append('file', file);
  const uploaded = await attempt(() => api('POST', `/tasks/${taskId}/evidence`, { form: data }));
  return uploaded ? uploaded.id : undefined;
}

export function ProgressForm({ task, allowed, onDone }) {
  const kinds = KINDS.filter((kind) => allowed.has(kind.action));
  const [status, setStatus] = useState(kinds[0].key);
  const submitting = status === 'pending_review';
  const today = organizationToday();
  const submit = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = { status, progress: Number(data.get('progress')), note: String(data.get('note')).trim() };
    const outcome = String(data.get('outcome') ?? '').trim();
    if (outcome) body.outcome = outcome;
    if (submitting && !outcome) return say('申请销号须填写整改成效', true);
    if (submitting && data.get('completedOn')) body.completedOn = String(data.get('completedOn'));
    const evidenceId = await uploadEvidence(task.id, form.elements.namedItem('evidence'));
    if (evidenceId === undefined) return;
    if (evidenceId) body.evidenceIds = [evidenceId];
    const updated = await attempt(
      () => api('POST', `/tasks/${task.id}/updates`, { body }),
      submitting ? '已申请销号，等待核验' : '进展已报送',
    );
    if (updated) onDone(updated);
  };
  return html`<form class="card" aria-labelledby="progress-title" onSubmit=${submit}>
    <h2 id="progress-title">报送进展</h2>
    <div class="form-grid">
      ${
        kinds.length > 1
          ? html`<${Field} label="本次报送">
              <${Select}
                name="kind"
                options=${kinds}
                value=${status}
                onChange=${(e) => setStatus(e.currentTarget.value)}
              />
            <//>`
          : null
      }
      <${Field} label="进度（%）">
        <input
          name="progress"
          type="number"
          min="0"
          max="100"
          required
          defaultValue=${submitting ? 100 : task.progress}
        />
      <//>
    </div>
    <${Field} label="进展说明"><textarea name="note" required maxlength="5000"></textarea><//>
    ${
      submitting
        ? html`<${Field} label="整改成效（申请销号时必填，写入下一年度报告）">
              <textarea
                name="outcome"
                required
                maxlength="5000"
                defaultValue=${task.outcome || ''}
              ></textarea>
            <//>
            <${Field} label="完成日期" hint="工作实际完成的日期，用于判断是否按期完成">
              <input name="completedOn" type="date" max=${today} defaultValue=${today} />
            <//>`
        : null
    }
    ${
      allowed.has('upload_evidence')
        ? html`<${Field} label="佐证材料（可选）" hint="照片、文件扫描件等，单个文件"
            ><input name="evidence" type="file"
          /><//>`
        : null
    }
    <p><button type="submit">${submitting ? '提交，申请销号' : '提交进展'}</button></p>
  </form>`;
}
