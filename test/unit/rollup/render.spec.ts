import JSZip from 'jszip';
import * as mammoth from 'mammoth';
import { applyEdits } from '../../../src/rollup/apply-edits';
import { buildDraft } from '../../../src/rollup/build-draft';
import { renderDraftDocx } from '../../../src/rollup/render-docx';
import { renderDraftMarkdown } from '../../../src/rollup/render-markdown';
import { sampleInput } from './draft-fixtures';

async function unzip(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = (name: string) => zip.file(name)!.async('string');
  return { document: await read('word/document.xml'), read, names: Object.keys(zip.files) };
}

/** Each <w:p> of the body with its text, to find a paragraph by what it says. */
function paragraphs(xml: string): { xml: string; text: string }[] {
  return (xml.match(/<w:p>.*?<\/w:p>/gs) ?? []).map((p) => ({
    xml: p,
    text: [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  }));
}

describe('renderDraftDocx', () => {
  it('reads back as the report: title, 主送机关, the five parts numbered 一、…, the text, 落款 and date', async () => {
    const { value } = await mammoth.extractRawText({
      buffer: await renderDraftDocx(buildDraft(sampleInput())),
    });
    const lines = value.split('\n').filter((line) => line.trim() !== '');
    expect(lines.slice(0, 3)).toEqual([
      '鲁山县张良镇人民政府关于',
      '2025年法治政府建设情况的报告',
      '县委全面依法治县委员会办公室：',
    ]);
    for (const heading of [
      '一、2025年度推进法治政府建设的主要举措和成效',
      '二、2025年度推进法治政府建设存在的不足和原因',
      '三、2025年度党政主要负责人履行推进法治建设第一责任人职责情况',
      '四、2026年度推进法治政府建设的主要安排',
      '五、其他需要报告的情况',
    ])
      expect(lines).toContain(heading);
    expect(lines).toContain('（一）扎实推进上年度问题整改');
    expect(lines.slice(-2)).toEqual(['鲁山县张良镇人民政府', '2026年1月10日']);
  });

  it('lays the page out as GB/T 9704: A4, margins, a grid of 22 lines, 28 characters a line', async () => {
    const { document } = await unzip(await renderDraftDocx(buildDraft(sampleInput())));
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/); // 37, 26, 35, 28 mm
    const grid = /<w:docGrid w:type="(\w+)" w:linePitch="(\d+)" w:charSpace="(-?\d+)"\/>/.exec(document)!;
    const [linePitch, charSpace] = [Number(grid[2]), Number(grid[3])];
    const [textWidth, textHeight] = [11906 - 1587 - 1474, 16838 - 2098 - 1984];
    expect(Math.floor(textHeight / linePitch)).toBe(22);
    const pitch = (32 / 2 + charSpace / 4096) * 20; // twips per character on the grid
    expect(Math.floor(textWidth / pitch)).toBe(28);
    // Body runs are condensed to the same pitch, so every word processor sets 28 a line.
    const condensed = Number(/<w:spacing w:val="(-\d+)"\/><w:sz w:val="32"\/>/.exec(document)![1]);
    expect(Math.floor(textWidth / (320 + condensed))).toBe(28);
    expect(document).toMatch(/w:line="579" w:lineRule="exact"/);
  });

  it('uses 小标宋 for the title, 黑体 for 一、, 楷体 for （一）, bold 仿宋 for 1., 仿宋 for the text', async () => {
    const input = sampleInput({
      leaderPlans: [{ id: 'l', title: '着力提升依法行政水平', text: '推进执法规范化。' }],
    });
    const { document } = await unzip(await renderDraftDocx(buildDraft(input)));
    const find = (start: string) => paragraphs(document).find((p) => p.text.startsWith(start))!.xml;
    expect(find('鲁山县张良镇人民政府关于')).toMatch(/w:eastAsia="方正小标宋简体".*<w:sz w:val="44"\/>/s);
    expect(find('一、')).toContain('w:eastAsia="黑体"');
    expect(find('（一）扎实推进')).toContain('w:eastAsia="楷体_GB2312"');
    const plan = find('（一）着力提升依法行政水平。');
    expect(plan).toMatch(/楷体_GB2312.*（一）着力提升依法行政水平。.*仿宋_GB2312.*推进执法规范化。/s);
    const carried = find('1.继续');
    expect(carried).toMatch(/<w:b\/>.*1\.继续全面落实政务信息公开。/s);
    expect(find('针对执法人员')).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it('puts the 主送机关 flush left and the 落款 and date right-aligned, the date starting two characters further in', async () => {
    const { document } = await unzip(await renderDraftDocx(buildDraft(sampleInput())));
    const all = paragraphs(document);
    const addressee = all.find((p) => p.text === '县委全面依法治县委员会办公室：')!.xml;
    expect(addressee).not.toContain('w:firstLine');
    const signature = all.filter((p) => p.text === '鲁山县张良镇人民政府').at(-1)!.xml;
    const date = all.find((p) => p.text === '2026年1月10日')!.xml;
    expect(signature).toContain('<w:jc w:val="right"/>');
    expect(date).toContain('<w:jc w:val="right"/>');
    const right = (xml: string) => Number(/<w:ind w:right="(\d+)"\/>/.exec(xml)![1]);
    const char = (11906 - 1587 - 1474) / 28;
    // 不加盖印章: the organization two characters from the margin; the date (6.5 wide) starts two characters after it (10 wide).
    expect(right(signature) / char).toBeCloseTo(2, 1);
    expect(right(date) / char).toBeCloseTo(3.5, 1);
  });

  it('numbers pages "— 1 —" in 4号 宋体 on the outer side: odd pages right, even pages left', async () => {
    const { document, read, names } = await unzip(await renderDraftDocx(buildDraft(sampleInput())));
    expect(await read('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const references = [...document.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)];
    expect(references.map((m) => m[1]).sort()).toEqual(['default', 'even']);
    const relationships = await read('word/_rels/document.xml.rels');
    const footerOf = (type: string) => {
      const id = references.find((m) => m[1] === type)![2];
      return `word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(relationships)![1]}`;
    };
    for (const [type, side] of [
      ['default', 'right'],
      ['even', 'left'],
    ]) {
      expect(names).toContain(footerOf(type));
      const footer = await read(footerOf(type));
      expect(footer).toContain(`<w:jc w:val="${side}"/>`);
      expect(footer).toContain(`<w:ind w:${side}="280"/>`);
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(footer).toMatch(/— <\/w:t>.*PAGE.* —<\/w:t>/s);
      expect(footer).toMatch(/w:eastAsia="宋体".*<w:sz w:val="28"\/>/s);
    }
  });

  it('makes each line of an edited paragraph a paragraph of its own, and highlights what is still to write', async () => {
    const draft = applyEdits(buildDraft(sampleInput()), [
      {
        paragraphId: 'rectification:p1',
        text: '第一行的内容。\n\n第二行的内容。',
        removed: false,
        addedStyle: null,
        sectionKey: null,
        afterParagraphId: null,
      },
    ]);
    const { document } = await unzip(await renderDraftDocx(draft));
    const texts = paragraphs(document).map((p) => p.text);
    const at = texts.indexOf('第一行的内容。');
    expect(texts[at + 1]).toBe('第二行的内容。');
    const note = paragraphs(document).find((p) => p.text.includes('【待补充：未完成原因】'))!.xml;
    expect(note).toMatch(/<w:highlight w:val="yellow"\/>.*【待补充：未完成原因】/s);
  });
});

describe('renderDraftMarkdown', () => {
  it('renders parts as headings, keeps 主送机关 and 落款, and marks edited paragraphs', () => {
    const draft = applyEdits(buildDraft(sampleInput()), [
      {
        paragraphId: 'achievements:overview',
        text: '全年工作概述。',
        removed: false,
        addedStyle: null,
        sectionKey: null,
        afterParagraphId: null,
      },
    ]);
    const markdown = renderDraftMarkdown(draft);
    expect(markdown).toContain('县委全面依法治县委员会办公室：');
    expect(markdown).toContain('## 一、2025年度推进法治政府建设的主要举措和成效');
    expect(markdown).toContain('### （一）扎实推进上年度问题整改');
    expect(markdown).toContain('全年工作概述。（已人工修改）');
    expect(markdown).toContain('<p align="right">2026年1月10日</p>');
    expect(markdown).toContain('> 待补充的部分：其他需要报告的情况');
  });
});
