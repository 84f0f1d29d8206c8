import { breakTitle, TITLE_CHARS_PER_LINE } from '../../../src/documents/official-docx';

describe('breakTitle', () => {
  it('fits twenty 二号 characters on a line of the 156 mm text area', () => {
    expect(TITLE_CHARS_PER_LINE).toBe(20);
  });

  it('keeps a short title on one line', () => {
    expect(breakTitle('关于2025年法治政府建设情况的报告')).toEqual(['关于2025年法治政府建设情况的报告']);
  });

  it('breaks after 关于, keeping the organization’s full name whole', () => {
    expect(breakTitle('鲁山县张良镇人民政府关于2025年法治政府建设情况的报告')).toEqual([
      '鲁山县张良镇人民政府关于',
      '2025年法治政府建设情况的报告',
    ]);
  });

  it('breaks before the year when the name and 关于 do not fit on one line', () => {
    expect(breakTitle('中共某某自治县委员会全面依法治县委员会办公室关于2025年度工作情况的报告')).toEqual([
      '中共某某自治县委员会',
      '全面依法治县委员会办公室关于',
      '2025年度工作情况的报告',
    ]);
  });

  it('never leaves 关于 alone on a line: a title that opens with it breaks before its subject', () => {
    expect(breakTitle('关于2026年12月法治政府建设整改工作进展情况的通报')).toEqual([
      '关于2026年12月',
      '法治政府建设整改工作进展情况的通报',
    ]);
  });

  it('never splits a number, even where no word boundary is left', () => {
    expect(breakTitle('一二三四五六七八九十一二三四五六七八九12345号文件的报告')).toEqual([
      '一二三四五六七八九十一二三四五六七八九',
      '12345号文件的报告',
    ]);
  });
});
