import { InvalidInputError } from '../common/domain-error';
import { loadExcel } from './load-excel';
import { previewKind } from './evidence-content';

/** At most this much of a document reaches the page: a preview, not a viewer. */
const MAX_TEXT_CHARS = 20_000;
const MAX_ROWS = 200;
const MAX_COLUMNS = 30;

export type EvidencePreview =
  | { kind: 'text'; fileName: string; text: string; truncated: boolean }
  | {
      kind: 'table';
      fileName: string;
      sheets: Array<{ name: string; rows: string[][] }>;
      truncated: boolean;
    };

/** A .docx as its plain text (mammoth), an .xlsx as the cell text of each sheet; anything else is refused. */
export async function previewEvidence(fileName: string, content: Buffer): Promise<EvidencePreview> {
  const kind = previewKind(fileName);
  if (!kind) throw new InvalidInputError('PREVIEW_UNSUPPORTED', '该类型的文件不能预览，请下载查看');
  try {
    return kind === 'text' ? await docxText(fileName, content) : await xlsxTable(fileName, content);
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw new InvalidInputError('PREVIEW_UNREADABLE', '文件无法读取（可能已损坏），请下载查看');
  }
}

async function docxText(fileName: string, content: Buffer): Promise<EvidencePreview> {
  const { default: mammoth } = await import('mammoth');
  const { value } = await mammoth.extractRawText({ buffer: content });
  const text = value.replace(/\n{3,}/g, '\n\n').trim();
  return {
    kind: 'text',
    fileName,
    text: text.slice(0, MAX_TEXT_CHARS),
    truncated: text.length > MAX_TEXT_CHARS,
  };
}

async function xlsxTable(fileName: string, content: Buffer): Promise<EvidencePreview> {
  const excel = await loadExcel();
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  let truncated = false;
  const sheets = workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      if (rows.length >= MAX_ROWS) return void (truncated = true);
      const cells: string[] = [];
      for (let column = 1; column <= Math.min(row.cellCount, MAX_COLUMNS); column += 1)
        cells.push(row.getCell(column).text ?? '');
      if (row.cellCount > MAX_COLUMNS) truncated = true;
      rows.push(cells);
    });
    return { name: sheet.name, rows };
  });
  return { kind: 'table', fileName, sheets, truncated };
}
