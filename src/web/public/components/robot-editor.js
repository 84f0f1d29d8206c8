// 群机器人设置: an administrator lists one group's robots (vendor, webhook URL, signing secret), saves them as a
// whole and sends a test message to each saved one, seeing the vendor's answer in Chinese. Secrets are write-only:
// the server only says whether one is stored (hasSecret); an empty secret field keeps it.
import { useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { html } from '../lib/html.js';
import { chineseMessage, say } from '../lib/messages.js';
import { words } from '../lib/vocabulary.js';
import { Field } from './field.js';
import { Select } from './select.js';

const URL_EXAMPLES = {
  dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=…',
  wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
  feishu: 'https://open.feishu.cn/open-apis/bot/v2/hook/…',
  generic: 'https://…',
};
const SECRET_HINTS = {
  dingtalk: '安全设置选“加签”后显示的密钥（SEC 开头）',
  feishu: '安全设置中“签名校验”的密钥',
  generic: '可选：接收方用它校验 x-rectify-signature',
};

let drafts = 0;
const draftOf = (robot) => ({
  key: robot?.id ?? `new-${(drafts += 1)}`,
  id: robot?.id ?? null,
  vendor: robot?.vendor ?? 'dingtalk',
  url: robot?.url ?? '',
  secret: '',
  hasSecret: robot?.hasSecret ?? false,
  clearSecret: false,
});

/** What PATCH sends for a row: no `secret` keeps the stored one (same vendor and URL), null clears it. */
function inputOf(draft) {
  const robot = { vendor: draft.vendor, url: draft.url.trim() };
  if (draft.vendor === 'wecom' || draft.clearSecret) return { ...robot, secret: null };
  const secret = draft.secret.trim();
  return secret ? { ...robot, secret } : robot;
}

/** A row can be tested when it is saved as shown (tests go to the stored robot, not to what is typed). */
function saved(draft, robots) {
  const robot = robots.find((r) => r.id === draft.id);
  return Boolean(robot) && robot.vendor === draft.vendor && robot.url === draft.url.trim() && !draft.secret;
}

function TestResult({ result }) {
  if (!result) return null;
  const code = result.code === null || result.code === undefined ? '' : `（错误码 ${result.code}）`;
  return html`<p class=${result.ok ? 'robot-result ok' : 'robot-result error'} role="status">
    ${result.ok ? '✓ ' : '✗ '}${result.message}${result.ok ? '' : code}
    ${
      !result.ok && result.vendorMessage
        ? html`<span class="muted"> 机器人原始提示：${result.vendorMessage}</span>`
        : null
    }
  </p>`;
}

function RobotRow({ draft, index, testable, result, onChange, onRemove, onTest }) {
  const set = (field) => (event) => onChange({ ...draft, [field]: event.currentTarget.value });
  const signed = draft.vendor !== 'wecom';
  return html`<fieldset class="robot-row">
    <legend>机器人 ${index + 1}</legend>
    <div class="form-grid">
      <${Field} label="类型"
        ><${Select} options=${words('robotVendors')} value=${draft.vendor} onChange=${set('vendor')}
      /><//>
      <${Field} label="Webhook 地址" wide hint=${`从群机器人设置中复制，形如 ${URL_EXAMPLES[draft.vendor]}`}
        ><input
          type="url"
          required
          maxlength="1000"
          autocomplete="off"
          spellcheck="false"
          value=${draft.url}
          onInput=${set('url')}
      /><//>
      ${
        signed
          ? html`<${Field} label="签名密钥" hint=${SECRET_HINTS[draft.vendor]}
              ><input
                type="password"
                maxlength="200"
                autocomplete="new-password"
                placeholder=${draft.hasSecret ? '已保存，留空则不变' : '未设置'}
                disabled=${draft.clearSecret}
                value=${draft.secret}
                onInput=${set('secret')}
            /><//>`
          : html`<p class="hint robot-no-secret">企业微信群机器人无需密钥：Webhook 地址中的 key 即为凭据</p>`
      }
    </div>
    ${
      signed && draft.hasSecret
        ? html`<label class="check"
            ><input
              type="checkbox"
              checked=${draft.clearSecret}
              onChange=${(event) => onChange({ ...draft, clearSecret: event.currentTarget.checked, secret: '' })}
            />
            清除已保存的密钥</label
          >`
        : null
    }
    <p class="buttons">
      <button
        type="button"
        class="secondary small"
        disabled=${!testable}
        title=${testable ? '' : '保存后才能测试'}
        onClick=${onTest}
      >
        发送测试消息
      </button>
      <button type="button" class="secondary small" onClick=${onRemove}>移除</button>
    </p>
    <${TestResult} result=${result} />
  </fieldset>`;
}

const UNIT_PURPOSE =
  '本单位任务的到期提醒、逾期提醒和催办会发到这里配置的群机器人，并按手机号 @ 责任人；未配置时使用全局 Webhook（如有）。';

export function RobotEditor({ title, purpose = UNIT_PURPOSE, robots, save, onSaved, onClose }) {
  const [rows, setRows] = useState(() => robots.map(draftOf));
  const [results, setResults] = useState({});
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  const replace = (key, next) => setRows(rows.map((row) => (row.key === key ? next : row)));
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const views = await save(rows.map(inputOf));
      setRows(views.map(draftOf));
      setProblem(null);
      say(`${title}已保存`);
      onSaved?.(views);
    } catch (error) {
      setProblem(chineseMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const test = (robotId) => async () => {
    setResults({ ...results, [robotId]: { ok: true, message: '正在发送…' } });
    try {
      const answer = await api('POST', `/robots/${robotId}/test`);
      setResults((current) => ({ ...current, [robotId]: answer }));
    } catch (error) {
      setResults((current) => ({ ...current, [robotId]: { ok: false, message: chineseMessage(error) } }));
    }
  };
  return html`<section class="card robot-editor" aria-label=${title}>
    <h2>${title}</h2>
    <p class="muted">${purpose}</p>
    <form onSubmit=${submit}>
      ${
        rows.length
          ? rows.map(
              (row, index) =>
                html`<${RobotRow}
                  key=${row.key}
                  draft=${row}
                  index=${index}
                  testable=${saved(row, robots)}
                  result=${results[row.id]}
                  onChange=${(next) => replace(row.key, next)}
                  onRemove=${() => setRows(rows.filter((other) => other.key !== row.key))}
                  onTest=${test(row.id)}
                />`,
            )
          : html`<p class="muted">尚未配置群机器人。</p>`
      }
      ${problem ? html`<p class="form-error" role="alert">${problem}</p>` : null}
      <p class="buttons">
        <button type="button" class="secondary" onClick=${() => setRows([...rows, draftOf()])}>
          添加机器人
        </button>
        <button type="submit" disabled=${busy}>保存机器人设置</button>
        ${onClose ? html`<button type="button" class="secondary" onClick=${onClose}>关闭</button>` : null}
      </p>
    </form>
  </section>`;
}
