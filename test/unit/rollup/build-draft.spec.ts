import { buildDraft } from '../../../src/rollup/build-draft';
import { Draft, DraftParagraph } from '../../../src/rollup/draft-types';
import { done, entry, sampleInput, task } from './draft-fixtures';

function section(draft: Draft, key: string) {
  return draft.sections.find((candidate) => candidate.key === key)!;
}

function texts(draft: Draft, key: string): string[] {
  return section(draft, key).paragraphs.map((paragraph) => paragraph.text);
}

function byId(draft: Draft, id: string): DraftParagraph {
  const found = [...draft.preamble, ...draft.sections.flatMap((s) => s.paragraphs), ...draft.closing].find(
    (paragraph) => paragraph.id === id,
  );
  if (!found) throw new Error(`no paragraph ${id}`);
  return found;
}

describe('buildDraft: the shape of a report', () => {
  it('has the title with the full organization name, 主送机关, an opening, the five parts in order, 落款 and date', () => {
    const draft = buildDraft(sampleInput());
    expect(draft.title).toBe('鲁山县张良镇人民政府关于2025年法治政府建设情况的报告');
    expect(draft.preamble.map((p) => p.style)).toEqual(['addressee', 'body']);
    expect(draft.preamble[0].text).toBe('县委全面依法治县委员会办公室：');
    expect(draft.preamble[1].text).toMatch(
      /^2025年，张良镇在县委、县政府的坚强领导下.*现将2025年度法治政府建设工作情况报告如下：$/,
    );
    expect(draft.sections.map((s) => s.heading)).toEqual([
      '2025年度推进法治政府建设的主要举措和成效',
      '2025年度推进法治政府建设存在的不足和原因',
      '2025年度党政主要负责人履行推进法治建设第一责任人职责情况',
      '2026年度推进法治政府建设的主要安排',
      '其他需要报告的情况',
    ]);
    expect(draft.closing.map((p) => [p.style, p.text])).toEqual([
      ['signature', '鲁山县张良镇人民政府'],
      ['date', '2026年1月10日'],
    ]);
  });

  it('addresses the 主送机关 the organization configured', () => {
    const draft = buildDraft(sampleInput({ addressee: '市委全面依法治市委员会办公室：' }));
    expect(draft.preamble[0].text).toBe('市委全面依法治市委员会办公室：');
  });

  it('prints every date in Chinese form, never as YYYY-MM-DD', () => {
    const draft = buildDraft(sampleInput());
    const all = [...draft.preamble, ...draft.sections.flatMap((s) => s.paragraphs), ...draft.closing];
    for (const paragraph of all) expect(paragraph.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(byId(draft, 'achievements:overview').text).toContain('截至2025年12月31日');
  });

  it('is deterministic whatever the order of its inputs', () => {
    const input = sampleInput();
    const shuffled = sampleInput({
      tasks: [...input.tasks].reverse(),
      entries: [...input.entries].reverse(),
    });
    expect(buildDraft(shuffled)).toEqual(buildDraft(input));
  });
});

describe('buildDraft: counts as of a date', () => {
  it('counts work awaiting 核验 as completed and an extended task done before its new deadline as on time', () => {
    const draft = buildDraft(sampleInput());
    // t1 on time, t2 after an approved extension, t3 awaiting 核验, r1 on time; t4, t5, r2 overdue; c1 cancelled.
    expect(draft.counts).toEqual({ planned: 7, completed: 4, onTime: 4, overdue: 3 });
    expect(byId(draft, 'achievements:overview').text).toBe(
      '2025年，我镇对照2024年度法治政府建设情况报告提出的整改措施和工作安排，逐项明确责任单位和完成时限，共确定重点工作7项。截至2025年12月31日，已完成4项（含已完成、待核验的1项），其中按期完成4项；逾期未完成3项。',
    );
  });

  it('does not count work done after the date the draft is as of, and calls no deadline after that date missed', () => {
    const draft = buildDraft(sampleInput({ asOf: '2025-07-31' }));
    // t2 was done on 20 September, t3 on 20 December; only r2 (due 31 March) was overdue on 31 July.
    expect(draft.counts).toEqual({ planned: 7, completed: 2, onTime: 2, overdue: 1 });
    expect(byId(draft, 'achievements:overview').text).toContain('其余4项正按计划推进');
  });

  it('calls a task done after its deadline in force completed but not on time', () => {
    const late = done({
      id: 'late',
      title: '完善合法性审查机制',
      outcome: '出台合法性审查工作规程',
      completedOn: '2025-10-15',
      deadline: '2025-09-30',
    });
    const draft = buildDraft(sampleInput({ tasks: [late] }));
    expect(draft.counts).toEqual({ planned: 1, completed: 1, onTime: 0, overdue: 0 });
    expect(
      draft.sections
        .flatMap((s) => s.paragraphs)
        .map((p) => p.text)
        .join(''),
    ).toContain('于2025年10月15日完成，晚于原定时限');
  });
});

describe('buildDraft: last year’s problems', () => {
  it('gives each problem exactly one paragraph: what its measures achieved, then what remains and why', () => {
    const draft = buildDraft(sampleInput());
    const all = draft.sections.flatMap((s) => s.paragraphs);
    for (const problem of ['p1', 'p2'])
      expect(all.filter((p) => p.sourceItemIds.includes(problem)).map((p) => p.id)).toEqual([
        `rectification:${problem}`,
      ]);
    expect(byId(draft, 'rectification:p1').text).toBe(
      '针对执法人员业务水平有待提高的问题，加大对执法人员的培训力度，组织执法人员培训4期，新增持证执法人员6名。',
    );
    expect(byId(draft, 'rectification:p2').text).toBe(
      '针对领导干部和执法人员的法治意识有待提高的问题，开展领导干部学法活动未能按期完成，主要原因是学法计划调整。',
    );
  });

  it('names the problem once, a long title by a short topic, and does not glue a verb onto it', () => {
    const longTitle = '对习近平总书记全面依法治国新理念新思想新战略专题学习还需要进一步加强';
    const draft = buildDraft(
      sampleInput({
        previousProblems: [{ itemId: 'p9', title: longTitle, text: longTitle, measureItemIds: [] }],
        tasks: [
          task({
            id: 'own',
            reportItemId: 'p9',
            kind: 'rectification',
            itemKind: 'problem',
            title: longTitle,
          }),
        ],
        asOf: '2025-06-30',
      }),
    );
    const text = byId(draft, 'rectification:p9').text;
    expect(text).toBe(
      '针对习近平总书记全面依法治国新理念新思想新战略专题学习方面存在的问题，目前，整改工作正按计划推进，将于2025年12月31日前完成。',
    );
    expect(text).not.toContain(longTitle);
    const plan = texts(draft, 'plans').join('');
    expect(plan).toContain('持续推进“习近平总书记全面依法治国新理念新思想新战略专题学习”问题整改');
  });

  it('says where a measure finished after an approved extension that it finished on time', () => {
    const extended = done({
      id: 'rx',
      reportItemId: 'm1',
      kind: 'rectification',
      itemKind: 'measure',
      title: '加大对执法人员的培训力度',
      outcome: '组织执法人员培训4期',
      completedOn: '2025-08-20',
      originalDeadline: '2025-06-30',
      deadline: '2025-09-30',
      extensions: [{ deadline: '2025-09-30', reason: '培训师资未落实', approvedOn: '2025-06-25' }],
    });
    const draft = buildDraft(sampleInput({ tasks: [extended] }));
    expect(byId(draft, 'rectification:p1').text).toContain(
      '组织执法人员培训4期，经批准延期至2025年9月30日，按期完成',
    );
    expect(draft.counts.onTime).toBe(1);
  });

  it('never uses a progress note as the reason: without the year-end 未完成原因 the reason is left to write', () => {
    const overdue = task({
      id: 'r2',
      reportItemId: 'm2',
      kind: 'rectification',
      itemKind: 'measure',
      title: '开展领导干部学法活动',
      deadline: '2025-03-31',
    });
    const draft = buildDraft(sampleInput({ tasks: [overdue] }));
    expect(byId(draft, 'rectification:p2').text).toBe(
      '针对领导干部和执法人员的法治意识有待提高的问题，开展领导干部学法活动未能按期完成，主要原因是【待补充：未完成原因】。',
    );
  });

  it('says a problem recurs, inside its one paragraph, when an earlier report named it too', () => {
    const draft = buildDraft(
      sampleInput({
        earlierYearsProblems: [
          { itemId: 'old1', reportYear: 2023, title: '执法人员的业务水平还有待提高', text: '' },
          { itemId: 'old2', reportYear: 2023, title: '信息公开不及时', text: '' },
        ],
      }),
    );
    const paragraph = byId(draft, 'rectification:p1');
    expect(paragraph.recurring).toBe(true);
    expect(paragraph.sourceItemIds).toEqual(expect.arrayContaining(['p1', 'old1']));
    expect(paragraph.text).toContain('该问题在2023、2024年度报告中均有反映');
    expect(byId(draft, 'rectification:p2').recurring).toBeUndefined();
  });
});

describe('buildDraft: 主要举措和成效 by category', () => {
  it('gives each category with recorded work one subheading, its entries and done plans merged in date order', () => {
    const draft = buildDraft(sampleInput());
    const paragraphs = section(draft, 'achievements').paragraphs;
    expect(paragraphs.filter((p) => p.style === 'subheading').map((p) => p.text)).toEqual([
      '（一）扎实推进上年度问题整改',
      '（二）依法全面履行政府职能',
      '（三）矛盾纠纷预防化解',
      '（四）法治宣传教育',
    ]);
    const publicity = paragraphs[paragraphs.findIndex((p) => p.text === '（四）法治宣传教育') + 1];
    expect(publicity.text).toBe(
      '3月，开展法治讲座12场，覆盖群众1500余人。组织“法律明白人”培训2次，参训180人次。全面普及法律知识，开展普法宣传活动30场，发放资料5000余份，经批准延期至2025年9月30日，按期完成。',
    );
    expect(publicity.sourceEntryIds).toEqual(['e1', 'e2']);
    expect(publicity.sourceTaskIds).toEqual(['t2']);
  });

  it('says work handed in but not yet approved is 已完成、待核验', () => {
    const draft = buildDraft(sampleInput());
    expect(byId(draft, 'achievements:functions:t3').text).toBe(
      '全面开展依法行政工作，梳理公布镇级权责清单81项，已完成、待核验。',
    );
  });

  it('opens an entry with its month when the month changes', () => {
    const draft = buildDraft(
      sampleInput({
        entries: [
          entry({ id: 'a', date: '2025-03-01', text: '甲' }),
          entry({ id: 'b', date: '2025-03-09', text: '乙' }),
          entry({ id: 'c', date: '2025-11-02', text: '丙' }),
        ],
        tasks: [],
        previousProblems: [],
      }),
    );
    expect(texts(draft, 'achievements')).toEqual(['（一）法治宣传教育', '3月，甲。乙。11月，丙。']);
  });

  it('writes a 待补充 note only when nothing at all was recorded for the part', () => {
    const draft = buildDraft(sampleInput({ tasks: [], entries: [], previousProblems: [] }));
    expect(section(draft, 'achievements').paragraphs).toEqual([
      expect.objectContaining({ id: 'achievements:placeholder', placeholder: true }),
    ]);
  });
});

describe('buildDraft: 存在的不足和原因', () => {
  it('lists unfinished work no problem paragraph reports, with its 未完成原因, then problems found in the year', () => {
    const draft = buildDraft(sampleInput());
    expect(texts(draft, 'shortcomings')).toEqual([
      '一年来，我镇法治政府建设工作虽然取得了一定成效，但对照上级要求和人民群众期待，仍存在一些不足。',
      '（一）部分工作未能按期完成。加强对行政执法工作的领导，原定于2025年9月30日前完成，目前尚未完成，主要原因是综合行政执法队人员调整，集中培训推迟。',
      '全面落实政务信息公开，原定于2025年11月30日前完成，目前尚未完成，主要原因是【待补充：未完成原因】。',
      '（二）部分行政执法案卷文书填写不规范。主要原因是新任执法人员业务培训不够系统。',
    ]);
  });

  it('takes problems recorded as tasks too, each with its cause or a note to write one', () => {
    const draft = buildDraft(
      sampleInput({
        tasks: [],
        entries: [],
        newProblems: [
          {
            id: 'n1',
            title: '村级法律顾问作用发挥不充分',
            cause: null,
            foundOn: '2025-08-01',
            sourceTaskIds: ['x'],
          },
        ],
      }),
    );
    expect(texts(draft, 'shortcomings').slice(1)).toEqual([
      '（一）村级法律顾问作用发挥不充分。【待补充：原因】',
    ]);
    expect(byId(draft, 'shortcomings:problem:n1').sourceTaskIds).toEqual(['x']);
  });
});

describe('buildDraft: 第一责任人 and 其他', () => {
  it('fills the 第一责任人 part from its log category and the plans that belong there', () => {
    const draft = buildDraft(sampleInput());
    expect(texts(draft, 'leadership')).toEqual([
      '张良镇党政主要负责人认真履行推进法治建设第一责任人职责，把法治政府建设摆在全局工作的重要位置，做到重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要案件亲自督办。',
      '4月，镇党委书记带头讲授法治课1次。深入贯彻习近平法治思想，全年开展党委理论学习中心组专题学法12次。',
    ]);
    expect(draft.completeness.missing).toEqual(['其他需要报告的情况']);
  });

  it('shows a 待补充 note where nothing was recorded, and fills 其他 from its category', () => {
    const empty = buildDraft(sampleInput({ entries: [], tasks: [] }));
    expect(section(empty, 'leadership').paragraphs).toEqual([
      expect.objectContaining({ id: 'leadership:placeholder', placeholder: true }),
    ]);
    expect(texts(empty, 'leadership')[0]).toContain('“党政主要负责人履行第一责任人职责”类别');
    const other = buildDraft(
      sampleInput({
        entries: [entry({ id: 'o1', date: '2025-12-01', category: 'other', text: '无其他需要报告的情况' })],
      }),
    );
    expect(texts(other, 'other')).toEqual(['12月，无其他需要报告的情况。']);
  });
});

describe('buildDraft: 下一年度主要安排', () => {
  it('numbers the leader’s plans （一）… and the carried work 1. 2. … phrased as work with its new deadline', () => {
    const draft = buildDraft(
      sampleInput({
        leaderPlans: [
          { id: 'l1', title: '着力提升依法行政水平', text: '深入推进行政执法“三项制度”落实。' },
          { id: 'l2', title: '着力营造浓厚法治氛围', text: '围绕群众关心的热点难点开展精准普法。' },
        ],
      }),
    );
    expect(texts(draft, 'plans')).toEqual([
      '（一）着力提升依法行政水平。深入推进行政执法“三项制度”落实。',
      '（二）着力营造浓厚法治氛围。围绕群众关心的热点难点开展精准普法。',
      '（三）抓好未完成事项的跟踪落实',
      '1.继续全面落实政务信息公开。【待补充：下一步措施和完成时限】',
      '2.继续开展领导干部学法活动。力争于2026年3月31日前完成。',
      '3.继续加强对行政执法工作的领导。配齐执法队人员并完成轮训，力争于2026年6月30日前完成。',
    ]);
  });

  it('asks for the plans when the leader has written none', () => {
    const draft = buildDraft(sampleInput());
    expect(section(draft, 'plans').paragraphs[0]).toMatchObject({
      id: 'plans:placeholder',
      placeholder: true,
    });
  });

  it('phrases a carried problem as its rectification to go on with, by the deadline the leader set', () => {
    const carried = task({
      id: 'cp',
      reportItemId: 'p1',
      kind: 'rectification',
      itemKind: 'problem',
      title: '执法人员业务水平有待提高',
      deadline: '2025-10-31',
      carryOver: { reason: '培训经费未落实', nextStep: null, deadline: '2026-06-30' },
    });
    const draft = buildDraft(sampleInput({ tasks: [carried] }));
    expect(texts(draft, 'plans')).toContain(
      '1.持续推进“执法人员业务水平有待提高”问题整改。力争于2026年6月30日前完成。',
    );
  });
});
