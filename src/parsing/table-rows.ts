import { anyOf, SHORTCOMINGS } from './cue-words';
import { ItemKind } from './types';

/** The column whose cell names each row's item, by the header's words. */
const TITLE_COLUMN: Record<ItemKind, RegExp> = {
  problem: new RegExp(anyOf(SHORTCOMINGS)),
  cause: /原因/,
  measure: /措施|举措|整改内容|整改方案|办法/,
  plan: /任务|内容|措施|举措|计划|事项/,
};
const UNIT_COLUMN = /单位|部门|科室|站所/;
const DEADLINE_COLUMN = /时限|期限|时间|日期/;
const MAX_HEADER_CELL = 12;

export interface TableColumns {
  /** Index of the cell that titles the item; null: the longest cell of each row. */
  title: number | null;
  unit: number | null;
  deadline: number | null;
}

/** What the unit and deadline columns of one row say. */
export interface RowCells {
  unit: string | null;
  deadline: string | null;
}

/**
 * A table of a problems, measures or plans part (序号	反馈问题	整改措施	责任单位	整改时限), as a converted
 * Word table arrives: one row a line, cells apart by tabs. Its header, when it has one, tells which column
 * titles the item of each row; the whole row stays the item's text, so the unit and deadline columns feed the
 * suggestions.
 */
export function headerColumns(cells: string[], kind: ItemKind): TableColumns | null {
  if (!cells.every((cell) => cell.length <= MAX_HEADER_CELL)) return null;
  const title = cells.findIndex((cell) => TITLE_COLUMN[kind].test(cell));
  if (title < 0) return null;
  const column = (pattern: RegExp) => {
    const index = cells.findIndex((cell, i) => i !== title && pattern.test(cell));
    return index >= 0 ? index : null;
  };
  return { title, unit: column(UNIT_COLUMN), deadline: column(DEADLINE_COLUMN) };
}

export const GUESSED_COLUMNS: TableColumns = { title: null, unit: null, deadline: null };

/** Where in `row` the titling cell starts, and what its unit and deadline cells say. */
export function readRow(row: string, columns: TableColumns): { titleOffset: number; cells: RowCells } {
  const cells = row.split('\t');
  const cell = (index: number | null) =>
    index !== null && cells[index]?.trim() ? cells[index].trim() : null;
  let title = columns.title !== null && columns.title < cells.length ? columns.title : -1;
  if (title < 0 || cells[title].trim() === '') {
    title = cells.reduce((longest, text, i) => (text.length > cells[longest].length ? i : longest), 0);
  }
  const titleOffset = cells.slice(0, title).reduce((offset, text) => offset + text.length + 1, 0);
  return { titleOffset, cells: { unit: cell(columns.unit), deadline: cell(columns.deadline) } };
}
