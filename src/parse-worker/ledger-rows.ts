import { SheetRow, ThreadError } from './parse-jobs';

/** The ledger's worksheet (整改台账, else the first) as plain rows, or why there is none. */
export async function ledgerRows(
  buffer: Buffer,
  maxRows: number,
): Promise<{ rows: SheetRow[] } | { error: ThreadError }> {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(buffer as never);
  } catch {
    return { error: { kind: 'ledger-unreadable' } };
  }
  const sheet = workbook.getWorksheet('整改台账') ?? workbook.worksheets[0];
  if (!sheet) return { error: { kind: 'ledger-without-sheet' } };
  if (sheet.actualRowCount > maxRows)
    return { error: { kind: 'ledger-too-long', rows: sheet.actualRowCount } };
  const rows: SheetRow[] = [];
  sheet.eachRow((row, number) => {
    const cells: SheetRow['cells'] = [];
    row.eachCell((cell, column) => cells.push([column, cell.value]));
    rows.push({ number, cells });
  });
  return { rows };
}
