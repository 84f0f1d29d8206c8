import { DraftContext } from './draft-context';
import { itemGroups, itemParagraphs } from './draft-items';
import { paragraph, placeholder } from './draft-paragraphs';
import { fill } from './draft-templates';
import { DraftParagraph } from './draft-types';

/** 党政主要负责人履行第一责任人职责情况 and 其他: from their categories; a 待补充 note only where nothing was recorded. */
export function loggedPartParagraphs(context: DraftContext, part: 'leadership' | 'other'): DraftParagraph[] {
  const { t } = context;
  const items = itemGroups(context, part)
    .flatMap((group) => group.items)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  if (part === 'other')
    return items.length
      ? itemParagraphs(context, 'other', items)
      : [placeholder('other:placeholder', fill(t, 'otherPlaceholder'))];
  const category = context.input.categories.find((candidate) => candidate.part === 'leadership');
  if (!items.length)
    return [
      placeholder(
        'leadership:placeholder',
        fill(t, 'leadershipPlaceholder', { category: category?.label ?? '党政主要负责人履行第一责任人职责' }),
      ),
    ];
  return [
    paragraph('leadership:intro', fill(t, 'leadershipIntro', { shortName: context.shortName })),
    ...itemParagraphs(context, 'leadership', items),
  ];
}
