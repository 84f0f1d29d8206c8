// 补充佐证材料 (allowedActions upload_evidence) when no progress report is open, e.g. while waiting for review.
import { api } from '../../lib/api.js';
import { html } from '../../lib/html.js';
import { attempt } from '../../lib/messages.js';
import { Field } from '../field.js';
import { Fold } from '../fold.js';

export function EvidenceForm({ task, onUploaded }) {
  const submit = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData();
    data.append('file', form.elements.namedItem('evidence').files[0]);
    if (await attempt(() => api('POST', `/tasks/${task.id}/evidence`, { form: data }), '佐证材料已上传')) {
      form.reset();
      onUploaded();
    }
  };
  return html`<${Fold} title="补充佐证材料"
    ><form onSubmit=${submit}>
      <${Field} label="佐证材料文件"><input name="evidence" type="file" required /><//>
      <p><button type="submit" class="secondary">上传</button></p>
    </form><//
  >`;
}
