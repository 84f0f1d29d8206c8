/** exceljs on first use: it is the largest library the API loads, and only the ledger's Excel routes need it. */
export async function loadExcel(): Promise<typeof import('exceljs')> {
  const { default: excel } = await import('exceljs');
  return excel;
}
