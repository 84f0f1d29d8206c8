import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../identity/auth-user';
import { TASK_STATUS_LABELS, TaskStatus } from './task-status';
import { TasksService } from './tasks.service';
import { loadExcel } from './load-excel';

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

interface LedgerRow {
  id: string;
  title: string;
  sourceText: string;
  reportTitle: string | null;
  leader: string | null;
  unit: string | null;
  assignee: string | null;
  deadline: string | null;
  progress: number;
  lastNote: string | null;
  status: TaskStatus;
  longTerm: boolean;
  outcome: string | null;
}

@Injectable()
export class TaskExportService {
  constructor(private readonly tasks: TasksService) {}

  async exportLedger(user: AuthUser): Promise<Buffer> {
    const rows: LedgerRow[] = await this.tasks.dataSource.query(
      `SELECT t.id, t.title, t.source_text AS "sourceText", r.title AS "reportTitle", l.display_name AS leader, u.name AS unit,
              a.display_name AS assignee, t.deadline::text AS deadline, t.progress, t.status, t.long_term AS "longTerm", t.outcome,
              (SELECT note FROM task_updates tu WHERE tu.task_id = t.id ORDER BY tu.created_at DESC, tu.id LIMIT 1) AS "lastNote"
         FROM tasks t
         LEFT JOIN reports r ON r.id = t.report_id
         LEFT JOIN users l ON l.id = t.leader_id
         LEFT JOIN users a ON a.id = t.assignee_id
         LEFT JOIN units u ON u.id = t.unit_id
        WHERE t.organization_id = $1
        ORDER BY t.plan_year NULLS LAST, t.created_at, t.id`,
      [user.organizationId],
    );
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
        source: row.reportTitle ?? '',
        measure: row.sourceText,
        leader: row.leader ?? '',
        unit: row.unit ?? '',
        assignee: row.assignee ?? '',
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
