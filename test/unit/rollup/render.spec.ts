import * as mammoth from 'mammoth';
import JSZip from 'jszip';
import { buildDraft } from '../../../src/rollup/build-draft';
import { renderDraftDocx } from '../../../src/rollup/render-docx';
import { renderDraftMarkdown } from '../../../src/rollup/render-markdown';
import { sampleInput } from './draft-fixtures';

describe('renderDraftDocx', () => {
  it('produces a Word file that opens and carries the title, the five part headings and the outcomes', async () => {
    const buffer = await renderDraftDocx(buildDraft(sampleInput()));
    const { value } = await mammoth.extractRawText({ buffer });
    expect(value).toContain('鲁山县张良镇人民政府关于2025年法治政府建设情况的报告');
    for (const heading of [
      '一、主要举措和成效',
      '二、存在的不足和原因',
      '三、党政主要负责人履行推进法治建设第一责任人职责情况',
      '四、下一年度主要安排',
      '五、其他需要报告的情况',
    ]) {
      expect(value).toContain(heading);
    }
    expect(value).toContain('（二）深入贯彻习近平法治思想');
    expect(value).toContain('全年开展专题学习12次。');
  });

  it('uses the official-document fonts, sizes and margins', async () => {
    const buffer = await renderDraftDocx(buildDraft(sampleInput()));
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    expect(xml).toMatch(/<w:sz w:val="44"\/>/);
    expect(xml).toMatch(/w:top="2097" w:right="1474" w:bottom="1984" w:left="1587"/); // 37, 26, 35, 28 mm
    expect(xml).toMatch(/w:line="455" w:lineRule="exact"/);
  });
});

describe('renderDraftMarkdown', () => {
  it('renders parts as headings and marks edited and recurring paragraphs', () => {
    const draft = buildDraft(sampleInput());
    draft.sections[0].paragraphs[0] = { ...draft.sections[0].paragraphs[0], edited: true };
    const markdown = renderDraftMarkdown(draft);
    expect(markdown).toContain('## 一、主要举措和成效');
    expect(markdown).toContain('### （二）深入贯彻习近平法治思想');
    expect(markdown).toContain('逾期未完成2项。（已人工修改）');
    expect(markdown).toContain(
      '> 待补充的部分：党政主要负责人履行推进法治建设第一责任人职责情况；其他需要报告的情况',
    );
  });
});
