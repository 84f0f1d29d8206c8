import { parseReport } from '../../../src/parsing';

describe('report metadata', () => {
  test('organization from an office line above the title; title and years from the title', () => {
    const result = parseReport(
      '鲁山县某某镇人民政府\n关于2024年法治政府建设情况的报告\n\n2024年以来，某某镇……',
    );
    expect(result.organization).toBe('鲁山县某某镇人民政府');
    expect(result.title).toBe('关于2024年法治政府建设情况的报告');
    expect(result.reportYear).toBe(2024);
    expect(result.planYear).toBe(2025);
  });

  test('without a year in the title or opening, the date under the report gives it, not the years the body compares with', () => {
    const body =
      '某某镇法治政府建设情况报告\n\n一年来，某某镇坚持依法行政。\n一、主要工作\n调解纠纷较2023年增长15%，较2023年多30件。\n\n某某镇人民政府\n';
    expect(parseReport(`${body}2024年12月20日`).reportYear).toBe(2024);
    expect(parseReport(`${body}2025年1月10日`).reportYear).toBe(2024);
    expect(parseReport(`${body}二〇二四年十二月二十日`).reportYear).toBe(2024);
    expect(parseReport(`${body}二〇二四年十二月二十日`).planYear).toBe(2025);
  });

  test('a title broken over two lines is joined', () => {
    const result = parseReport(
      '某某县人民政府关于2023年度法治政府\n建设情况的报告\n\n2023年，某某县坚持依法行政。',
    );
    expect(result.title).toBe('某某县人民政府关于2023年度法治政府建设情况的报告');
    expect(result.organization).toBe('某某县人民政府');
  });

  test('two offices on one line: the government is the organization', () => {
    expect(
      parseReport('中共桃源镇委员会 桃源镇人民政府\n关于2024年法治政府建设情况的报告').organization,
    ).toBe('桃源镇人民政府');
  });

  test('organization from the body when the title names none: 镇, 乡, 街道, 县, 区', () => {
    expect(
      parseReport('关于2023年法治政府建设情况的报告\n2023年，马营镇在县委县政府的坚强领导下，马营镇……')
        .organization,
    ).toBe('马营镇');
    expect(parseReport('2023年榆垡镇在区委、区政府的正确领导下，坚持依法行政。').organization).toBe('榆垡镇');
    expect(parseReport('一年来，东湖街道坚持依法行政，东湖街道……').organization).toBe('东湖街道');
    expect(parseReport('2024年，云溪区持续推进法治政府建设，全区……').organization).toBe('云溪区');
    expect(parseReport('2024年，在县委的领导下，我镇、全县各乡镇推进法治建设。').organization).toBeNull();
  });

  test('a place name starts after punctuation or a linking word, not in the middle of a phrase', () => {
    // Each named twice: a place named once in passing is no evidence of the organization (body-organization.spec).
    expect(parseReport('2024年，我们推进青山镇建设，推进青山镇发展。').organization).toBeNull();
    expect(parseReport('2024年，我们推进，青山镇建设，青山镇发展。').organization).toBe('青山镇');
    expect(parseReport('2024年，我们在青山镇开展普法，在青山镇调解纠纷。').organization).toBe('青山镇');
  });

  test('the red head, document number and signer above the title are skipped', () => {
    const result = parseReport(
      '红星镇人民政府文件\n红政〔2024〕3号\n签发人：张三\n红星镇人民政府\n关于2023年度法治政府建设情况的报告\n\n县委依法治县办：\n2023年，我镇……',
    );
    expect(result).toMatchObject({
      organization: '红星镇人民政府',
      title: '关于2023年度法治政府建设情况的报告',
      reportYear: 2023,
    });
  });

  test('organization from the signature at the end', () => {
    expect(
      parseReport('关于2023年法治政府建设情况的报告\n我们坚持依法行政。\n石门乡人民政府\n2024年1月5日')
        .organization,
    ).toBe('石门乡人民政府');
  });

  test('report year from the first paragraph when there is no title; plan year from the plans heading', () => {
    const result = parseReport(
      '2023年，某镇坚持依法行政。\n一、主要举措和成效\n正文。\n二、2024年度推进法治政府建设的主要安排\n（一）加强学习。',
    );
    expect(result.title).toBeNull();
    expect(result.reportYear).toBe(2023);
    expect(result.planYear).toBe(2024);
  });

  test('plan year is the report year + 1 when the plans heading names none, and null when nothing is known', () => {
    expect(
      parseReport('关于2023年法治政府建设情况的报告\n一、下一步工作打算\n（一）加强学习。').planYear,
    ).toBe(2024);
    expect(parseReport('一、下一步工作打算\n（一）加强学习。')).toMatchObject({
      reportYear: null,
      planYear: null,
    });
  });

  test('the first responsible person where named', () => {
    expect(parseReport('2023年，乡党委书记XXX同志切实履行第一责任人职责。').responsiblePerson).toBe('XXX');
    expect(parseReport('县长李明远同志认真履行推进法治建设第一责任人职责。').responsiblePerson).toBe(
      '李明远',
    );
    expect(
      parseReport('成立以党委书记为组长、镇长为副组长的领导小组。镇党委书记、镇长能认真履行职责。')
        .responsiblePerson,
    ).toBeNull();
    expect(parseReport('街道成立领导小组，由党工委书记任组长。').responsiblePerson).toBeNull();
    expect(parseReport('第一责任人：刘红军同志带头履职。').responsiblePerson).toBe('刘红军');
  });

  test('unknown values are null or empty, never invented', () => {
    expect(parseReport('')).toEqual({
      organization: null,
      reportYear: null,
      planYear: null,
      title: null,
      responsiblePerson: null,
      sections: [],
      items: [],
      text: '',
    });
  });

  test('a county department is the organization, from its office line, its title or its signature', () => {
    const body =
      '\n\n2024年，我局坚持依法行政。\n一、主要工作\n推动乡镇应急管理站规范化建设，整合组建县应急管理综合行政执法大队。\n';
    expect(parseReport(`青岚县司法局\n关于2024年度法治政府建设工作情况的报告${body}`).organization).toBe(
      '青岚县司法局',
    );
    expect(parseReport(`桐柏县市场监督管理局2024年法治政府建设情况报告${body}`).organization).toBe(
      '桐柏县市场监督管理局',
    );
    expect(
      parseReport(`关于2024年度法治政府建设情况的报告${body}\n云岫县应急管理局\n2025年1月16日`).organization,
    ).toBe('云岫县应急管理局');
  });

  test('a line ending in 格局 or 大局 is no office: it neither signs the report nor ends its plans', () => {
    const result = parseReport(
      '关于2024年法治政府建设情况的报告\n\n一、主要工作\n加强调解。\n二、下一步工作打算\n构建大调解工作格局\n服务发展大局\n',
    );
    expect(result.items.filter((item) => item.kind === 'plan').map((item) => item.title)).toEqual([
      '构建大调解工作格局',
      '服务发展大局',
    ]);
    expect(result.organization).toBeNull();
  });

  test('苏木, 旗 and state forest farms are offices; 乡镇 is no township and 牧区 no place', () => {
    const plain = '\n\n一、主要工作\n统筹推进牧区法治建设，会同属地乡镇调处纠纷8起。\n';
    expect(parseReport(`巴音乌拉苏木2024年法治政府建设情况报告${plain}`).organization).toBe('巴音乌拉苏木');
    expect(parseReport(`科尔沁中旗2024年法治政府建设情况报告${plain}`).organization).toBe('科尔沁中旗');
    expect(
      parseReport(`关于2024年度法治政府建设情况的报告${plain}国有青松岭林场坚持依法治场。`).organization,
    ).toBe('国有青松岭林场');
    expect(parseReport(`关于2024年度法治政府建设情况的报告${plain}`).organization).toBeNull();
  });

  test('the year of a title: after 关于, in Chinese numerals, the last of a range; an opening skips compared years and ranges', () => {
    const body = '\n\n一、主要工作\n加强学法。\n';
    expect(parseReport(`某某镇关于2024年度法治政府建设情况的报告${body}`).reportYear).toBe(2024);
    expect(parseReport(`某某镇关于二〇二四年度法治政府建设情况的报告${body}`).reportYear).toBe(2024);
    expect(parseReport(`河口街道2021年至2024年法治政府建设工作情况报告${body}`).reportYear).toBe(2024);
    const opening =
      '某某镇法治政府建设情况报告\n\n对照《法治政府建设实施纲要（2021—2025年）》，学法次数较2023年增加2次，2024年全镇稳步推进。\n一、主要工作\n加强学法。';
    expect(parseReport(opening).reportYear).toBe(2024);
  });

  test('a report on the first half of a year plans the rest of that year', () => {
    const result = parseReport(
      '关于2024年上半年法治政府建设工作情况的报告\n\n一、主要工作\n加强学法。\n二、下一步工作打算\n1.筹备宪法日活动。',
    );
    expect([result.reportYear, result.planYear]).toEqual([2024, 2024]);
    expect(result.items[0].suggestedDeadline).toBe('2024-12-31');
  });

  test('a township named with its county in the body is the township, with the county', () => {
    const result = parseReport(
      '关于2024年度法治政府建设情况的报告\n\n2024年，合水县太白镇坚持依法行政，合水县太白镇党委带头学法。\n一、主要工作\n加强学法。',
    );
    expect(result.organization).toBe('合水县太白镇');
  });

  test('names holding 和, 各 or 同 are places; phrases such as 全县, 各乡镇 or 带头参加县 are not', () => {
    const named = (place: string) =>
      parseReport(
        `某某报告\n\n2024年${place}在区委的领导下坚持依法行政，带头参加县里组织的述法活动，全县各乡镇共同推进。\n一、主要工作\n加强学法。`,
      ).organization;
    expect(named('庞各庄镇')).toBe('庞各庄镇');
    expect(named('太和镇')).toBe('太和镇');
    expect(named('同乐乡')).toBe('同乐乡');
    expect(named('')).toBeNull();
  });
});
