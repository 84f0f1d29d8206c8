import { chineseNumber } from './draft-text';
import { Draft } from './draft-types';

/** The draft as Markdown; edited paragraphs and recurring problems are marked so reviewers can spot them. */
export function renderDraftMarkdown(draft: Draft): string {
  const lines = [`# ${draft.title}`, ''];
  for (const paragraph of draft.preamble) lines.push(paragraph.text, '');
  draft.sections.forEach((section, index) => {
    lines.push(`## ${chineseNumber(index + 1)}、${section.heading}`, '');
    for (const paragraph of section.paragraphs) {
      if (paragraph.style === 'subheading') lines.push(`### ${paragraph.text}`, '');
      else
        lines.push(
          `${paragraph.text.split('\n').join('\n\n')}${paragraph.edited ? '（已人工修改）' : ''}${paragraph.recurring ? '（反复出现）' : ''}`,
          '',
        );
    }
  });
  for (const paragraph of draft.closing) lines.push(`<p align="right">${paragraph.text}</p>`, '');
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
