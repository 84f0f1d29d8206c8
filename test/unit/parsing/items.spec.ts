import { parseReport, ParseResult } from '../../../src/parsing';
import { findEnumerations } from '../../../src/parsing/enumerations';

const points = (text: string) =>
  findEnumerations(text, 0, text.length).map((chain) => chain.points.map((p) => text.slice(p.start, p.end)));
const kindsAndTitles = (result: ParseResult) => result.items.map((item) => [item.kind, item.title]);

describe('inline enumerations', () => {
  test('一是……二是…… points end where the next one starts, the last with its paragraph', () => {
    expect(points('存在不足：一是甲不够。二是乙不强；三是丙较弱。\n下一段')).toEqual([
      ['一是甲不够。', '二是乙不强；', '三是丙较弱。'],
    ]);
  });

  test('首先/其次/再次/最后 and 第一，第二，', () => {
    expect(points('首先，加强甲。其次，推进乙。再次，完善丙。最后，落实丁。')).toEqual([
      ['首先，加强甲。', '其次，推进乙。', '再次，完善丙。', '最后，落实丁。'],
    ]);
    expect(points('第一，甲。第二，乙。')).toEqual([['第一，甲。', '第二，乙。']]);
  });

  test('（1）（2）, ①②, 一方面/另一方面', () => {
    expect(points('主要有：（1）甲；（2）乙。')).toEqual([['（1）甲；', '（2）乙。']]);
    expect(points('①甲；②乙')).toEqual([['①甲；', '②乙']]);
    expect(points('一方面，甲；另一方面，乙。')).toEqual([['一方面，甲；', '另一方面，乙。']]);
  });

  test('an enumeration nested in a point stays in that point', () => {
    expect(points('一是甲，包括①子一②子二。二是乙。')).toEqual([['一是甲，包括①子一②子二。', '二是乙。']]);
  });

  test('a second list restarting at 一是 is a list of its own', () => {
    expect(points('一是甲。二是乙。究其原因，一是丙；二是丁。')).toEqual([
      ['一是甲。', '二是乙。究其原因，'],
      ['一是丙；', '二是丁。'],
    ]);
  });

  test('words that only look like markers are not enumerations', () => {
    expect(points('统一是前提，唯一要求是打通最后一公里。')).toEqual([]);
  });
});

describe('items', () => {
  test('an achievements section with 一是/二是 and the leadership section yield no items', () => {
    const result = parseReport(
      '一、主要举措和成效\n一是加强学习。二是规范执法。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n一是带头学法。二是亲自部署。',
    );
    expect(result.items).toEqual([]);
    expect(result.sections.map((s) => s.kind)).toEqual(['achievements', 'leadership']);
  });

  test('a combined section splits into problems, causes and measures without the sub-labels', () => {
    const result = parseReport(
      '三、存在的不足、原因和问题整改情况\n不足：一是执法力量薄弱。二是普法不够深入。\n原因：一是编制不足。\n整改情况：一是充实执法队伍。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['problem', '执法力量薄弱'],
      ['problem', '普法不够深入'],
      ['cause', '编制不足'],
      ['measure', '充实执法队伍'],
    ]);
    expect(result.items[0].text).toBe('一是执法力量薄弱。');
  });

  test('an unnumbered problems paragraph splits at ；, drops its lead-in and its closing', () => {
    const result = parseReport(
      '六、存在的问题\n一年来工作取得了一些成绩，但也存在一些问题和不足，主要是学法不够深入；执法力量薄弱；群众法治意识有待提高。针对上述问题，我镇将在今后工作中加以解决。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['problem', '学法不够深入'],
      ['problem', '执法力量薄弱'],
      ['problem', '群众法治意识有待提高'],
    ]);
  });

  test('sentences explaining a problem stay with it; a sentence stating another problem starts a new item', () => {
    const result = parseReport(
      '二、存在的问题\n执法队伍力量不足。目前全镇仅有执法人员3名。普法形式较为单一。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['problem', '执法队伍力量不足'],
      ['problem', '普法形式较为单一'],
    ]);
    expect(result.items[0].text).toBe('执法队伍力量不足。目前全镇仅有执法人员3名。');
  });

  test('causes phrased as 究其原因 inside a problems section become causes', () => {
    const result = parseReport(
      '二、存在的问题\n1.执法不规范。\n2.普法不深入。\n究其原因，一是培训不足；二是经费偏少。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['problem', '执法不规范'],
      ['problem', '普法不深入'],
      ['cause', '培训不足'],
      ['cause', '经费偏少'],
    ]);
  });

  test('plans as headings with body text: one item per heading, titled by the heading', () => {
    const result = parseReport(
      '四、下一步工作打算\n（一）提高依法决策水平\n一是落实集体讨论制度；二是推行合法性审查前置。\n（二）加强执法规范化建设\n开展执法文书专项整治。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['plan', '提高依法决策水平'],
      ['plan', '加强执法规范化建设'],
    ]);
    expect(result.items[0].headingPath).toEqual(['下一步工作打算']);
  });

  test('plans grouped under sub-headings are the numbered points, with the group heading in headingPath', () => {
    const result = parseReport(
      '三、2025年工作计划\n（一）深化普法\n1.实施精准普法。\n2.建设法治阵地。\n（二）规范执法\n1.推广移动执法。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['plan', '实施精准普法'],
      ['plan', '建设法治阵地'],
      ['plan', '推广移动执法'],
    ]);
    expect(result.items[2].headingPath).toEqual(['2025年工作计划', '规范执法']);
  });

  test('an enumerated item with a heading-like first sentence is titled by it, without the marker', () => {
    const result = parseReport(
      '四、2025年度推进法治政府建设的初步安排\n1.加强领导，全面履行政府职能。正文第一句。正文第二句。',
    );
    expect(result.items[0].title).toBe('加强领导，全面履行政府职能');
    expect(result.items[0].text).toBe('1.加强领导，全面履行政府职能。正文第一句。正文第二句。');
  });

  test('an empty subsection yields no item', () => {
    const result = parseReport(
      '三、存在的问题和整改情况\n（一）存在的问题\n1.执法力量不足。\n（二）上年度问题整改情况\n无。\n四、其他需要报告的情况\n无',
    );
    expect(kindsAndTitles(result)).toEqual([['problem', '执法力量不足']]);
  });

  test('the closing paragraph and the signature are not part of the last plan', () => {
    const result = parseReport(
      '五、下一步工作打算\n（一）加强普法。正文。\n（二）规范执法。正文。\n新的一年，我镇将奋力推动法治政府建设再上新台阶。\n特此报告。\n某某镇人民政府\n2025年1月5日',
    );
    expect(result.items.map((item) => item.text)).toEqual([
      '（一）加强普法。正文。',
      '（二）规范执法。正文。',
    ]);
  });

  test('a problems-and-plans section switches to plans at 下一步', () => {
    const result = parseReport(
      '二、存在的问题及下一步打算\n还存在一些差距：一是甲不够规范；二是乙不够深入。\n下一步，我镇将重点做好以下工作：一是规范甲；二是深化乙。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['problem', '甲不够规范'],
      ['problem', '乙不够深入'],
      ['plan', '规范甲'],
      ['plan', '深化乙'],
    ]);
  });

  test('sub-sections about problems inside an achievements part still give items', () => {
    const result = parseReport('一、工作开展情况\n（一）加强学习。正文。\n（二）存在的问题\n1.学法不深入。');
    expect(kindsAndTitles(result)).toEqual([['problem', '学法不深入']]);
  });

  test('a problem heading that only names an area lists its problems as items', () => {
    const result = parseReport(
      '二、存在问题\n（一）思想认识方面。一是部分干部认为法治建设是软任务；二是学法主动性不强。\n（二）执法力量薄弱。一是人员少；二是装备差。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['problem', '部分干部认为法治建设是软任务'],
      ['problem', '学法主动性不强'],
      ['problem', '执法力量薄弱'],
    ]);
    expect(result.items[0].headingPath).toEqual(['存在问题', '思想认识方面']);
  });

  test('the opening sentence of an unnumbered plans paragraph is not a plan', () => {
    const result = parseReport(
      '三、下一步打算\n2024年，我镇将继续以习近平法治思想为指导，全面推进法治政府建设。加强干部学法用法。充实执法队伍，年底前新增执法人员2名。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['plan', '加强干部学法用法'],
      ['plan', '充实执法队伍，年底前新增执法人员2名'],
    ]);
    expect(result.items[1].suggestedDeadline).toBe('2025-12-31');
  });

  test('a part about work done and its problems gives items only for the problems it labels', () => {
    const result = parseReport(
      '一、2023年工作开展情况及存在问题\n（一）加强学习。一是集中学法。二是旁听庭审。\n存在问题：一是学法不够深入。\n二、下一步打算\n（一）深化学法。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['problem', '学法不够深入'],
      ['plan', '深化学法'],
    ]);
  });
});

describe('styles of problems and plans seen in county and street reports', () => {
  test('unnumbered heading lines each with a body paragraph are one plan each, the closing stays out', () => {
    const result = parseReport(
      '一、存在的问题\n执法力量不足。\n二、下步工作打算\n健全法治建设工作机制\n开展以案释法。\n创新普法宣传方式。\n依托社区新时代文明实践站，开展以案释法。\n特此报告。\n某某街道办事处',
    );
    const plans = result.items.filter((item) => item.kind === 'plan');
    expect(plans.map((item) => item.title)).toEqual(['健全法治建设工作机制', '创新普法宣传方式']);
    expect(plans.map((item) => item.text)).toEqual([
      '健全法治建设工作机制\n开展以案释法。',
      '创新普法宣传方式。\n依托社区新时代文明实践站，开展以案释法。',
    ]);
  });

  test('short sentences each on a line of their own stay separate plans', () => {
    const result = parseReport(
      '一、下一步工作思路\n加强法治乡村建设。\n健全矛盾纠纷多元化解机制。\n深化法治宣传教育',
    );
    expect(result.items.map((item) => item.text)).toEqual([
      '加强法治乡村建设。',
      '健全矛盾纠纷多元化解机制。',
      '深化法治宣传教育',
    ]);
  });

  test('paragraphs that each open with a short title sentence are one problem each; one paragraph of short problems is split', () => {
    const titled = parseReport(
      '一、问题与不足\n法治意识有待增强。部分干部学法不够，习惯于凭经验办事。\n执法力量较为薄弱。执法队仅有5人，难以满足需要。',
    );
    expect(titled.items.map((item) => item.title)).toEqual(['法治意识有待增强', '执法力量较为薄弱']);
    const listed = parseReport('一、问题与不足\n一些干部法治意识不强。执法力量比较薄弱。普法形式较为单一。');
    expect(listed.items.map((item) => item.title)).toEqual([
      '一些干部法治意识不强',
      '执法力量比较薄弱',
      '普法形式较为单一',
    ]);
  });

  test('究其原因 inside a numbered problem point becomes a cause item of its own', () => {
    const result = parseReport(
      '一、问题与不足\n1.执法力量不相适应。执法队仅有4人。究其原因，是人员编制有限。\n2.服务供给不足。群众获取服务不便捷。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['problem', '执法力量不相适应'],
      ['cause', '人员编制有限'],
      ['problem', '服务供给不足'],
    ]);
    expect(result.items[0].text).toBe('1.执法力量不相适应。执法队仅有4人。');
  });

  test('a ；-clause of a 主要表现在 list that ends with 存在差距 is a point, not a lead-in', () => {
    const result = parseReport(
      '一、存在的问题\n主要表现在：普法实效不强；村级依法办事意识薄弱；执法能力与执法需求存在差距。',
    );
    expect(result.items.map((item) => item.title)).toEqual([
      '普法实效不强',
      '村级依法办事意识薄弱',
      '执法能力与执法需求存在差距',
    ]);
  });

  test('a closing after the last numbered plan is not glued into it', () => {
    const result = parseReport(
      '一、2024年度工作安排\n（一）强化依法决策。\n（二）规范执法行为。\n以上报告，请审阅。',
    );
    expect(result.items.map((item) => item.text)).toEqual(['（一）强化依法决策。', '（二）规范执法行为。']);
  });
});

describe('layouts of department, township and district reports', () => {
  const titlesOf = (text: string, kind: string) =>
    parseReport(text)
      .items.filter((item) => item.kind === kind)
      .map((item) => item.title);

  test('问题一： blocks are one problem each, with their own 原因： and 整改措施：', () => {
    const result = parseReport(
      '一、存在的问题、原因及整改措施\n问题一：执法力量薄弱。全县9个乡镇只有兼职人员，难以适应工作要求。\n原因：编制不足。\n整改措施：一是争取编制；二是集中轮训。\n问题二：信息化水平不高。移动执法终端配备不足，数据仍以人工录入为主。\n原因：资金投入有限。\n整改措施：新购置执法终端20台。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['problem', '执法力量薄弱'],
      ['cause', '编制不足'],
      ['measure', '争取编制'],
      ['measure', '集中轮训'],
      ['problem', '信息化水平不高'],
      ['cause', '资金投入有限'],
      ['measure', '新购置执法终端20台'],
    ]);
  });

  test('points numbered 1. 2. 3. on one line are one item each', () => {
    expect(
      titlesOf(
        '一、存在的问题\n执法力量不足。\n二、2025年工作打算\n1.充实基层法治力量；2.提升执法能力；3.创新普法方式。',
        'plan',
      ),
    ).toEqual(['充实基层法治力量', '提升执法能力', '创新普法方式']);
    expect(titlesOf('一、存在的问题\n（一）法治意识不强；（二）执法力量薄弱。', 'problem')).toEqual([
      '法治意识不强',
      '执法力量薄弱',
    ]);
  });

  test('a list right after its heading on the same line, after a blank or a section label, belongs to that section', () => {
    expect(
      titlesOf(
        '一、问题和差距 一是法治意识不强；二是执法力量薄弱。\n二、下步打算 1.加强学法；2.充实力量。',
        'problem',
      ),
    ).toEqual(['法治意识不强', '执法力量薄弱']);
    expect(
      titlesOf(
        '一、问题和差距 一是法治意识不强；二是执法力量薄弱。\n二、下步打算 1.加强学法；2.充实力量。',
        'plan',
      ),
    ).toEqual(['加强学法', '充实力量']);
    expect(titlesOf('一、存在的问题一是法治意识不强；二是执法力量薄弱。', 'problem')).toEqual([
      '法治意识不强',
      '执法力量薄弱',
    ]);
  });

  test('in a part on problems and plans, a paragraph on what the next year will do switches to plans; one looking back does not', () => {
    const text =
      '一、存在的问题及2025年工作打算\n我镇还存在一些不足：基层法治力量薄弱；执法能力不足。\n2024年，全镇共排查纠纷426起，调处仍不及时。\n2025年，我镇将重点抓好以下工作：一是充实法治力量；二是提升执法能力。';
    expect(titlesOf(text, 'problem')).toEqual([
      '基层法治力量薄弱',
      '执法能力不足',
      '2024年，全镇共排查纠纷426起，调处仍不及时',
    ]);
    expect(titlesOf(text, 'plan')).toEqual(['充实法治力量', '提升执法能力']);
  });

  test('causes introduced by 究其根源, 从深层次看 or 这主要是由于 are causes', () => {
    for (const cue of ['究其根源，是', '从深层次看，', '这主要是由于']) {
      const result = parseReport(
        `一、存在的问题\n1.普法实效不强。形式比较单一。${cue}普法责任制落实不到位。\n2.执法力量不足。执法队仅有4人。`,
      );
      expect(result.items.map((item) => item.kind)).toEqual(['problem', 'cause', 'problem']);
    }
  });

  test('a first paragraph that only promises the measures below is no measure; a lone one still is', () => {
    const preamble = '针对上述问题，逐项制定整改方案，明确责任单位和整改时限，确保整改到位。';
    expect(
      titlesOf(
        `一、整改措施\n${preamble}\n——健全法治工作机构。积极争取编制，设立法制工作机构。\n——规范涉企执法检查。制定检查计划，推行综合查一次。`,
        'measure',
      ),
    ).toEqual(['健全法治工作机构', '规范涉企执法检查']);
    expect(titlesOf(`一、整改措施\n${preamble}`, 'measure')).toHaveLength(1);
  });

  test('the list of attachments after the report is not part of its last section', () => {
    expect(
      titlesOf(
        '一、下一步工作打算\n1.加强学法。\n2.充实力量。\n\n某某县人民政府\n2025年1月10日\n附件：1.重大行政决策事项目录\n2.行政执法数据统计表',
        'plan',
      ),
    ).toEqual(['加强学法', '充实力量']);
  });

  test('titles lose what is left of a marker: 是 of 一方面是, 要 of 一是要, 其四, dashes', () => {
    expect(titlesOf('一、存在的问题\n原因分析：一方面是投入有限；另一方面是意识不强。', 'cause')).toEqual([
      '投入有限',
      '意识不强',
    ]);
    expect(titlesOf('一、下一步工作打算\n一是要充实力量；二是要提升能力。', 'plan')).toEqual([
      '充实力量',
      '提升能力',
    ]);
    expect(
      titlesOf(
        '一、下一步工作打算\n——健全法治工作机构。积极争取编制，设立法制工作机构。\n——规范涉企执法检查。制定检查计划，推行综合查一次。',
        'plan',
      ),
    ).toEqual(['健全法治工作机构', '规范涉企执法检查']);
  });

  test('each row of a table is one item, titled by the column its header names; 责任单位 and 完成时限 feed the suggestions', () => {
    const result = parseReport(
      '某某镇2024年法治政府建设情况报告\n一、整改措施\n序号\t存在问题\t整改措施\t责任单位\t完成时限\n1\t执法力量薄弱\t增配执法人员2名\t党政办\t2025年6月\n2\t\t开展村规民约修订\t司法所\t2025年10月\n二、下一步工作打算\n1.加强学法。',
    );
    const measures = result.items.filter((item) => item.kind === 'measure');
    expect(measures.map((item) => [item.title, item.suggestedUnits[0], item.suggestedDeadline])).toEqual([
      ['增配执法人员2名', '党政办', '2025-06-30'],
      ['开展村规民约修订', '司法所', '2025-10-31'],
    ]);
    expect(measures[0].text).toBe('1\t执法力量薄弱\t增配执法人员2名\t党政办\t2025年6月');
  });

  test('a table without a header titles each row by its longest cell', () => {
    const result = parseReport(
      '一、存在的问题\n1\t执法队伍人员不足，难以满足需要\t党政办\n2\t普法宣传形式单一，实效不强\t司法所',
    );
    expect(result.items.map((item) => item.title)).toEqual([
      '执法队伍人员不足，难以满足需要',
      '普法宣传形式单一，实效不强',
    ]);
  });

  test('numbered points after a problems intro that announces measures with a colon are measures; the intro keeps its problems', () => {
    const result = parseReport(
      '一、存在的不足\n还存在一些不足：一是执法精细化水平不高；二是物业矛盾较多。针对上述问题，街道将从以下方面加以整改：\n（一）开展执法人员全员轮训。\n（二）建立物业管理联席机制。\n二、2025年工作安排\n1.加强学法。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['problem', '执法精细化水平不高'],
      ['problem', '物业矛盾较多'],
      ['measure', '开展执法人员全员轮训'],
      ['measure', '建立物业管理联席机制'],
      ['plan', '加强学法'],
    ]);
  });

  test("under a heading on a year's main work the year decides: after a 2024 report, 2025年度主要工作 holds plans", () => {
    const result = parseReport(
      '某某镇2024年法治政府建设情况报告\n一、2024年主要工作\n（一）加强学法。全年学法12次。\n二、2025年度主要工作\n（一）深化普法。\n（二）规范执法。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['plan', '深化普法'],
      ['plan', '规范执法'],
    ]);
  });

  test('a measure titled by the problem it answers is titled by what is done; a plan paragraph loses its 某某街道将 lead', () => {
    expect(
      titlesOf(
        '一、整改措施\n针对“执法人员持证率不高”的问题，组织未取得执法证的干部参加资格考试，全年新增持证人员8名。',
        'measure',
      ),
    ).toEqual(['组织未取得执法证的干部参加资格考试，全年新增持证人员8名']);
    expect(
      titlesOf(
        '一、下一步工作打算\n2025年，北苑街道将持续深化法治学习，推动领导干部带头学法；全面落实行政执法三项制度。',
        'plan',
      ),
    ).toEqual(['持续深化法治学习，推动领导干部带头学法', '全面落实行政执法三项制度']);
  });

  test('headings set off by 【】 or 「」 are headings', () => {
    const result = parseReport(
      '【一、存在的问题】\n1.执法力量不足。\n「二、下一步工作计划」\n1.充实执法力量。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['problem', '执法力量不足'],
      ['plan', '充实执法力量'],
    ]);
  });

  test('without a problems part, problems admitted at the end of the achievements are problems; with one they are not looked for', () => {
    const admitted =
      '一、主要工作及成效\n（一）加强学法。全年学法12次。\n一年来虽然取得了一定成效，但也要看到，街道还存在一些不足，主要是：干部依法办事意识不强；执法队伍专业化程度不高。\n';
    expect(titlesOf(`${admitted}二、下一步工作打算\n1.加强学法。`, 'problem')).toEqual([
      '干部依法办事意识不强',
      '执法队伍专业化程度不高',
    ]);
    expect(
      titlesOf(`${admitted}二、存在的问题\n1.普法形式单一。\n三、下一步工作打算\n1.加强学法。`, 'problem'),
    ).toEqual(['普法形式单一']);
  });

  test('a plans paragraph after a sentence on what the year is, or after a lead with a colon, keeps its first point', () => {
    expect(
      titlesOf(
        '一、下一步工作打算\n2025年是“十四五”规划收官之年。我区将重点做好以下工作：坚持以习近平法治思想为指导，深化学法；规范执法。',
        'plan',
      ),
    ).toEqual(['坚持以习近平法治思想为指导，深化学法', '规范执法']);
  });

  test('each 一是 point with its own 究其原因 gives a problem and a cause; so does 出现上述问题，主要原因是', () => {
    const result = parseReport(
      '一、存在的不足\n一是决策规范性不强。风险评估不扎实。究其原因，是对程序理解不深。\n二是执法能力不足。专职人员少。出现上述问题，主要原因是编制有限。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['problem', '决策规范性不强'],
      ['cause', '对程序理解不深'],
      ['problem', '执法能力不足'],
      ['cause', '编制有限'],
    ]);
  });

  test('the duties in the part on the first responsible person are no plans, even worded 统筹谋划', () => {
    const result = parseReport(
      '一、党政主要负责人履行推进法治建设第一责任人职责情况\n（一）履行统筹谋划职责。书记坚持把法治建设作为全局工作来抓。\n二、2025年工作安排\n1.加强学法。',
    );
    expect(kindsAndTitles(result)).toEqual([['plan', '加强学法']]);
    expect(result.sections.map((section) => section.kind)).toEqual(['leadership', 'plans']);
  });

  test('原因，既有……，也有……。 gives two causes; as a lead before the sentences that give them it gives none', () => {
    const two =
      '一、原因分析\n产生上述问题的原因，既有地处山区、村组分散等客观因素，也有干部重经济、轻法治的主观因素。';
    expect(titlesOf(two, 'cause')).toEqual(['地处山区、村组分散等客观因素', '干部重经济、轻法治的主观因素']);
    const lead =
      '一、原因分析\n产生上述问题的原因，既有客观因素，也有主观因素。从客观上看，村组分散，财力有限；从主观上看，干部重经济、轻法治。';
    expect(titlesOf(lead, 'cause')).not.toContain('客观因素');
  });

  test('a numbered heading that says what is wrong is a problem point, not a problems sub-section', () => {
    expect(
      titlesOf(
        '一、存在的不足\n（一）依法行政能力与示范创建要求还有差距。部分部门重视不够。\n（二）执法队伍专业化程度不高。人员少。',
        'problem',
      ),
    ).toEqual(['依法行政能力与示范创建要求还有差距', '执法队伍专业化程度不高']);
  });

  test('a short report without headings: its problems and next steps in plain paragraphs are items', () => {
    const text =
      '某某乡2024年法治政府建设情况报告\n今年以来，我乡坚持依法行政，调解纠纷36起。\n一年来虽然取得了一定成效，但也还存在一些不足：村干部依法办事能力偏弱；执法队人员少。\n下一步，我乡将持续抓好干部法治培训；积极争取支持，充实执法力量。\n某某乡人民政府\n2024年12月20日';
    expect(kindsAndTitles(parseReport(text))).toEqual([
      ['problem', '村干部依法办事能力偏弱'],
      ['problem', '执法队人员少'],
      ['plan', '持续抓好干部法治培训'],
      ['plan', '积极争取支持，充实执法力量'],
    ]);
  });

  test('a 一是 point whose clause says 主要原因是 gives a problem and a cause', () => {
    const result = parseReport(
      '一、存在的问题\n一是公众参与不够充分，主要原因是征求意见渠道单一；二是执法程序不够规范，原因在于执法人员多为兼职。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['problem', '公众参与不够充分'],
      ['cause', '征求意见渠道单一'],
      ['problem', '执法程序不够规范'],
      ['cause', '执法人员多为兼职'],
    ]);
  });

  test('closings worded 今后，我镇将持续…… or ……为新的起点，……贡献某某力量 end the plans', () => {
    const plans = '一、下一步工作打算\n首先，加强学法。其次，规范执法。\n';
    expect(
      titlesOf(`${plans}今后，我镇将持续深入推进法治政府建设，为乡村振兴营造良好的法治环境。`, 'plan'),
    ).toEqual(['加强学法', '规范执法']);
    expect(
      titlesOf(`${plans}清扬街道将以此次报告为新的起点，坚持不懈推进法治建设，贡献清扬力量。`, 'plan'),
    ).toEqual(['加强学法', '规范执法']);
  });

  test('a point headed by a problem worded 不相适应 is one problem, its 一是/二是 its explanation', () => {
    expect(
      titlesOf(
        '一、存在的问题\n（一）依法行政能力与新形势要求不相适应。一是学法不及时；二是用法能力不强。\n（二）执法规范化程度有待提升。',
        'problem',
      ),
    ).toEqual(['依法行政能力与新形势要求不相适应', '执法规范化程度有待提升']);
  });

  test('问题：/整改情况： pairs in a rectification part are one measure each, titled by what was done, and no problem', () => {
    const result = parseReport(
      '一、上年度问题整改情况\n问题：执法人员持证比例偏低。\n整改情况：组织执法资格考试，新增持证人员23名。\n问题：普法覆盖面窄。整改情况：在12个村设立普法宣传栏。\n二、存在的问题\n1.执法力量不足。',
    );
    expect(kindsAndTitles(result)).toEqual([
      ['measure', '组织执法资格考试，新增持证人员23名'],
      ['measure', '在12个村设立普法宣传栏'],
      ['problem', '执法力量不足'],
    ]);
    expect(result.sections.map((section) => section.kind)).toEqual(['rectification', 'problems']);
  });
});
