// 责任单位管理 (admins): add units with the keywords that steer the parser's suggestions, switch them on and off,
// and set up each unit's group robots (and the leaders' group's) that carry reminders and 催办.
import { useState } from 'preact/hooks';
import { Field } from '../components/field.js';
import { Loaded } from '../components/loading.js';
import { RecordTable, STATUS_COLUMN } from '../components/record-table.js';
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

const UNIT_COLUMNS = [
  { heading: '单位名称', cell: (unit) => unit.name },
  { heading: '关键词', cell: (unit) => (unit.keywords || []).join('、') || '—' },
  STATUS_COLUMN,
  { heading: '群机器人', cell: (unit) => robotSummary(unit.robots) },
];

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
          <${RecordTable}
            records=${units}
            columns=${UNIT_COLUMNS}
            actions=${(unit) => ({
              openText: '群机器人',
              openLabel: `设置 ${unit.name} 的群机器人`,
              onOpen: () => setRobotsOf(unit.id),
              path: `/units/${unit.id}`,
            })}
            onChanged=${changed}
          />`}
    <//>
    <${LeadersRobots} />`;
}
