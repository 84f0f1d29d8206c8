import { applyEdits, ParagraphEdit, renumber } from '../../../src/rollup/apply-edits';
import { buildDraft } from '../../../src/rollup/build-draft';
import { Draft } from '../../../src/rollup/draft-types';
import { sampleInput } from './draft-fixtures';

function edit(overrides: Partial<ParagraphEdit> & Pick<ParagraphEdit, 'paragraphId'>): ParagraphEdit {
  return {
    text: null,
    removed: false,
    addedStyle: null,
    sectionKey: null,
    afterParagraphId: null,
    ...overrides,
  };
}

function ids(draft: Draft, key: string): string[] {
  return draft.sections.find((section) => section.key === key)!.paragraphs.map((paragraph) => paragraph.id);
}

function texts(draft: Draft, key: string): string[] {
  return draft.sections.find((section) => section.key === key)!.paragraphs.map((paragraph) => paragraph.text);
}

describe('applyEdits', () => {
  const draft = buildDraft(sampleInput());

  it('shows the edited text, marks it and keeps the generated text alongside', () => {
    const edited = applyEdits(draft, [
      edit({ paragraphId: 'rectification:p1', text: '针对执法人员业务水平问题，组织培训4期。' }),
    ]);
    const paragraph = edited.sections[0].paragraphs.find((p) => p.id === 'rectification:p1')!;
    expect(paragraph).toMatchObject({
      text: '针对执法人员业务水平问题，组织培训4期。',
      edited: true,
      generatedText: draft.sections[0].paragraphs.find((p) => p.id === 'rectification:p1')!.text,
    });
    expect(draft.sections[0].paragraphs.find((p) => p.id === 'rectification:p1')!.edited).toBeUndefined();
  });

  it('edits the 主送机关 and the 落款 like any paragraph', () => {
    const edited = applyEdits(draft, [
      edit({ paragraphId: 'preamble:addressee', text: '县人民政府：' }),
      edit({ paragraphId: 'closing:date', text: '2026年1月15日' }),
    ]);
    expect(edited.preamble[0].text).toBe('县人民政府：');
    expect(edited.closing[1].text).toBe('2026年1月15日');
  });

  it('removes a paragraph and a subheading', () => {
    const edited = applyEdits(draft, [
      edit({ paragraphId: 'shortcomings:t5', removed: true }),
      edit({ paragraphId: 'achievements:heading:disputes', removed: true }),
    ]);
    expect(ids(edited, 'shortcomings')).not.toContain('shortcomings:t5');
    expect(ids(edited, 'achievements')).not.toContain('achievements:heading:disputes');
  });

  it('moves a paragraph after another, also into another part, in the order the moves were made', () => {
    const edited = applyEdits(draft, [
      edit({ paragraphId: 'achievements:disputes:e3', sectionKey: 'achievements', afterParagraphId: null }),
      edit({
        paragraphId: 'shortcomings:entry:e5',
        sectionKey: 'other',
        afterParagraphId: 'other:placeholder',
      }),
      edit({
        paragraphId: 'rectification:p2',
        sectionKey: 'achievements',
        afterParagraphId: 'achievements:disputes:e3',
      }),
    ]);
    expect(ids(edited, 'achievements').slice(0, 3)).toEqual([
      'achievements:disputes:e3',
      'rectification:p2',
      'achievements:overview',
    ]);
    expect(ids(edited, 'other')).toEqual(['other:placeholder', 'shortcomings:entry:e5']);
    expect(ids(edited, 'shortcomings')).not.toContain('shortcomings:entry:e5');
  });

  it('adds paragraphs and subheadings where the office put them, and renumbers （一） and 1.', () => {
    const edited = applyEdits(draft, [
      edit({
        paragraphId: 'added:a',
        addedStyle: 'body',
        text: '（一）着力提升依法行政水平。深入推进行政执法“三项制度”。',
        sectionKey: 'plans',
        afterParagraphId: 'plans:placeholder',
      }),
      edit({ paragraphId: 'plans:placeholder', removed: true }),
      edit({
        paragraphId: 'added:b',
        addedStyle: 'subheading',
        text: '（九）新的小标题',
        sectionKey: 'achievements',
        afterParagraphId: 'achievements:overview',
      }),
    ]);
    expect(texts(edited, 'plans')).toEqual([
      '（一）着力提升依法行政水平。深入推进行政执法“三项制度”。',
      '（二）抓好未完成事项的跟踪落实',
      '1.继续全面落实政务信息公开。【待补充：下一步措施和完成时限】',
      '2.继续开展领导干部学法活动。力争于2026年3月31日前完成。',
      '3.继续加强对行政执法工作的领导。配齐执法队人员并完成轮训，力争于2026年6月30日前完成。',
    ]);
    const achievements = edited.sections[0].paragraphs;
    expect(achievements[1]).toMatchObject({
      id: 'added:b',
      style: 'subheading',
      text: '（一）新的小标题',
      added: true,
    });
    expect(achievements[2].text).toBe('（二）扎实推进上年度问题整改');
  });

  it('keeps an edit whose paragraph a rebuild no longer makes, without effect, and lets an edit fill a part', () => {
    const edited = applyEdits(draft, [
      edit({ paragraphId: 'plans:gone', sectionKey: 'plans', afterParagraphId: null }),
      edit({ paragraphId: 'other:placeholder', text: '无。' }),
    ]);
    expect(ids(edited, 'plans')).toEqual(ids(draft, 'plans'));
    expect(edited.completeness.missing).toEqual([]);
  });
});

describe('renumber', () => {
  it('numbers the lines that open with （一） in order, and 1. afresh under each', () => {
    const paragraphs = ['（三）甲', '5.乙', '7.丙\n9.丁', '（一）戊', '3.己', '12.5%的覆盖率'].map(
      (text, i) => ({
        id: `p${i}`,
        style: 'body' as const,
        text,
        sourceTaskIds: [],
        sourceItemIds: [],
      }),
    );
    expect(renumber(paragraphs).map((p) => p.text)).toEqual([
      '（一）甲',
      '1.乙',
      '2.丙\n3.丁',
      '（二）戊',
      '1.己',
      '12.5%的覆盖率',
    ]);
  });
});
