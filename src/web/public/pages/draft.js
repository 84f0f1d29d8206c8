// 年度报告草稿: next year's report built from the tasks, editable paragraph by paragraph, downloadable as Word.
import { DraftParagraph } from '../components/draft-paragraph.js';
import { Field } from '../components/field.js';
import { Loaded } from '../components/loading.js';
import { api, download } from '../lib/api.js';
import { html } from '../lib/html.js';
import { attempt } from '../lib/messages.js';
import { navigate } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';
import { roleMay } from '../lib/vocabulary.js';

export function DraftPage({ user, params: [yearText] }) {
  const year = Number(yearText) || new Date().getFullYear();
  const state = useLoad(() => api('GET', `/reports/drafts/${year}`), [year]);
  const pick = (event) => {
    event.preventDefault();
    navigate(`#/draft/${new FormData(event.currentTarget).get('year')}`);
  };
  const word = () =>
    attempt(() => download(`/reports/drafts/${year}.docx`, `${year}年度报告草稿.docx`), '已开始下载');
  return html`<h1>年度报告草稿</h1>
    <form class="card filters draft-picker" onSubmit=${pick}>
      <${Field} label="年度"
        ><input name="year" type="number" min="2000" max="2100" defaultValue=${year}
      /><//>
      <div class="filter-actions">
        <button type="submit">查看</button>
        <button type="button" class="secondary" onClick=${word}>下载 Word</button>
      </div>
    </form>
    <${Loaded} state=${state}>
      ${(draft) =>
        html`<${Draft}
          draft=${draft}
          year=${year}
          canEdit=${roleMay(user.role, 'draft.edit')}
          reload=${state.reload}
        />`}
    <//>`;
}

function Draft({ draft, year, canEdit, reload }) {
  const counts = draft.counts || {};
  return html`<article class="card draft">
    <h2 class="draft-title">${draft.title || `${year} 年度报告草稿`}</h2>
    <p class="muted">
      计划 ${counts.planned ?? 0} 项 · 已完成 ${counts.completed ?? 0} 项 · 按期 ${counts.onTime ?? 0} 项 ·
      逾期 ${counts.overdue ?? 0} 项
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
