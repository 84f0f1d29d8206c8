import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../identity/auth-user';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { ReportRepository } from '../reports/report.repository';
import { loadExcel } from './load-excel';
import { TASK_STATUS_LABELS } from './task-status';
import { TaskRepository } from './task.repository';

/** The 整改台账 columns, in ledger order. */
export const LEDGER_COLUMNS = [
  { header: '序号', key: 'seq', width: 6 },
  { header: '问题/任务', key: 'title', width: 36 },
  { header: '来源', key: 'source', width: 24 },
  { header: '整改措施', key: 'measure', width: 48 },
  { header: '责任领导', key: 'leader', width: 12 },
  { header: '责任单位', key: 'unit', width: 18 },
  { header: '责任人', key: 'assignee', width: 12 },
  { header: '完成时限', key: 'deadline', width: 12 },
  { header: '进展情况', key: 'progress', width: 30 },
  { header: '状态', key: 'status', width: 10 },
  { header: '完成成效', key: 'outcome', width: 36 },
  { header: '任务编号', key: 'id', width: 38 },
] as const;

@Injectable()
export class TaskExportService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly reports: ReportRepository,
    private readonly directory: UserDirectoryRepository,
  ) {}

  async exportLedger(user: AuthUser): Promise<Buffer> {
    const rows = await this.tasks.findLedgerRows(user.organizationId);
    const present = (ids: Array<string | null>) => [
      ...new Set(ids.filter((id): id is string => id !== null)),
    ];
    const [reportTitles, names] = await Promise.all([
      this.reports.findTitles(present(rows.map((row) => row.reportId))),
      this.directory.findNames({
        userIds: present(rows.flatMap((row) => [row.leaderId, row.assigneeId])),
        unitIds: present(rows.map((row) => row.unitId)),
      }),
    ]);
    const userName = (id: string | null) => (id && names.users.get(id)) || '';
    const { Workbook } = await loadExcel();
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('整改台账', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = LEDGER_COLUMNS.map((column) => ({ ...column }));
    sheet.getRow(1).font = { bold: true };
    rows.forEach((row, index) => {
      const closed = row.status === 'completed' || row.status === 'cancelled';
      sheet.addRow({
        seq: index + 1,
        title: row.title,
        source: (row.reportId && reportTitles.get(row.reportId)) || '',
        measure: row.sourceText,
        leader: userName(row.leaderId),
        unit: (row.unitId && names.units.get(row.unitId)) || '',
        assignee: userName(row.assigneeId),
        deadline: row.deadline ?? '',
        progress: `${row.progress}%${row.lastNote ? `，${row.lastNote}` : ''}`,
        status: row.longTerm && !closed ? '长期坚持' : TASK_STATUS_LABELS[row.status],
        outcome: row.outcome ?? '',
        id: row.id,
      });
    });
    sheet.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}
