import { withoutPlaceholders } from '../../../src/rollup/draft-finalize.service';
import { Draft, DraftParagraph } from '../../../src/rollup/draft-types';

const body = (id: string, text: string, extra: Partial<DraftParagraph> = {}): DraftParagraph => ({
  id,
  style: 'body',
  text,
  sourceTaskIds: [],
  sourceItemIds: [],
  ...extra,
});

describe('finalizing a draft leaves out the notes nobody filled', () => {
  const draft = {
    preamble: [],
    closing: [],
    sections: [
      {
        key: 'plans',
        heading: '2026年度推进法治政府建设的主要安排',
        paragraphs: [
          body('a', '【待补充：主要安排】', { placeholder: true }),
          body('b', '（一）深化改革。推动执法力量下沉。', { placeholder: true, edited: true }),
          body('c', '1.持续推进“执法队伍不稳定”问题整改。【待补充：下一步措施和完成时限】'),
          body(
            'd',
            '执法队伍建设，原定于2025年10月31日前完成，目前尚未完成，主要原因是【待补充：未完成原因】。',
          ),
        ],
      },
    ],
  } as unknown as Draft;

  it('drops whole notes, keeps edited ones, and cuts an inline note with the clause leading into it', () => {
    const { final, omitted } = withoutPlaceholders(draft);
    expect(final.sections[0].paragraphs.map((p) => p.text)).toEqual([
      '（一）深化改革。推动执法力量下沉。',
      '1.持续推进“执法队伍不稳定”问题整改。',
      '执法队伍建设，原定于2025年10月31日前完成，目前尚未完成。',
    ]);
    expect(omitted).toBe(3);
  });
});
