import { api, download, session } from '../api.js';
import { attempt, field, h } from '../ui.js';

export async function draftPage(main, yearText) {
  const year = Number(yearText) || new Date().getFullYear();
  const draft = await api('GET', `/reports/drafts/${year}`);
  const canEdit = ['admin', 'leader'].includes(session().user.role);
  const yearInput = h('input', { name: 'year', type: 'number', min: 2000, max: 2100, value: year });
  const pick = h(
    'form',
    { class: 'card row' },
    field('年度', yearInput),
    h('button', { type: 'submit' }, '查看'),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () =>
          attempt(() => download(`/reports/drafts/${year}.docx`, `${year}年度报告草稿.docx`), '已开始下载'),
      },
      '下载 Word',
    ),
  );
  pick.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/draft/${yearInput.value}`;
  });
  const paragraph = (p) => {
    const el = h(p.style === 'subheading' ? 'h3' : 'p', { class: p.edited ? 'para edited' : 'para' }, p.text);
    if (!canEdit || p.style === 'subheading') return el;
    const edit = h(
      'button',
      { type: 'button', class: 'secondary small', 'aria-label': `修改段落：${p.text.slice(0, 12)}` },
      '修改',
    );
    edit.addEventListener('click', () => {
      const text = h('textarea', { name: 'text' }, p.text);
      const form = h(
        'form',
        {},
        field('段落内容', text),
        h(
          'p',
          { class: 'row' },
          h('button', { type: 'submit' }, '保存'),
          h(
            'button',
            { type: 'button', class: 'secondary', onclick: () => draftPage(main, String(year)) },
            '取消',
          ),
        ),
      );
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        if (
          await attempt(
            () =>
              api('PUT', `/reports/drafts/${year}/paragraphs/${encodeURIComponent(p.id)}`, {
                body: { text: text.value },
              }),
            '段落已保存',
          )
        )
          draftPage(main, String(year));
      });
      wrapper.replaceChildren(form);
      text.focus();
    });
    const wrapper = h('div', { class: 'para-row' }, el, edit);
    return wrapper;
  };
  const counts = draft.counts || {};
  main.replaceChildren(
    h('h1', {}, draft.title || `${year} 年度报告草稿`),
    pick,
    h(
      'p',
      { class: 'muted' },
      `计划 ${counts.planned ?? 0} 项 · 已完成 ${counts.completed ?? 0} 项 · 按期 ${counts.onTime ?? 0} 项 · 逾期 ${counts.overdue ?? 0} 项`,
    ),
    draft.completeness && !draft.completeness.complete
      ? h('p', { class: 'msg error' }, `尚缺：${draft.completeness.missing.join('、')}`)
      : null,
    ...(draft.sections || []).map((s) =>
      h('section', { class: 'card' }, h('h2', {}, s.heading), s.paragraphs.map(paragraph)),
    ),
  );
}
