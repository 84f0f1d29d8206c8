import { Draft } from './draft-types';

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The draft as Markdown; edited paragraphs and recurring problems are marked so reviewers can spot them. */
export function renderDraftMarkdown(draft: Draft): string {
  const lines = [`# ${draft.title}`, ''];
  draft.sections.forEach((section, index) => {
    lines.push(`## ${CHINESE_ORDINALS[index]}、${section.heading}`, '');
    for (const paragraph of section.paragraphs) {
      if (paragraph.style === 'subheading') lines.push(`### ${paragraph.text}`, '');
      else
        lines.push(
          `${paragraph.text}${paragraph.edited ? '（已人工修改）' : ''}${paragraph.recurring ? '（反复出现）' : ''}`,
          '',
        );
    }
  });
  if (draft.completeness.missing.length)
    lines.push(`> 待补充的部分：${draft.completeness.missing.join('；')}`, '');
  lines.push(
    '## 来源任务',
    '',
    ...draft.sources.map((source) => `- ${source.title}（任务 ${source.taskId}）`),
    '',
  );
  return lines.join('\n');
}
