import type { CellValue } from 'exceljs';
import { SheetRow } from './parse-jobs';

/** A cell as exceljs gives it, reduced to what the import reads. */
export interface LedgerCell {
  value: CellValue;
}

/** A row of the ledger: its non-empty cells, by column number (1 = A). */
export class LedgerRow {
  private readonly cells: Map<number, CellValue>;

  constructor(cells: SheetRow['cells']) {
    this.cells = new Map(cells);
  }

  /** The non-empty cells, left to right, as exceljs's Row.eachCell visits them. */
  eachCell(visit: (cell: LedgerCell, column: number) => void): void {
    for (const [column, value] of this.cells) visit({ value }, column);
  }

  getCell(column: number): LedgerCell {
    return { value: this.cells.get(column) ?? null };
  }
}

/**
 * The worksheet a parse thread read, on this side of the thread boundary: the part of exceljs's Worksheet interface
 * the ledger import uses (getRow, eachRow), over plain values.
 */
export class LedgerSheet {
  private readonly rows: Map<number, LedgerRow>;

  constructor(rows: SheetRow[]) {
    this.rows = new Map(rows.map((row) => [row.number, new LedgerRow(row.cells)]));
  }

  getRow(number: number): LedgerRow {
    return this.rows.get(number) ?? new LedgerRow([]);
  }

  /** The rows that hold a value, top to bottom, as exceljs's Worksheet.eachRow visits them. */
  eachRow(visit: (row: LedgerRow, number: number) => void): void {
    for (const [number, row] of this.rows) visit(row, number);
  }
}
