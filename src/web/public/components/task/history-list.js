// 办理记录: who did what and when, with what changed, in the server's words.
import { session } from '../../lib/api.js';
import { unitName, userName } from '../../lib/directory.js';
import { dateTime } from '../../lib/format.js';
import { html } from '../../lib/html.js';
import { label } from '../../lib/vocabulary.js';

function describe(changes, directory) {
  const parts = [];
  const change = (key) => changes?.[key];
  if (change('status')) {
    const { from, to } = change('status');
    parts.push(`状态：${from ? `${label('statuses', from)} → ` : ''}${label('statuses', to)}`);
  }
  if (change('progress')) parts.push(`进度：${change('progress').from ?? 0}% → ${change('progress').to}%`);
  if (change('deadline'))
    parts.push(`完成时限：${change('deadline').from || '未定'} → ${change('deadline').to || '未定'}`);
  if (change('requestedDeadline')) parts.push(`申请延至 ${change('requestedDeadline').to}`);
  if (change('unitId') && change('unitId').to)
    parts.push(`责任单位：${unitName(directory, change('unitId').to)}`);
  if (change('leaderId') && change('leaderId').to)
    parts.push(`责任领导：${userName(directory, change('leaderId').to)}`);
  if (change('assigneeId') && change('assigneeId').to)
    parts.push(`责任人：${userName(directory, change('assigneeId').to)}`);
  if (change('title') && change('title').from) parts.push('修改了事项名称');
  if (change('problemTaskId'))
    parts.push(change('problemTaskId').to ? '关联到整改问题' : '取消了与整改问题的关联');
  if (change('outcome')) parts.push('填写了整改成效');
  if (change('evidence')) parts.push(`附佐证材料 ${change('evidence').to.length} 份`);
  return parts.join('；');
}

/**
 * The directory names one organization's people: a county leader's 督办 on a township's task, or the county reading
 * its own 督办 there, would otherwise say 未知人员.
 */
function actorName(row, directory) {
  if (!row.actorId) return '系统';
  const me = session()?.user;
  if (row.actorId === me?.id) return me.displayName;
  const name = userName(directory, row.actorId);
  return name === '未知人员' && row.action === 'supervised' ? '上级机关' : name;
}

export function HistoryList({ history, directory }) {
  return html`<section class="card" aria-labelledby="history-title">
    <h2 id="history-title">办理记录</h2>
    <ol class="timeline">
      ${history.map((row) => {
        const details = describe(row.changes, directory);
        return html`<li>
          <span class="muted">${dateTime(row.createdAt)}</span>
          <div>
            <strong>${label('historyActions', row.action, '办理')}</strong>
            <span class="actor">${actorName(row, directory)}</span>
          </div>
          ${details ? html`<div class="muted">${details}</div>` : null}
          ${row.note ? html`<div class="quote">${row.note}</div>` : null}
        </li>`;
      })}
    </ol>
  </section>`;
}
