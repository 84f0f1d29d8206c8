import type { CellValue } from 'exceljs';
import type { ParseOptions, ReportReadErrorCode } from '../parsing';

/** One job for a parse thread. */
export type ParseJob =
  | { kind: 'read-report'; buffer: Uint8Array; fileName: string }
  | { kind: 'parse-report'; text: string; options: ParseOptions }
  | { kind: 'read-ledger'; buffer: Uint8Array; maxRows: number };

/** A non-empty row of a worksheet with its non-empty cells, as exceljs gives them, by column number. */
export interface SheetRow {
  number: number;
  cells: Array<[number, CellValue]>;
}

/** Why a job could not give its value; errors cross the thread boundary as data, not as Error objects. */
export type ThreadError =
  | { kind: 'report-read'; code: ReportReadErrorCode; message: string }
  | { kind: 'ledger-unreadable' }
  | { kind: 'ledger-without-sheet' }
  | { kind: 'ledger-too-long'; rows: number };

export type ParseReply<T> = { ok: true; value: T } | { ok: false; error: ThreadError };
