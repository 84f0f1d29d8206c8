import { Injectable } from '@nestjs/common';
import type ExcelJS from 'exceljs';
import { InvalidInputError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { assertCan } from '../identity/permissions';
import { readLedgerSheet } from '../parse-worker/upload-parsing';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { AssignmentChanges, TaskAssignmentService } from './task-assignment.service';
import { TaskWriter } from './task-writer';
import { TaskRepository } from './task.repository';

interface RowError {
  row: number;
  message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How far down the header row may sit: below a title and a 填报 line, with room for a blank line or two. */
const HEADER_SEARCH_ROWS = 6;
const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/**
 * Reads the exported 整改台账 back to reassign in bulk (责任领导, 责任单位, 责任人, 完成时限), matched by 任务编号.
 * Every row is validated first; any bad row rejects the whole file, naming its row numbers, and changes nothing.
 */
@Injectable()
export class TaskImportService {
  constructor(
    private readonly writer: TaskWriter,
    private readonly tasks: TaskRepository,
    private readonly directory: UserDirectoryRepository,
    private readonly assignment: TaskAssignmentService,
  ) {}

  async importLedger(user: AuthUser, buffer: Buffer) {
    assertCan(user, 'task.assign');
    const sheet = await readLedgerSheet(buffer);
    // The export puts a title and the 填报 line above the column header; older sheets start with it.
    const headerRow = findHeaderRow(sheet);
    const header = new Map<string, number>();
    sheet.getRow(headerRow).eachCell((cell, column) => header.set(cellText(cell.value), column));
    for (const required of ['任务编号', '责任领导', '责任单位', '责任人', '完成时限']) {
      if (!header.has(required))
        throw new InvalidInputError('IMPORT_INVALID', `表头缺少“${required}”列，请使用导出的整改台账`);
    }
    const [taskIds, names] = await Promise.all([
      this.tasks.findIdsOf(user.organizationId),
      this.directory.findActiveNameIndex(user.organizationId),
    ]);
    const errors: RowError[] = [];
    const planned: Array<{ id: string; changes: AssignmentChanges }> = [];
    sheet.eachRow((row, number) => {
      if (number <= headerRow) return;
      const value = (name: string) => cellText(row.getCell(header.get(name)!).value);
      const fail = (message: string) => errors.push({ row: number, message: `第${number}行：${message}` });
      const id = value('任务编号');
      if (!UUID.test(id)) return fail('任务编号缺失或格式不正确');
      if (!taskIds.has(id.toLowerCase())) return fail('任务不存在');
      const changes: AssignmentChanges = {};
      for (const [column, key] of [
        ['责任领导', 'leaderId'],
        ['责任人', 'assigneeId'],
      ] as const) {
        const name = value(column);
        if (!name) continue;
        const ids = names.users.get(name) ?? [];
        if (ids.length !== 1)
          return fail(ids.length ? `${column}“${name}”重名，请改用用户名` : `${column}“${name}”不存在`);
        changes[key] = ids[0];
      }
      const unit = value('责任单位');
      if (unit) {
        const unitId = names.units.get(unit);
        if (!unitId) return fail(`责任单位“${unit}”不存在`);
        changes.unitId = unitId;
      }
      const deadline = value('完成时限');
      if (deadline) {
        const normalized = toIsoDate(deadline);
        if (!normalized) return fail(`完成时限“${deadline}”不是有效日期`);
        changes.deadline = normalized;
      }
      planned.push({ id: id.toLowerCase(), changes });
    });
    if (errors.length) throw new InvalidInputError('IMPORT_INVALID', errors[0].message, { errors });
    let updated = 0;
    await this.writer.changeEach(user, planned, async (change, { changes }) => {
      if (await this.assignment.assign(change, user, changes, 'imported')) updated += 1;
    });
    return { rows: planned.length, updated, unchanged: planned.length - updated };
  }
}

/** The first of the top rows that holds a 任务编号 cell (row 1 when none does, so the error names the column). */
function findHeaderRow(sheet: Awaited<ReturnType<typeof readLedgerSheet>>): number {
  for (let number = 1; number <= HEADER_SEARCH_ROWS; number += 1) {
    let found = false;
    sheet.getRow(number).eachCell((cell) => (found ||= cellText(cell.value) === '任务编号'));
    if (found) return number;
  }
  return 1;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return String(value.result ?? '').trim();
  }
  return String(value).trim();
}

function toIsoDate(text: string): string | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const iso = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}
