import { OfficialBlock, renderOfficialDocx } from '../documents/official-docx';
import { chineseNumber } from './draft-text';
import { Draft, DraftParagraph } from './draft-types';

/** The draft as a Word file in the GB/T 9704 layout: title, 主送机关, the five parts, 落款 and 成文日期. */
export function renderDraftDocx(draft: Draft): Promise<Buffer> {
  const text = (style: DraftParagraph['style'], paragraphs: DraftParagraph[]) =>
    paragraphs.find((paragraph) => paragraph.style === style)?.text ?? null;
  const opening = draft.preamble.filter((paragraph) => paragraph.style === 'body');
  const blocks: OfficialBlock[] = [
    ...opening.map((paragraph) => ({ kind: 'body' as const, text: paragraph.text })),
    ...draft.sections.flatMap((section, index) => [
      { kind: 'levelOne' as const, text: `${chineseNumber(index + 1)}、${section.heading}` },
      ...section.paragraphs.map((paragraph) => ({
        kind: paragraph.style === 'subheading' ? ('levelTwo' as const) : ('body' as const),
        text: paragraph.text,
      })),
    ]),
  ];
  return renderOfficialDocx({
    title: draft.title,
    addressee: text('addressee', draft.preamble),
    blocks,
    signature: text('signature', draft.closing),
    date: text('date', draft.closing),
  });
}
