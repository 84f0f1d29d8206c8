// 责任单位管理 (admins): add units with the keywords that steer the parser's suggestions, switch them on and off,
// and set up each unit's group robots (and the leaders' group's) that carry reminders and 催办.
import { useState } from 'preact/hooks';
import { Field } from '../components/field.js';
import { Loaded } from '../components/loading.js';
import { RecordActions } from '../components/record-actions.js';
import { RobotEditor } from '../components/robot-editor.js';
import { api } from '../lib/api.js';
import { forgetDirectory } from '../lib/directory.js';
import { submitAndClear } from '../lib/form-submit.js';
import { html } from '../lib/html.js';
import { useLoad } from '../lib/use-load.js';

/** 钉钉（加签）、企业微信 — or 未配置. */
function robotSummary(robots = []) {
  return (
    robots.map((robot) => `${robot.vendorLabel}${robot.hasSecret ? '（加签）' : ''}`).join('、') || '未配置'
  );
}

function LeadersRobots() {
  const state = useLoad(() => api('GET', '/robots/leaders'), []);
  return html`<${Loaded} state=${state}>
    ${(robots) =>
      html`<${RobotEditor}
        title="领导班子群机器人"
        purpose="逾期升级提醒（督办）和上级的县级督办会发到领导班子群，并按手机号 @ 分管领导。"
        robots=${robots}
        save=${(inputs) => api('PATCH', '/robots/leaders', { body: { robots: inputs } })}
        onSaved=${state.reload}
      />`}
  <//>`;
}

export function UnitsPage() {
  const state = useLoad(() => api('GET', '/units'), []);
  const [robotsOf, setRobotsOf] = useState(null);
  const changed = () => {
    forgetDirectory();
    state.reload();
  };
  const add = submitAndClear({
    bodyOf: (data) => ({
      name: String(data.get('name')).trim(),
      keywords: String(data.get('keywords'))
        .split(/[,，、\s]+/)
        .map((keyword) => keyword.trim())
        .filter(Boolean),
    }),
    send: (body) => api('POST', '/units', { body }),
    success: '单位已添加',
    done: changed,
  });
  return html`<h1>责任单位管理</h1>
    <form class="card" onSubmit=${add}>
      <h2>新增责任单位</h2>
      <div class="form-grid">
        <${Field} label="单位名称"><input name="name" required maxlength="100" /><//>
        <${Field} label="推荐关键词" hint="用逗号或顿号分隔；导入报告时据此推荐责任单位"
          ><input name="keywords"
        /><//>
      </div>
      <p><button type="submit">新增单位</button></p>
    </form>
    <${Loaded} state=${state}>
      ${(units) =>
        html`${
            robotsOf && units.some((unit) => unit.id === robotsOf)
              ? html`<${RobotEditor}
                  key=${robotsOf}
                  title=${`${units.find((unit) => unit.id === robotsOf).name} · 群机器人`}
                  robots=${units.find((unit) => unit.id === robotsOf).robots ?? []}
                  save=${async (robots) =>
                    (await api('PATCH', `/units/${robotsOf}`, { body: { robots } })).robots}
                  onSaved=${state.reload}
                  onClose=${() => setRobotsOf(null)}
                />`
              : null
          }
          <div class="table-wrap">
            <table class="grid-table stack">
              <thead>
                <tr>
                  <th scope="col">单位名称</th>
                  <th scope="col">关键词</th>
                  <th scope="col">状态</th>
                  <th scope="col">群机器人</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                ${units.map(
                  (unit) =>
                    html`<tr>
                      <th scope="row">${unit.name}</th>
                      <td data-label="关键词">${(unit.keywords || []).join('、') || '—'}</td>
                      <td data-label="状态">${unit.active === false ? '停用' : '启用'}</td>
                      <td data-label="群机器人">${robotSummary(unit.robots)}</td>
                      <td data-label="操作">
                        <${RecordActions}
                          openText="群机器人"
                          openLabel=${`设置 ${unit.name} 的群机器人`}
                          onOpen=${() => setRobotsOf(unit.id)}
                          path=${`/units/${unit.id}`}
                          active=${unit.active !== false}
                          onChanged=${changed}
                        />
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
    <//>
    <${LeadersRobots} />`;
}
