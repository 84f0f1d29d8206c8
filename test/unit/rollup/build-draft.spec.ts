import { buildDraft } from '../../../src/rollup/build-draft';
import { Draft } from '../../../src/rollup/draft-types';
import { sampleInput, task } from './draft-fixtures';

function section(draft: Draft, key: string) {
  return draft.sections.find((candidate) => candidate.key === key)!;
}

function texts(draft: Draft, key: string): string[] {
  return section(draft, key).paragraphs.map((paragraph) => paragraph.text);
}

describe('buildDraft', () => {
  it('has the five required parts in order, titled from the template', () => {
    const draft = buildDraft(sampleInput());
    expect(draft.title).toBe('鲁山县张良镇人民政府关于2025年法治政府建设情况的报告');
    expect(draft.sections.map((s) => s.heading)).toEqual([
      '主要举措和成效',
      '存在的不足和原因',
      '党政主要负责人履行推进法治建设第一责任人职责情况',
      '下一年度主要安排',
      '其他需要报告的情况',
    ]);
  });

  it('counts planned, completed, on-time and overdue tasks, ignoring cancelled ones', () => {
    const draft = buildDraft(sampleInput());
    expect(draft.counts).toEqual({ planned: 6, completed: 3, onTime: 2, overdue: 2 });
    expect(texts(draft, 'achievements')[0]).toBe(
      '2025年共承接整改和工作任务6项，已完成3项，其中按期完成2项，逾期未完成2项。',
    );
  });

  it('writes completed plan tasks under their plan headings from their outcome texts', () => {
    const paragraphs = section(buildDraft(sampleInput()), 'achievements').paragraphs;
    const headingIndex = paragraphs.findIndex(
      (p) => p.style === 'subheading' && p.text.endsWith('深入贯彻习近平法治思想'),
    );
    expect(headingIndex).toBeGreaterThan(0);
    expect(paragraphs[headingIndex + 1]).toMatchObject({
      id: 'achievements:t1',
      text: '全年开展专题学习12次。',
      sourceTaskIds: ['t1'],
      sourceItemIds: ['item-t1'],
    });
    expect(paragraphs.map((p) => p.text).join('\n')).not.toContain('全面开展依法行政工作');
  });

  it('groups deeper plan items under their innermost heading', () => {
    const tasks = [
      task({
        id: 'a',
        title: '开展宪法宣传周',
        status: 'completed',
        outcome: '宣传周覆盖全镇。',
        headingPath: ['初步安排', '全面普及法律知识'],
      }),
      task({
        id: 'b',
        title: '开展民法典宣传',
        status: 'completed',
        outcome: '民法典进村入户。',
        headingPath: ['初步安排', '全面普及法律知识'],
      }),
    ];
    const paragraphs = section(
      buildDraft(sampleInput({ tasks, previousProblems: [] })),
      'achievements',
    ).paragraphs;
    expect(paragraphs.slice(1).map((p) => p.text)).toEqual([
      '（一）全面普及法律知识',
      '宣传周覆盖全镇。',
      '民法典进村入户。',
    ]);
  });

  it('reports each previous problem with its measures: outcomes of completed ones, honest status of the rest', () => {
    const draft = buildDraft(sampleInput());
    const [p1, p2] = section(draft, 'achievements').paragraphs.filter((p) =>
      p.id.startsWith('rectification:'),
    );
    expect(p1.text).toBe('针对“执法人员业务水平有待提高”的问题，加大对执法人员的培训力度，组织执法培训4期。');
    expect(p1.sourceItemIds).toEqual(['p1', 'm1']);
    expect(p2.text).toBe(
      '针对“领导干部和执法人员的法治意识有待提高”的问题，开展领导干部学法活动，未完成：尚未提交进展。',
    );
    const onSchedule = buildDraft(sampleInput({ asOf: '2025-01-15' }));
    expect(
      section(onSchedule, 'achievements').paragraphs.find((p) => p.id === 'rectification:p2')!.text,
    ).toContain('开展领导干部学法活动，序时推进');
  });

  it('lists unfinished tasks as shortcomings with the latest note as the reason, and carries them into next year', () => {
    const draft = buildDraft(sampleInput());
    expect(texts(draft, 'shortcomings')).toEqual(
      expect.arrayContaining([
        '全面开展依法行政工作尚未完成，目前序时推进。',
        '加强对行政执法工作的领导已超过完成时限（2025-09-30）仍未完成，原因：人员调整，培训推迟。',
      ]),
    );
    expect(texts(draft, 'plans')).toContain('继续推进全面开展依法行政工作，确保2026年内完成。');
  });

  it('flags a previous problem that appeared in an earlier yearly report as recurring', () => {
    const earlierYearsProblems = [
      { itemId: 'old1', reportYear: 2023, title: '执法人员的业务水平还有待提高', text: '' },
      { itemId: 'old2', reportYear: 2023, title: '信息公开不及时', text: '' },
    ];
    const draft = buildDraft(sampleInput({ earlierYearsProblems }));
    const recurring = section(draft, 'shortcomings').paragraphs.filter((p) => p.recurring);
    expect(recurring).toHaveLength(1);
    expect(recurring[0]).toMatchObject({ id: 'recurring:p1', sourceItemIds: ['p1', 'old1'] });
    expect(recurring[0].text).toContain('2023、2024年度报告中均有反映');
  });

  it('is deterministic whatever the order of its input tasks', () => {
    const input = sampleInput();
    const reversed = sampleInput({ tasks: [...input.tasks].reverse() });
    expect(buildDraft(reversed)).toEqual(buildDraft(input));
  });

  it('lists its sources and says which parts tasks cannot fill', () => {
    const draft = buildDraft(sampleInput());
    expect(draft.sources.map((s) => s.taskId).sort()).toEqual(['r1', 'r2', 't1', 't2', 't3', 't4']);
    expect(draft.completeness.missing).toEqual([
      '党政主要负责人履行推进法治建设第一责任人职责情况',
      '其他需要报告的情况',
    ]);
  });
});

describe('buildDraft with rectification tasks no problem claims', () => {
  it('still reports them, after the per-problem paragraphs', () => {
    const input = sampleInput();
    const extra = task({
      id: 'r3',
      reportItemId: 'm9',
      kind: 'rectification',
      title: '完善执法证管理',
      status: 'completed',
      outcome: '新增持证人员5名。',
    });
    const paragraphs = section(
      buildDraft({ ...input, tasks: [...input.tasks, extra] }),
      'achievements',
    ).paragraphs;
    expect(paragraphs.find((p) => p.id === 'rectification:other')).toMatchObject({
      text: '此外，完善执法证管理，新增持证人员5名。',
      sourceTaskIds: ['r3'],
    });
  });
});
