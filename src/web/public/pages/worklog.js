// 工作纪实: notable work recorded as it happens (date, unit, category, text with figures); a leader marks entries
// 入报告 and they go into the year's report draft. Filters by year, month, unit and category live in the hash query.
import { Field } from '../components/field.js';
import { Loaded } from '../components/loading.js';
import { Pager } from '../components/pager.js';
import { Select } from '../components/select.js';
import { api } from '../lib/api.js';
import { loadDirectory, unitName, unitOptions } from '../lib/directory.js';
import { submitAndClear } from '../lib/form-submit.js';
import { html } from '../lib/html.js';
import { attempt } from '../lib/messages.js';
import { hrefWith, navigate } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';
import { organizationToday, roleMay } from '../lib/vocabulary.js';

const MONTHS = Array.from({ length: 12 }, (_unused, index) => ({
  key: String(index + 1),
  label: `${index + 1}月`,
}));
const FILTERS = ['year', 'month', 'unitId', 'category', 'page'];

export function WorklogPage({ user, query }) {
  const filters = Object.fromEntries(FILTERS.map((key) => [key, query.get(key) || '']));
  if (!filters.year) filters.year = organizationToday().slice(0, 4);
  const taskId = query.get('taskId') || '';
  const search = hrefWith('', filters).slice(1);
  const state = useLoad(
    () =>
      Promise.all([
        api('GET', `/worklog${search}${search ? '&' : '?'}pageSize=50`),
        api('GET', '/worklog/categories'),
        loadDirectory(),
      ]),
    [search],
  );
  return html`<h1>工作纪实</h1>
    <p class="muted">随时记录开展的重要工作（写明数字），领导确定“入报告”后写入年度报告草稿。</p>
    <${Loaded} state=${state}>
      ${([result, categories, directory]) => {
        const categoryOptions = categories.map(({ key, label }) => ({ key, label }));
        return html`<${Filters} filters=${filters} categories=${categoryOptions} directory=${directory} />
          ${
            !roleMay(user.role, 'worklog.write')
              ? null
              : html`<${EntryForm}
                  user=${user}
                  taskId=${taskId}
                  categories=${categoryOptions}
                  directory=${directory}
                  onDone=${state.reload}
                />`
          }
          <${EntryList}
            result=${result}
            directory=${directory}
            canMark=${roleMay(user.role, 'worklog.report')}
            onDone=${state.reload}
          />
          <${Pager} result=${result} hrefFor=${(page) => hrefWith('/worklog', { ...filters, page })} />`;
      }}
    <//>`;
}

function Filters({ filters, categories, directory }) {
  const apply = (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    navigate(hrefWith('/worklog', { ...data, page: '' }));
  };
  return html`<form class="card filters" onSubmit=${apply} aria-label="筛选工作纪实">
    <${Field} label="年度"
      ><input name="year" type="number" min="2000" max="2100" defaultValue=${filters.year}
    /><//>
    <${Field} label="月份"
      ><${Select} name="month" options=${MONTHS} initial=${filters.month} empty="全年"
    /><//>
    <${Field} label="单位"
      ><${Select} name="unitId" options=${unitOptions(directory)} initial=${filters.unitId} empty="全部单位"
    /><//>
    <${Field} label="类别"
      ><${Select} name="category" options=${categories} initial=${filters.category} empty="全部类别"
    /><//>
    <div class="filter-actions"><button type="submit">筛选</button></div>
  </form>`;
}

function EntryForm({ user, taskId, categories, directory, onDone }) {
  const today = organizationToday();
  const submit = submitAndClear({
    bodyOf: (data) => {
      const body = {
        date: String(data.get('date')),
        category: String(data.get('category')),
        text: String(data.get('text')).trim(),
      };
      if (data.get('unitId')) body.unitId = String(data.get('unitId'));
      if (taskId) body.taskId = taskId;
      if (data.get('kind') === 'problem') {
        body.kind = 'problem';
        const cause = String(data.get('cause') ?? '').trim();
        if (cause) body.cause = cause;
      }
      return body;
    },
    send: (body) => api('POST', '/worklog', { body }),
    success: '已记入工作纪实',
    done: onDone,
  });
  return html`<form class="card" onSubmit=${submit} aria-labelledby="worklog-add">
    <h2 id="worklog-add">记一笔${taskId ? html` <small class="muted">（关联任务）</small>` : null}</h2>
    <div class="form-grid">
      <${Field} label="日期"><input name="date" type="date" required max=${today} defaultValue=${today} /><//>
      <${Field} label="类别"><${Select} name="category" options=${categories} required /><//>
      ${
        user.role === 'staff'
          ? null
          : html`<${Field} label="单位"
              ><${Select} name="unitId" options=${unitOptions(directory)} empty="（本人所在单位）"
            /><//>`
      }
      <${Field} label="性质"
        ><${Select}
          name="kind"
          options=${[
            { key: 'work', label: '开展的工作' },
            { key: 'problem', label: '发现的问题' },
          ]}
      /><//>
    </div>
    <${Field} label="内容" hint="写明做了什么和数字，如：开展法治讲座12场，覆盖群众1500余人" wide>
      <textarea name="text" required maxlength="2000"></textarea>
    <//>
    <${Field} label="问题的原因（记录发现的问题时填写）" wide><input name="cause" maxlength="2000" /><//>
    <p><button type="submit">保存</button></p>
  </form>`;
}

function EntryList({ result, directory, canMark, onDone }) {
  if (!result.items.length) return html`<p class="card muted">没有符合条件的记录。</p>`;
  const mark = async (entry) => {
    const changed = await attempt(
      () => api('PATCH', `/worklog/${entry.id}`, { body: { inReport: !entry.inReport } }),
      entry.inReport ? '已移出报告' : '已写入报告草稿',
    );
    if (changed) onDone();
  };
  return html`<ul class="card worklog-list">
    ${result.items.map(
      (entry) =>
        html`<li key=${entry.id} class="worklog-entry">
          <p class="muted">
            ${entry.date} · ${entry.categoryLabel} · ${unitName(directory, entry.unitId)}
            ${entry.kind === 'problem' ? ' · 发现的问题' : ''}
            ${entry.taskId ? html` · <a href=${`#/tasks/${entry.taskId}`}>关联任务</a>` : null}
            ${entry.inReport ? html` · <strong>入报告</strong>` : null}
          </p>
          <p>${entry.text}${entry.cause ? `（原因：${entry.cause}）` : ''}</p>
          ${
            canMark
              ? html`<button type="button" class="secondary" onClick=${() => mark(entry)}>
                  ${entry.inReport ? '移出报告' : '入报告'}
                </button>`
              : null
          }
        </li>`,
    )}
  </ul>`;
}
