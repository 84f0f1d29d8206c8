import { checkDraftCompleteness, checkReportCompleteness } from '../../../src/rollup/completeness';
import { DraftParagraph, DraftSection } from '../../../src/rollup/draft-types';

describe('checkReportCompleteness', () => {
  const text =
    '一、主要举措和成效' +
    '我镇坚持依法行政，取得明显成效。'.repeat(3) +
    '二、存在的不足' +
    '执法人员业务水平有待提高。'.repeat(2) +
    '三、下一年度安排';

  it('names the required parts a parsed report lacks or leaves empty', () => {
    const a = text.indexOf('一、');
    const b = text.indexOf('二、');
    const c = text.indexOf('三、');
    const result = checkReportCompleteness(
      [
        { kind: 'achievements', heading: '一、主要举措和成效', start: a, end: b },
        { kind: 'problems', heading: '二、存在的不足', start: b, end: c },
        { kind: 'plans', heading: '三、下一年度安排', start: c, end: text.length },
      ],
      text,
    );
    expect(result.complete).toBe(false);
    expect(result.missing).toEqual([
      '党政主要负责人履行推进法治建设第一责任人职责情况',
      '下一年度主要安排',
      '其他需要报告的情况',
    ]);
    expect(result.parts.find((part) => part.key === 'plans')).toMatchObject({ present: true, empty: true });
    expect(result.parts.find((part) => part.key === 'leadership')).toMatchObject({ present: false });
  });
});

describe('checkDraftCompleteness', () => {
  const filled = (key: DraftSection['key']) => ({
    key,
    paragraphs: [{ id: 'x', style: 'body' as const, text: '内容', sourceTaskIds: [], sourceItemIds: [] }],
  });

  it('counts placeholder-only parts as empty until the office edits them', () => {
    const placeholder: DraftParagraph = {
      id: 'leadership:placeholder',
      style: 'body',
      text: '【待补充】',
      sourceTaskIds: [],
      sourceItemIds: [],
      placeholder: true,
    };
    const sections: Pick<DraftSection, 'key' | 'paragraphs'>[] = [
      filled('achievements'),
      filled('shortcomings'),
      { key: 'leadership' as const, paragraphs: [placeholder] },
      filled('plans'),
      filled('other'),
    ];
    expect(checkDraftCompleteness(sections).missing).toEqual([
      '党政主要负责人履行推进法治建设第一责任人职责情况',
    ]);
    sections[2] = {
      key: 'leadership',
      paragraphs: [{ ...placeholder, text: '镇党委书记带头学法', edited: true }],
    };
    expect(checkDraftCompleteness(sections)).toMatchObject({ complete: true, missing: [] });
  });
});
