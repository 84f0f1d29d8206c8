// 导入报告 · 核对条目: the source on one side, the extracted items on the other; confirmed items become tasks.
import { useState } from 'preact/hooks';
import { Loaded } from '../components/loading.js';
import { BulkAssignBar } from '../components/bulk-assign-bar.js';
import { ReportSource } from '../components/report-source.js';
import { ReviewItem } from '../components/review-item.js';
import { api } from '../lib/api.js';
import { loadDirectory, unitOptions, userOptions } from '../lib/directory.js';
import { html } from '../lib/html.js';
import { attempt, say } from '../lib/messages.js';
import { navigate } from '../lib/router.js';
import {
  confirmationItems,
  firstRows,
  forgetChoices,
  problemOptions,
  saveChoices,
} from '../lib/review-rows.js';
import { useLoad } from '../lib/use-load.js';
import { organizationToday } from '../lib/vocabulary.js';

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

function Review({ report, text, directory }) {
  const [rows, setRowsState] = useState(() => firstRows(report, directory));
  const [activeId, setActiveId] = useState(null);
  const setRows = (next) => {
    setRowsState(next);
    saveChoices(report.id, next);
  };
  const options = {
    units: unitOptions(directory),
    leaders: userOptions(directory, ['leader', 'admin']),
    people: userOptions(directory, ['staff', 'leader']),
    problems: problemOptions(report, rows),
  };
  const today = organizationToday();
  const update = (index, row) => setRows(rows.map((current, i) => (i === index ? row : current)));
  const selectAll = (selected) => setRows(rows.map((row) => ({ ...row, selected })));
  const applyToSelected = (choice) => {
    setRows(rows.map((row) => (row.selected ? { ...row, ...choice } : row)));
    say(`已为 ${rows.filter((row) => row.selected).length} 条条目统一设置`);
  };
  const mergeUp = (index) => () =>
    setRows(
      rows.map((row, i) => {
        if (i === index - 1) return { ...row, title: `${row.title}；${rows[index].title}` };
        return i === index ? { ...row, keep: false } : row;
      }),
    );
  const confirm = async () => {
    const items = confirmationItems(rows, options.problems);
    if (!items.length) return say('请至少保留一条条目', true);
    const done = await attempt(
      () => api('POST', `/reports/${report.id}/tasks`, { body: { items } }),
      `已生成 ${items.length} 项任务`,
    );
    if (!done) return;
    forgetChoices(report.id);
    navigate('#/tasks');
  };
  const kept = rows.filter((row) => row.keep).length;
  const facts = [
    report.organization,
    report.reportYear && `${report.reportYear} 年度报告`,
    `共 ${report.items.length} 条，待确认 ${rows.length} 条，保留 ${kept} 条`,
    report.duplicate && '该文件此前已导入',
  ];
  return html`<p class="crumbs"><a href="#/import">导入报告</a> › 核对条目</p>
    <h1>${report.title || '导入的报告'}</h1>
    <p class="muted">${facts.filter(Boolean).join(' · ')}</p>
    <p class="muted">“原因”条目用于说明问题成因，默认不生成任务；需要时可勾选保留。</p>
    <div class="review-layout">
      <${ReportSource} text=${text} items=${report.items} activeId=${activeId} />
      <section class="card" aria-labelledby="items-title">
        <h2 id="items-title">提取的条目</h2>
        ${
          rows.length
            ? html`<${BulkAssignBar}
                  rows=${rows}
                  options=${options}
                  onSelectAll=${selectAll}
                  onApply=${applyToSelected}
                />
                ${rows.map(
                  (row, index) =>
                    html`<${ReviewItem}
                      key=${row.item.id}
                      row=${row}
                      index=${index}
                      options=${options}
                      today=${today}
                      onChange=${(next) => update(index, next)}
                      onMergeUp=${index > 0 ? mergeUp(index) : null}
                      onFocus=${() => setActiveId(row.item.id)}
                    />`,
                )}
                <p>
                  <button type="button" id="confirm-items" onClick=${confirm}>
                    确认并生成任务（${kept} 项）
                  </button>
                </p>`
            : html`<p>所有条目都已生成任务。<a href="#/tasks">查看整改台账</a></p>`
        }
      </section>
    </div>`;
}
