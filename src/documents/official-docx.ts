import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  HighlightColor,
  IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/**
 * Pieces of a Chinese official document (公文) as GB/T 9704-2012 lays it out, for any document Rectify writes
 * (the yearly report draft, the county's monthly 通报): A4 with a 156 × 225 mm text area, a grid of 22 lines of
 * 28 characters, 三号 仿宋 body, 二号 小标宋 title, 黑体 / 楷体 / 仿宋 bold for the first three heading levels,
 * and page numbers "— 1 —" in 4号 宋体 on the outer side.
 */

const MM = 1440 / 25.4;
const twips = (millimetres: number) => Math.round(millimetres * MM);

export const PAGE = {
  width: twips(210),
  height: twips(297),
  top: twips(37),
  bottom: twips(35),
  left: twips(28),
  right: twips(26),
  /** The footer's bottom edge, so the page number's top sits 7 mm below the text area. */
  footer: twips(21),
};

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Half-points: 二号 22 pt, 三号 16 pt, 4号 14 pt. */
const SIZE = { title: 44, body: 32, pageNumber: 28 };

const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const TEXT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

/** Twentieths of a point per line: 22 lines fill the text area. */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);

/**
 * 28 三号 characters (448 pt) are a little wider than the 156 mm line, so each character gives up a little room.
 * Word's character grid does that through w:charSpace (what each character's pitch adds to the 三号 size, in
 * 4096ths of a point, negative here), but LibreOffice then puts every character in two grid cells and sets 14 a
 * line. So the grid is a line grid (22 lines a page everywhere) that still records the character pitch, and the
 * runs are condensed by CONDENSE twips, which every word processor honours: 28 characters a line everywhere.
 */
export const CHAR_SPACE = Math.floor((TEXT_WIDTH / 20 / CHARS_PER_LINE - SIZE.body / 2) * 4096);
const CONDENSE = -Math.ceil((-CHAR_SPACE / 4096) * 20);

/** One character of the grid, in twips (for indents that have no character unit). */
const CHAR_TWIPS = TEXT_WIDTH / CHARS_PER_LINE;

/**
 * Fonts as named on Chinese government PCs; digits and Latin letters take Times New Roman, and Word substitutes
 * the nearest installed CJK font when a named one is missing.
 */
function font(eastAsia: string, latin = 'Times New Roman'): IRunOptions['font'] {
  return { eastAsia, ascii: latin, hAnsi: latin };
}

export const FONTS = {
  title: font('方正小标宋简体'),
  body: font('仿宋_GB2312'),
  levelOne: font('黑体'),
  levelTwo: font('楷体_GB2312'),
  pageNumber: font('宋体', '宋体'),
};

export type OfficialBlock =
  /** 一、… in 黑体. */
  | { kind: 'levelOne'; text: string }
  /** （一）… on a line of its own, in 楷体. */
  | { kind: 'levelTwo'; text: string }
  /** 正文 in 仿宋; a paragraph opening with （一）…。 or 1.…。 sets that lead in 楷体 or bold 仿宋. */
  | { kind: 'body'; text: string }
  /** A table in 仿宋 小四, header row bold and repeated on every page; widths are shares of the text width, and the
   * widest column (the names) is left aligned, the others centred. */
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[] };

export interface OfficialDocument {
  title: string;
  /** 主送机关, e.g. 县委全面依法治县委员会办公室： */
  addressee?: string | null;
  blocks: OfficialBlock[];
  /** 落款: the issuing organization. */
  signature?: string | null;
  /** 成文日期, already written out (2026年1月10日). */
  date?: string | null;
}

/** A Word file of the document in the GB/T 9704 layout. Text lines (\n) become paragraphs of their own. */
export function renderOfficialDocx(document: OfficialDocument): Promise<Buffer> {
  const children = [
    ...breakTitle(document.title).map((line) =>
      paragraph([run(line, FONTS.title, { size: SIZE.title, snapToGrid: false })], {
        align: AlignmentType.CENTER,
      }),
    ),
    blankLine(),
    ...(document.addressee ? [paragraph(runs(document.addressee), { indent: false })] : []),
    ...document.blocks.flatMap(blockParagraphs),
    ...closing(document.signature ?? null, document.date ?? null),
  ];
  return Packer.toBuffer(
    new Document({
      evenAndOddHeaderAndFooters: true,
      styles: { default: { document: { run: { size: SIZE.body, font: FONTS.body } } } },
      sections: [
        {
          properties: {
            page: {
              size: { width: PAGE.width, height: PAGE.height },
              margin: {
                top: PAGE.top,
                bottom: PAGE.bottom,
                left: PAGE.left,
                right: PAGE.right,
                footer: PAGE.footer,
                header: twips(15),
              },
            },
            grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
          },
          footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
          children,
        },
      ],
    }),
  );
}

/** Lines of text; an empty line between paragraphs typed in an edit is dropped. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function blockParagraphs(block: OfficialBlock): Array<Paragraph | Table> {
  if (block.kind === 'table') return [table(block)];
  return lines(block.text).map((line) => {
    if (block.kind === 'levelOne') return paragraph([run(line, FONTS.levelOne)]);
    if (block.kind === 'levelTwo') return paragraph([run(line, FONTS.levelTwo)]);
    return paragraph(bodyRuns(line));
  });
}

const LEAD_TWO = /^（[一二三四五六七八九十]+）[^。]{0,60}。/u;
const LEAD_THREE = /^\d{1,2}[.．][^。]{0,60}。/u;

/** Half-points: 小四 12 pt, so a row of figures fits across the text area. */
const TABLE_SIZE = 24;

function table(block: Extract<OfficialBlock, { kind: 'table' }>): Table {
  const total = block.widths.reduce((sum, width) => sum + width, 0);
  const widths = block.widths.map((width) => Math.floor((width / total) * TEXT_WIDTH));
  const names = block.widths.indexOf(Math.max(...block.widths));
  const cell = (text: string, index: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[index], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60 },
      children: [
        new Paragraph({
          alignment: index === names && !bold ? AlignmentType.LEFT : AlignmentType.CENTER,
          spacing: { line: 360, lineRule: LineRuleType.EXACT },
          children: [new TextRun({ text, font: FONTS.body, size: TABLE_SIZE, bold })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.header.map((text, index) => cell(text, index, true)),
      }),
      ...block.rows.map(
        (row) =>
          new TableRow({ cantSplit: true, children: row.map((text, index) => cell(text, index, false)) }),
      ),
    ],
  });
}

/** A run-in heading keeps its level's face: （一）…。 in 楷体, 1.…。 in bold 仿宋; the rest is 仿宋. */
function bodyRuns(line: string): TextRun[] {
  const two = LEAD_TWO.exec(line);
  if (two) return [run(two[0], FONTS.levelTwo), ...runs(line.slice(two[0].length))];
  const three = LEAD_THREE.exec(line);
  if (three) return [run(three[0], FONTS.body, { bold: true }), ...runs(line.slice(three[0].length))];
  return runs(line);
}

/** 仿宋 runs; a 【待补充…】 note is highlighted so the office finds what it still has to write. */
function runs(text: string): TextRun[] {
  return text
    .split(/(【待补充[^】]*】)/u)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('【待补充')
        ? run(part, FONTS.body, { highlight: HighlightColor.YELLOW })
        : run(part, FONTS.body),
    );
}

function run(
  text: string,
  runFont: IRunOptions['font'],
  /** snapToGrid false: a line taller than the grid (the 二号 title) keeps its height instead of taking two lines. */
  options: { size?: number; bold?: boolean; highlight?: IRunOptions['highlight']; snapToGrid?: boolean } = {},
): TextRun {
  const size = options.size ?? SIZE.body;
  return new TextRun({
    text,
    font: runFont,
    size,
    ...(size === SIZE.body ? { characterSpacing: CONDENSE } : {}),
    ...options,
  });
}

function paragraph(
  children: TextRun[],
  options: {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indent?: boolean;
    rightChars?: number;
  } = {},
): Paragraph {
  return new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent:
      options.rightChars !== undefined
        ? { right: Math.round(options.rightChars * CHAR_TWIPS) }
        : options.indent === false || options.align === AlignmentType.CENTER
          ? undefined
          : { firstLine: Math.round(2 * CHAR_TWIPS), firstLineChars: 200 },
    children,
  });
}

function blankLine(): Paragraph {
  return paragraph([], { indent: false });
}

/** Width in grid characters: half-width digits and Latin letters count half. */
function widthInChars(text: string): number {
  return [...text].reduce((sum, char) => sum + (/[\x20-\x7e]/.test(char) ? 0.5 : 1), 0);
}

/**
 * 落款 and 成文日期 (GB/T 9704 7.3.5.2, without a seal): one blank line below the text, the organization right
 * aligned two characters in from the margin, the date on the next line starting two characters further right; when
 * the date is the longer, it keeps the two characters and the organization moves left.
 */
function closing(signature: string | null, date: string | null): Paragraph[] {
  if (!signature && !date) return [];
  const signatureWidth = signature ? widthInChars(signature) : 0;
  const dateWidth = date ? widthInChars(date) : 0;
  const dateRight = signature ? Math.max(2, signatureWidth - dateWidth) : 2;
  const signatureRight = dateRight + dateWidth + 2 - signatureWidth;
  return [
    blankLine(),
    ...(signature
      ? [paragraph(runs(signature), { align: AlignmentType.RIGHT, rightChars: Math.max(2, signatureRight) })]
      : []),
    ...(date ? [paragraph(runs(date), { align: AlignmentType.RIGHT, rightChars: dateRight })] : []),
  ];
}

/** "— 1 —" in 4号 宋体: odd pages on the right, even pages on the left, one character in from the edge. */
function pageNumberFooter(side: 'left' | 'right'): Footer {
  const size = SIZE.pageNumber;
  const oneChar = size * 10; // one 4号 character, in twips
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar } : { left: oneChar },
        spacing: { line: 400, lineRule: LineRuleType.EXACT },
        children: [
          new TextRun({ text: '— ', font: FONTS.pageNumber, size }),
          new TextRun({ children: [PageNumber.CURRENT], font: FONTS.pageNumber, size }),
          new TextRun({ text: ' —', font: FONTS.pageNumber, size }),
        ],
      }),
    ],
  });
}

/** Characters of 二号 type on one line of the 156 mm text area. */
export const TITLE_CHARS_PER_LINE = Math.floor(TEXT_WIDTH / 20 / (SIZE.title / 2));

const MIN_TITLE_LINE = 4;

/** Where a title may break, best first: after 关于, before the year, before the subject of the document. */
const TITLE_BREAKS = [/关于/u, /(?=\d{4}年)/u, /(?=法治政府建设)/u, /(人民政府|政府|委员会|办公室)/u];

/**
 * A title on as many lines as it needs, broken where the words allow: after 关于 or before a year, never inside a
 * word or a number. With no such place it breaks at the width, taking the number along whole.
 */
export function breakTitle(title: string, maxChars = TITLE_CHARS_PER_LINE): string[] {
  if (widthInChars(title) <= maxChars) return [title];
  for (const pattern of TITLE_BREAKS) {
    const match = pattern.exec(title);
    if (!match) continue;
    const at = match.index + match[0].length;
    const head = title.slice(0, at);
    const tail = title.slice(at);
    // A line of 关于 alone reads as a stray word: such a break is passed over for the next.
    if (tail && widthInChars(head) >= MIN_TITLE_LINE && widthInChars(head) <= maxChars)
      return [head, ...breakTitle(tail, maxChars)];
  }
  let at = 0;
  let width = 0;
  for (const char of title) {
    width += widthInChars(char);
    if (width > maxChars) break;
    at += char.length;
  }
  while (at > 0 && /\d/.test(title[at]) && /\d/.test(title[at - 1])) at--;
  return [title.slice(0, at), ...breakTitle(title.slice(at), maxChars)];
}
