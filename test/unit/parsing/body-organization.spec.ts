import { parseReport } from '../../../src/parsing';

const organizationOf = (body: string, knownOrganization?: string) =>
  parseReport(`关于2024年度法治政府建设情况的报告\n\n${body}`, { knownOrganization }).organization;

describe('the organization of a report whose title names none (as copied from a web page)', () => {
  test('phrases that only end like a place are no organization: null rather than a fragment', () => {
    expect(organizationOf('在区委依法治区办的指导下，我街道深入推进法治建设。')).toBeNull();
    expect(organizationOf('镇党委成立全面依法治镇委员会，办公室设在镇司法所。我镇坚持依法行政。')).toBeNull();
    expect(organizationOf('我街道持续推进执法改革，不断规范街道综合执法行为。')).toBeNull();
    expect(organizationOf('通过镇政府信息公开栏公开执法信息，部分乡村干部学法不够。')).toBeNull();
  });

  test('a place named once in passing is no evidence; named again, or as the subject after a date, it is', () => {
    expect(organizationOf('我镇与相邻的李庄镇签订执法协作协议。')).toBeNull();
    expect(organizationOf('我镇与李庄镇签订执法协作协议，李庄镇派员参加。')).toBe('李庄镇');
    expect(organizationOf('2024年，城南街道坚持依法行政。')).toBe('城南街道');
    expect(organizationOf('二〇二四年，白沙镇深入贯彻落实习近平法治思想。')).toBe('白沙镇');
    expect(organizationOf('今年以来，青山街道坚持依法行政，该街道全年化解纠纷236件。')).toBe('青山街道');
  });

  test('a paragraph pasted twice does not vouch for a phrase it repeats; a name used in other words does', () => {
    const pasted = '旗司法局全年审查旗政府文件21件。';
    expect(organizationOf(`${pasted}\n${pasted}`)).toBeNull();
    expect(organizationOf('我镇与李庄镇签订执法协作协议。\n我镇与李庄镇签订执法协作协议。')).toBeNull();
    expect(organizationOf('我镇与李庄镇签订执法协作协议，李庄镇派员参加。')).toBe('李庄镇');
  });

  test('a report that calls itself 我街道 is no district, however often it names one', () => {
    const body =
      '我街道在南湖区人民政府的领导下推进法治建设，南湖区人民政府多次督导。我街道全年化解纠纷236件。';
    expect(organizationOf(body)).toBeNull();
    expect(organizationOf(`2024年，柳湖街道坚持依法行政。${body}`)).toBe('柳湖街道');
  });

  test("the uploader's organization wins among the places the body names", () => {
    const body =
      '2024年，石桥镇坚持依法行政，石桥镇党委带头学法。我镇与李庄镇签订执法协作协议，李庄镇派员参加。';
    expect(organizationOf(body)).toBe('石桥镇');
    expect(organizationOf(body, '李庄镇人民政府')).toBe('李庄镇');
    expect(organizationOf(body, '中共李庄镇委员会')).toBe('李庄镇');
    // A township's own name counts even when named once in passing; an unrelated organization changes nothing.
    expect(organizationOf('我镇与李庄镇签订执法协作协议。', '李庄镇人民政府')).toBe('李庄镇');
    expect(organizationOf(body, '红旗镇人民政府')).toBe('石桥镇');
    expect(organizationOf(body, '某县司法局')).toBe('石桥镇');
  });

  test("an office named above the title or in the signature is not overruled by the uploader's organization", () => {
    const result = parseReport(
      '石门镇人民政府\n关于2024年法治政府建设情况的报告\n\n李庄镇党委带头学法，李庄镇……',
      {
        knownOrganization: '李庄镇人民政府',
      },
    );
    expect(result.organization).toBe('石门镇人民政府');
  });

  test('a year the report states nowhere is the one before the year its plans part names', () => {
    const result = parseReport(
      '一年来，红岩乡坚持依法行政。\n一、主要工作\n加强学法。\n二、2025年重点工作\n（一）开展轮训。2025年6月底前完成。\n（二）扩大普法。2025年9月底前覆盖全部村组。',
    );
    expect([result.reportYear, result.planYear]).toEqual([2024, 2025]);
  });

  test('how a report refers to itself (我镇) is no title office', () => {
    expect(
      parseReport('我镇关于2024年法治政府建设情况的报告\n\n2024年，石桥镇坚持依法行政。').organization,
    ).toBe('石桥镇');
  });
});
