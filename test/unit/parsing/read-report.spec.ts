import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import iconv from 'iconv-lite';
import { parseReport, readReportFile, ReportReadError, SUPPORTED_EXTENSIONS } from '../../../src/parsing';
import { asDocx } from './support/variants';

const SAMPLE =
  '关于2024年法治政府建设情况的报告\n一、存在的问题\n1.执法力量不足。\n二、下一步工作打算\n（一）加强执法队伍建设。';

async function readError(buffer: Buffer, name: string): Promise<ReportReadError> {
  try {
    await readReportFile(buffer, name);
  } catch (error) {
    if (error instanceof ReportReadError) return error;
    throw error;
  }
  throw new Error('expected a ReportReadError');
}

describe('readReportFile', () => {
  test('supports .txt, .docx and .md', () => {
    expect([...SUPPORTED_EXTENSIONS]).toEqual(['.txt', '.docx', '.md']);
  });

  test.each([
    ['UTF-8', Buffer.from(SAMPLE, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)])],
    ['GBK', iconv.encode(SAMPLE, 'gbk')],
    ['GB18030', iconv.encode(`${SAMPLE}𠀀`, 'gb18030')],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SAMPLE, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SAMPLE, 'utf16be')])],
    ['UTF-16LE without BOM', iconv.encode(SAMPLE, 'utf16le')],
  ])('detects %s text', async (_name, buffer) => {
    expect(normalizedStart(await readReportFile(buffer, 'report.TXT'))).toBe(SAMPLE.slice(0, 20));
  });

  test('reads the paragraphs of a .docx', async () => {
    const text = await readReportFile(await asDocx(SAMPLE), '报告.docx');
    expect(parseReport(text).items.map((i) => i.title)).toEqual(['执法力量不足', '加强执法队伍建设']);
  });

  test('gives automatically numbered .docx paragraphs the markers Word shows', async () => {
    const numbered = (text: string, level: number) =>
      new Paragraph({ text, numbering: { reference: 'cn', level } });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'cn',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
              {
                level: 1,
                format: LevelFormat.CHINESE_COUNTING,
                text: '（%2）',
                alignment: AlignmentType.LEFT,
              },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: '关于2024年法治政府建设情况的报告' }),
            numbered('主要举措和成效', 0),
            new Paragraph({ text: '正文。' }),
            numbered('存在的问题', 0),
            numbered('执法力量不足', 1),
            new Paragraph({ text: '持证人员少。' }),
            numbered('普法不够深入', 1),
            numbered('下一步工作打算', 0),
            numbered('加强执法队伍建设', 1),
          ],
        },
      ],
    });
    const text = await readReportFile(await Packer.toBuffer(doc), 'report.docx');
    expect(text.split('\n')).toEqual([
      '关于2024年法治政府建设情况的报告',
      '一、主要举措和成效',
      '正文。',
      '二、存在的问题',
      '（一）执法力量不足',
      '持证人员少。',
      '（二）普法不够深入',
      '三、下一步工作打算',
      '（一）加强执法队伍建设',
    ]);
  });

  test('automatic numbering under headings typed by hand starts one level below them and again under each', async () => {
    const point = (text: string) => new Paragraph({ text, numbering: { reference: 'points', level: 0 } });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'points',
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1、', alignment: AlignmentType.LEFT }],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: '二、存在的问题' }),
            point('执法力量薄弱。'),
            point('普法方式单一。'),
            new Paragraph({ text: '三、2025年工作打算' }),
            point('充实执法力量。'),
            point('创新普法形式。'),
          ],
        },
      ],
    });
    const text = await readReportFile(await Packer.toBuffer(doc), 'report.docx');
    expect(text.split('\n')).toEqual([
      '二、存在的问题',
      '（一）执法力量薄弱。',
      '（二）普法方式单一。',
      '三、2025年工作打算',
      '（一）充实执法力量。',
      '（二）创新普法形式。',
    ]);
  });

  test('gives each row of a .docx table one line, its cells apart by tabs, the paragraphs of a cell joined', async () => {
    const row = (...cells: string[][]) =>
      new TableRow({
        children: cells.map(
          (paragraphs) => new TableCell({ children: paragraphs.map((text) => new Paragraph({ text })) }),
        ),
      });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '四、整改措施' }),
            new Table({
              rows: [
                row(['序号'], ['存在问题'], ['整改措施'], ['责任单位']),
                row(['1'], ['执法力量薄弱'], ['增配执法人员', '集中轮训'], ['党政办']),
              ],
            }),
            new Paragraph({ text: '五、下一步工作打算' }),
          ],
        },
      ],
    });
    const text = await readReportFile(await Packer.toBuffer(doc), 'report.docx');
    expect(text.split('\n')).toEqual([
      '四、整改措施',
      '序号\t存在问题\t整改措施\t责任单位',
      '1\t执法力量薄弱\t增配执法人员 集中轮训\t党政办',
      '五、下一步工作打算',
    ]);
  });

  test('turns a Markdown table into tab-separated rows and drops backslash escapes', async () => {
    const text = await readReportFile(
      Buffer.from(
        '## 四、整改措施\n\n| 序号 | 整改措施 | 责任单位 |\n| --- | :---: | --- |\n| 1 | 增配执法人员 | 党政办 |\n\n1\\. 针对审查力量薄弱的问题',
      ),
      'r.md',
    );
    expect(text).toBe(
      '四、整改措施\n\n序号\t整改措施\t责任单位\n1\t增配执法人员\t党政办\n\n1. 针对审查力量薄弱的问题',
    );
  });

  test('strips Markdown syntax from .md', async () => {
    const text = await readReportFile(
      Buffer.from('# 关于报告\n\n## 一、存在的问题\n\n- **执法**力量不足\n[链接](http://x)'),
      'r.md',
    );
    expect(text).toBe('关于报告\n\n一、存在的问题\n\n执法力量不足\n链接');
  });

  test.each([
    ['report.pdf', '不支持的文件类型：.pdf，请上传 .txt、.docx 或 .md 文件'],
    ['report.doc', '不支持的文件类型：.doc，请上传 .txt、.docx 或 .md 文件'],
    ['report', '不支持的文件类型：（无扩展名），请上传 .txt、.docx 或 .md 文件'],
  ])('rejects %s as an unsupported type', async (name, message) => {
    const error = await readError(Buffer.from(SAMPLE), name);
    expect(error).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', message });
  });

  test('rejects a file that is not what its extension says', async () => {
    const docx = await asDocx(SAMPLE);
    expect(await readError(docx, 'report.txt')).toMatchObject({ code: 'FILE_CONTENT_MISMATCH' });
    expect(await readError(Buffer.from('%PDF-1.7 ...'), 'report.md')).toMatchObject({
      code: 'FILE_CONTENT_MISMATCH',
    });
    expect(await readError(Buffer.from(SAMPLE), 'report.docx')).toMatchObject({
      code: 'FILE_CONTENT_MISMATCH',
    });
    expect(await readError(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), 'report.docx')).toMatchObject({
      code: 'FILE_CONTENT_MISMATCH',
      message: expect.stringContaining('.doc'),
    });
    expect(
      await readError(
        Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10, 0x80, 0x00, 0x00]),
        'report.txt',
      ),
    ).toMatchObject({
      code: 'FILE_CONTENT_MISMATCH',
    });
  });

  test('rejects a zip that holds no Word document, and a damaged .docx', async () => {
    const docx = await asDocx(SAMPLE);
    expect(await readError(zipWithout(docx), 'report.docx')).toMatchObject({ code: 'FILE_CONTENT_MISMATCH' });
    expect(await readError(docx.subarray(0, 200), 'report.docx')).toMatchObject({ code: 'UNREADABLE_FILE' });
  });

  test('rejects empty files', async () => {
    expect(await readError(Buffer.alloc(0), 'report.txt')).toMatchObject({ code: 'EMPTY_FILE' });
    expect(await readError(Buffer.from(' \n\u3000\n'), 'report.txt')).toMatchObject({ code: 'EMPTY_FILE' });
    expect(await readError(await asDocx(''), 'report.docx')).toMatchObject({ code: 'EMPTY_FILE' });
  });
});

function normalizedStart(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/^\uFEFF/, '')
    .slice(0, 20);
}

/** The docx with its word/document.xml entry renamed, so it is a zip but not a Word document. */
function zipWithout(docx: Buffer): Buffer {
  return Buffer.from(docx.toString('latin1').replace(/word\/document\.xml/g, 'word/documant.xml'), 'latin1');
}
