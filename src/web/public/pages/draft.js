// 年度报告草稿: next year's report built from the tasks and the 工作纪实 as of a date, editable paragraph by
// paragraph, downloadable as Word; leaders close the year (年度结转) and finalize it into the year's report.
import { CarryOverList } from '../components/carry-over-list.js';
import { DraftParagraph } from '../components/draft-paragraph.js';
import { Field } from '../components/field.js';
import { Loaded } from '../components/loading.js';
import { api, download } from '../lib/api.js';
import { html } from '../lib/html.js';
import { attempt } from '../lib/messages.js';
import { hrefWith, navigate } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';
import { organizationYear, roleMay } from '../lib/vocabulary.js';

export function DraftPage({ user, params: [yearText], query }) {
  const year = Number(yearText) || organizationYear();
  const asOf = query?.get('asOf') || '';
  const suffix = asOf ? `?asOf=${asOf}` : '';
  const state = useLoad(() => api('GET', `/reports/drafts/${year}${suffix}`), [year, suffix]);
  const manager = roleMay(user.role, 'draft.edit');
  const pick = (event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    navigate(hrefWith(`/draft/${data.get('year')}`, { asOf: data.get('asOf') }));
  };
  const word = () =>
    attempt(
      () => download(`/reports/drafts/${year}.docx${suffix}`, `${year}年度报告草稿.docx`),
      '已开始下载',
    );
  const finalize = async () => {
    if (!confirm(`把当前草稿（含人工修改）定稿为${year}年度报告？未填写的【待补充】段落不写入定稿。`)) return;
    const done = await attempt(
      () => api('POST', `/reports/drafts/${year}/finalize${suffix}`),
      '已定稿，请审核其中的问题和工作安排',
    );
    if (done) navigate(`#/import/${done.reportId}`);
  };
  return html`<h1>年度报告草稿</h1>
    <form class="card filters draft-picker" onSubmit=${pick}>
      <${Field} label="年度"
        ><input name="year" type="number" min="2000" max="2100" defaultValue=${year}
      /><//>
      <${Field} label="截至日期" hint="默认今天与该年12月31日中较早者"
        ><input name="asOf" type="date" defaultValue=${asOf}
      /><//>
      <div class="filter-actions">
        <button type="submit">查看</button>
        <button type="button" class="secondary" onClick=${word}>下载 Word</button>
        ${manager ? html`<button type="button" onClick=${finalize}>定稿</button>` : null}
      </div>
    </form>
    ${manager ? html`<${CarryOverList} year=${year} onDone=${state.reload} />` : null}
    <${Loaded} state=${state}>
      ${(draft) => html`<${Draft} draft=${draft} year=${year} canEdit=${manager} reload=${state.reload} />`}
    <//>`;
}

function Draft({ draft, year, canEdit, reload }) {
  const counts = draft.counts || {};
  return html`<article class="card draft">
    <h2 class="draft-title">${draft.title || `${year} 年度报告草稿`}</h2>
    <p class="muted">
      截至 ${draft.asOf} · 计划 ${counts.planned ?? 0} 项 · 已完成 ${counts.completed ?? 0} 项 · 按期
      ${counts.onTime ?? 0} 项 · 逾期 ${counts.overdue ?? 0} 项
    </p>
    ${
      draft.completeness && !draft.completeness.complete
        ? html`<p class="msg error">尚缺：${draft.completeness.missing.join('、')}</p>`
        : null
    }
    ${(draft.sections || []).map(
      (section) =>
        html`<section>
          <h3 class="section-heading">${section.heading}</h3>
          ${section.paragraphs.map(
            (paragraph) =>
              html`<${DraftParagraph}
                key=${paragraph.id}
                year=${year}
                paragraph=${paragraph}
                canEdit=${canEdit}
                onSaved=${reload}
              />`,
          )}
        </section>`,
    )}
  </article>`;
}
