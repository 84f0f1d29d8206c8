// 单位设置 (admins): the organization's 主送机关, the default deadline offered at import review, and whether
// 申请销号 needs evidence. Only changed keys are sent (PATCH merges key by key).
import { Field } from '../components/field.js';
import { Loaded } from '../components/loading.js';
import { api } from '../lib/api.js';
import { html } from '../lib/html.js';
import { attempt } from '../lib/messages.js';
import { useLoad } from '../lib/use-load.js';

function changes(form, settings) {
  const data = new FormData(form);
  const next = {
    reportAddressee: String(data.get('reportAddressee')).trim() || null,
    defaultDeadline: String(data.get('defaultDeadline')).trim(),
    requireEvidenceForReview: data.get('requireEvidenceForReview') === 'on',
  };
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => value !== settings[key]));
}

export function SettingsPage() {
  const state = useLoad(() => api('GET', '/organizations/current/settings'), []);
  const save = (settings) => async (event) => {
    event.preventDefault();
    const body = changes(event.currentTarget, settings);
    if (!Object.keys(body).length) return;
    if (await attempt(() => api('PATCH', '/organizations/current/settings', { body }), '设置已保存'))
      state.reload();
  };
  return html`<h1>单位设置</h1>
    <${Loaded} state=${state}>
      ${(settings) =>
        html`<form class="card settings" onSubmit=${save(settings)}>
          <${Field} label="年度报告主送机关" hint="印在报告正文之上，不含冒号；留空使用模板默认" wide>
            <input name="reportAddressee" maxlength="100" value=${settings.reportAddressee ?? ''} />
          <//>
          <${Field}
            label="默认完成时限（月-日）"
            hint="报告未写时限或所写时限已过时，导入核对时建议的日期，如 12-31 为年底前、06-30 为上半年"
          >
            <input
              name="defaultDeadline"
              required
              pattern="\\d{2}-\\d{2}"
              placeholder="12-31"
              value=${settings.defaultDeadline}
            />
          <//>
          <p>
            <label class="check">
              <input
                type="checkbox"
                name="requireEvidenceForReview"
                checked=${settings.requireEvidenceForReview}
              />
              申请销号须上传佐证材料
            </label>
          </p>
          <p><button type="submit">保存设置</button></p>
        </form>`}
    <//>`;
}
