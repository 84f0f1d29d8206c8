import { Injectable } from '@nestjs/common';
import type ExcelJS from 'exceljs';
import type { AuthUser } from '../identity/auth-user';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { LedgerQuery } from './dto/ledger.dto';
import { LEDGER_COLUMNS } from './ledger-columns';
import { loadExcel } from './load-excel';
import { LedgerEntry, TaskLedgerService } from './task-ledger.service';
import { TRAFFIC_LIGHT_COLORS, TRAFFIC_LIGHT_LABELS, TrafficLight } from './traffic-light';

/** Row numbers of the title block; the column header is the row the import looks for. */
const TITLE_ROW = 1;
const FILLED_ROW = 2;
const HEADER_ROW = 3;

const BODY_FONT = { name: '仿宋', size: 11 };
const LINE_HEIGHT = 15;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Light fills as offices colour a 台账 (pale, so the text stays legible in print). */
const LIGHT_FILLS: Record<TrafficLight, string> = {
  green: 'FFC6EFCE',
  yellow: 'FFFFEB9C',
  red: 'FFFFC7CE',
  gray: 'FFE7E6E6',
};

/** The workbook and the name it downloads under: the 台账 of the organization whose ledger it is. */
export interface LedgerFile {
  fileName: string;
  buffer: Buffer;
}

/**
 * The 整改台账 as an .xlsx that prints: title and 填报 rows, grouped problem → measures with merged 序号 and 问题
 * cells, borders, 仿宋, row heights that fit the wrapped text, A4 landscape one page wide with the header repeated.
 * Ids sit in a hidden last column, so the sheet still goes back through POST /tasks/import.xlsx.
 */
@Injectable()
export class TaskExportService {
  constructor(
    private readonly ledger: TaskLedgerService,
    private readonly directory: UserDirectoryRepository,
  ) {}

  async exportLedger(user: AuthUser, query: LedgerQuery = {}): Promise<LedgerFile> {
    const document = await this.ledger.document(user, query);
    const entries = document.groups.flatMap((group) => [
      ...(group.problem ? [group.problem] : []),
      ...group.measures,
    ]);
    const present = (ids: Array<string | null>) => [
      ...new Set(ids.filter((id): id is string => id !== null)),
    ];
    const names = await this.directory.findNames({
      userIds: present(entries.flatMap((entry) => [entry.leaderId, entry.assigneeId])),
      unitIds: present(entries.map((entry) => entry.unitId)),
    });
    const userName = (id: string | null) => (id && names.users.get(id)) || '';
    const { Workbook } = await loadExcel();
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('整改台账', {
      views: [{ state: 'frozen', ySplit: HEADER_ROW }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      },
      headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    });
    sheet.columns = LEDGER_COLUMNS.map(({ key, width, ...rest }) => ({
      key,
      width,
      hidden: 'hidden' in rest && rest.hidden,
    }));
    writeTitleBlock(sheet, document.title, document.organizationName, document.filledOn);
    const header = sheet.getRow(HEADER_ROW);
    header.values = LEDGER_COLUMNS.map((column) => column.header);
    header.height = 24;
    header.eachCell((cell) => {
      cell.font = { ...BODY_FONT, name: '黑体', bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    });
    for (const group of document.groups) {
      // A problem without measures on its own line, its own columns; otherwise one line per measure.
      const lines: Array<LedgerEntry | null> = group.measures.length ? group.measures : [group.problem];
      const first = sheet.rowCount + 1;
      for (const entry of lines) {
        const task = entry ?? group.problem!;
        const row = sheet.addRow({
          seq: group.seq,
          problem: group.problemTitle ?? '',
          measure: entry === group.problem ? '' : task.title,
          leader: userName(task.leaderId),
          unit: (task.unitId && names.units.get(task.unitId)) || '',
          assignee: userName(task.assigneeId),
          deadline: task.longTerm ? '长期坚持' : (task.deadline ?? ''),
          progress: task.progressText,
          outcome: task.outcome ?? '',
          light: `${TRAFFIC_LIGHT_COLORS[task.light]}灯\n${TRAFFIC_LIGHT_LABELS[task.light]}`,
          id: task.id,
        });
        styleBodyRow(row, task.light);
      }
      const last = sheet.rowCount;
      if (last > first) {
        sheet.mergeCells(first, 1, last, 1);
        sheet.mergeCells(first, 2, last, 2);
      }
      fitMergedProblem(sheet, first, last, group.problemTitle ?? '');
    }
    return {
      fileName: `${document.organizationName}整改台账.xlsx`,
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }
}

function writeTitleBlock(sheet: ExcelJS.Worksheet, title: string, organization: string, filledOn: string) {
  const visible = LEDGER_COLUMNS.filter((column) => !('hidden' in column)).length;
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, visible);
  const titleCell = sheet.getCell(TITLE_ROW, 1);
  titleCell.value = title;
  titleCell.font = { name: '宋体', size: 18, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(TITLE_ROW).height = 36;
  const half = Math.floor(visible / 2);
  sheet.mergeCells(FILLED_ROW, 1, FILLED_ROW, half);
  sheet.mergeCells(FILLED_ROW, half + 1, FILLED_ROW, visible);
  const unit = sheet.getCell(FILLED_ROW, 1);
  unit.value = `填报单位：${organization}`;
  const date = sheet.getCell(FILLED_ROW, half + 1);
  date.value = `填报日期：${filledOn.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日')}`;
  for (const [cell, horizontal] of [
    [unit, 'left'],
    [date, 'right'],
  ] as const) {
    cell.font = { ...BODY_FONT, size: 12 };
    cell.alignment = { horizontal, vertical: 'middle' };
  }
  sheet.getRow(FILLED_ROW).height = 22;
}

function styleBodyRow(row: ExcelJS.Row, light: TrafficLight) {
  let lines = 1;
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    const spec = LEDGER_COLUMNS[column - 1];
    if (!spec) return;
    cell.font = BODY_FONT;
    cell.border = BORDER;
    const centered = ['seq', 'leader', 'assignee', 'deadline', 'light'].includes(spec.key);
    cell.alignment = { vertical: 'middle', horizontal: centered ? 'center' : 'left', wrapText: true };
    // The merged 问题 cell is fitted over its whole group afterwards.
    if (spec.key !== 'problem' && !('hidden' in spec))
      lines = Math.max(lines, linesNeeded(String(cell.value ?? ''), spec.width));
  });
  const lightCell = row.getCell(LEDGER_COLUMNS.findIndex((column) => column.key === 'light') + 1);
  lightCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_FILLS[light] } };
  row.height = lines * LINE_HEIGHT + 6;
}

/** Grows the group's last row until the (merged) 问题 cell's text fits in the rows' total height. */
function fitMergedProblem(sheet: ExcelJS.Worksheet, first: number, last: number, text: string) {
  const needed = linesNeeded(text, LEDGER_COLUMNS[1].width) * LINE_HEIGHT + 6;
  let height = 0;
  for (let number = first; number <= last; number += 1) height += sheet.getRow(number).height ?? 0;
  if (needed > height) sheet.getRow(last).height = (sheet.getRow(last).height ?? 0) + needed - height;
}

/**
 * Lines a wrapped cell takes: a CJK character is two units of column width, others one; a little slack for the
 * cell's padding. Excel and LibreOffice keep stored row heights, so the export has to work them out itself.
 */
export function linesNeeded(text: string, width: number): number {
  const usable = Math.max(2, width - 1.5);
  return text.split('\n').reduce((sum, paragraph) => {
    let units = 0;
    for (const char of paragraph) units += /[\u2e80-\uffef]/.test(char) ? 2.1 : 1.1;
    return sum + Math.max(1, Math.ceil(units / usable));
  }, 0);
}
