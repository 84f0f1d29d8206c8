import { applyEdits } from '../../../src/rollup/apply-edits';
import { buildDraft } from '../../../src/rollup/build-draft';
import { sampleInput } from './draft-fixtures';

describe('applyEdits', () => {
  it('shows the edited text, marks it and keeps the generated text alongside', () => {
    const draft = buildDraft(sampleInput());
    const edited = applyEdits(draft, [
      { paragraphId: 'achievements:t1', text: '全年开展专题学习12次，覆盖全体干部。' },
    ]);
    const paragraph = edited.sections[0].paragraphs.find((p) => p.id === 'achievements:t1')!;
    expect(paragraph).toMatchObject({
      text: '全年开展专题学习12次，覆盖全体干部。',
      edited: true,
      generatedText: '全年开展专题学习12次。',
    });
    expect(draft.sections[0].paragraphs.find((p) => p.id === 'achievements:t1')!.edited).toBeUndefined();
  });

  it('lets an edit fill a part tasks cannot fill, so the draft becomes complete there', () => {
    const draft = buildDraft(sampleInput());
    const edited = applyEdits(draft, [
      { paragraphId: 'leadership:placeholder', text: '镇党委书记带头学法。' },
    ]);
    expect(edited.completeness.missing).toEqual(['其他需要报告的情况']);
  });
});
