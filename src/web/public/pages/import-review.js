// 导入报告 · 核对条目: the source on one side, the extracted items on the other; confirmed items become tasks.
import { useState } from 'preact/hooks';
import { Loaded } from '../components/loading.js';
import { ReportSource } from '../components/report-source.js';
import { ReviewItem } from '../components/review-item.js';
import { api } from '../lib/api.js';
import { loadDirectory, unitOptions, userOptions } from '../lib/directory.js';
import { html } from '../lib/html.js';
import { attempt, say } from '../lib/messages.js';
import { navigate } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';

export function ImportReviewPage({ params: [reportId] }) {
  const state = useLoad(
    () =>
      Promise.all([
        api('GET', `/reports/${reportId}`),
        api('GET', `/reports/${reportId}/text`),
        loadDirectory(),
      ]),
    [reportId],
  );
  return html`<${Loaded} state=${state}>
    ${([report, text, directory]) => html`<${Review} report=${report} text=${text} directory=${directory} />`}
  <//>`;
}

function firstRows(report, directory) {
  const unitByName = (names) => directory.units.find((unit) => (names || []).includes(unit.name))?.id || '';
  return report.items
    .filter((item) => !item.taskId)
    .map((item) => ({
      item,
      keep: true,
      title: item.title,
      unitId: unitByName(item.suggestedUnits),
      leaderId: '',
      assigneeId: '',
      deadline: item.suggestedDeadline || '',
    }));
}

function Review({ report, text, directory }) {
  const [rows, setRows] = useState(() => firstRows(report, directory));
  const [activeId, setActiveId] = useState(null);
  const options = {
    units: unitOptions(directory),
    leaders: userOptions(directory, ['leader', 'admin']),
    people: userOptions(directory, ['staff', 'leader']),
  };
  const update = (index, row) => setRows(rows.map((current, i) => (i === index ? row : current)));
  const mergeUp = (index) => () =>
    setRows(
      rows.map((row, i) => {
        if (i === index - 1) return { ...row, title: `${row.title}；${rows[index].title}` };
        return i === index ? { ...row, keep: false } : row;
      }),
    );
  const confirm = async () => {
    const items = rows
      .filter((row) => row.keep)
      .map((row) => ({
        itemId: row.item.id,
        title: row.title.trim() || undefined,
        unitId: row.unitId || undefined,
        leaderId: row.leaderId || undefined,
        assigneeId: row.assigneeId || undefined,
        deadline: row.deadline || undefined,
      }));
    if (!items.length) return say('请至少保留一条条目', true);
    const done = await attempt(
      () => api('POST', `/reports/${report.id}/tasks`, { body: { items } }),
      `已生成 ${items.length} 项任务`,
    );
    if (done) navigate('#/tasks');
  };
  const facts = [
    report.organization,
    report.reportYear && `${report.reportYear} 年度报告`,
    `共 ${report.items.length} 条，待确认 ${rows.length} 条`,
    report.duplicate && '该文件此前已导入',
  ];
  return html`<p class="crumbs"><a href="#/import">导入报告</a> › 核对条目</p>
    <h1>${report.title || '导入的报告'}</h1>
    <p class="muted">${facts.filter(Boolean).join(' · ')}</p>
    <div class="review-layout">
      <${ReportSource} text=${text} items=${report.items} activeId=${activeId} />
      <section class="card" aria-labelledby="items-title">
        <h2 id="items-title">提取的条目</h2>
        ${
          rows.length
            ? html`${rows.map(
                  (row, index) =>
                    html`<${ReviewItem}
                      key=${row.item.id}
                      row=${row}
                      index=${index}
                      options=${options}
                      onChange=${(next) => update(index, next)}
                      onMergeUp=${index > 0 ? mergeUp(index) : null}
                      onFocus=${() => setActiveId(row.item.id)}
                    />`,
                )}
                <p><button type="button" id="confirm-items" onClick=${confirm}>确认并生成任务</button></p>`
            : html`<p>所有条目都已生成任务。<a href="#/tasks">查看整改台账</a></p>`
        }
      </section>
    </div>`;
}
