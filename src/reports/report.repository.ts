import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StoredFileReferences } from '../storage/stored-file-references';
import { ReportItem } from './report-item.entity';
import { Report, ReportParseSummary } from './report.entity';

export type NewReport = Omit<Report, 'id' | 'createdAt'>;
export type NewReportItem = Omit<ReportItem, 'id' | 'reportId' | 'organizationId' | 'taskId'>;

/** An item as the API shows it, with the task it became. */
export interface ReportItemView {
  id: string;
  seq: number;
  kind: ReportItem['kind'];
  title: string;
  text: string;
  start: number;
  end: number;
  headingPath: string[];
  suggestedUnits: string[];
  suggestedDeadline: string | null;
  longTerm: boolean;
  taskId: string | null;
}

/** An item being confirmed into a task, with the plan year of its report. */
export type ConfirmableItem = Pick<
  ReportItem,
  | 'id'
  | 'reportId'
  | 'kind'
  | 'title'
  | 'text'
  | 'headingPath'
  | 'suggestedUnits'
  | 'suggestedDeadline'
  | 'longTerm'
> & { planYear: number | null };

export interface TextItem {
  id: string;
  title: string;
  text: string;
}

/** `reports` and `report_items`. */
@Injectable()
export class ReportRepository {
  constructor(
    private readonly dataSource: DataSource,
    references: StoredFileReferences,
  ) {
    references.register(Report, (manager, storagePath) => manager.existsBy(Report, { storagePath }));
  }

  async findIdBySha(organizationId: string, sha256: string): Promise<string | null> {
    const report = await this.dataSource.manager.findOne(Report, {
      select: { id: true },
      where: { organizationId, sha256 },
    });
    return report?.id ?? null;
  }

  /**
   * The report and its items, in the caller's transaction; a concurrent upload of the same file loses on the unique
   * sha256.
   */
  async insertWithItems(manager: EntityManager, report: NewReport, items: NewReportItem[]): Promise<string> {
    const reportId = (await manager.insert(Report, report)).identifiers[0].id as string;
    if (items.length)
      await manager.insert(
        ReportItem,
        items.map((item) => ({ ...item, reportId, organizationId: report.organizationId })),
      );
    return reportId;
  }

  findInOrganization(organizationId: string, id: string) {
    return this.dataSource.manager.findOne(Report, {
      select: {
        id: true,
        fileName: true,
        sha256: true,
        sizeBytes: true,
        organizationName: true,
        reportYear: true,
        planYear: true,
        title: true,
        parse: true,
        createdAt: true,
      },
      where: { id, organizationId },
    });
  }

  async findText(organizationId: string, id: string): Promise<string | null> {
    const report = await this.dataSource.manager.findOne(Report, {
      select: { text: true },
      where: { id, organizationId },
    });
    return report?.text ?? null;
  }

  async existsInOrganization(manager: EntityManager, organizationId: string, id: string): Promise<boolean> {
    return manager.existsBy(Report, { id, organizationId });
  }

  findItems(reportId: string): Promise<ReportItemView[]> {
    return this.dataSource.query(
      `SELECT id, seq, kind, title, text, start_offset AS "start", end_offset AS "end", heading_path AS "headingPath",
              suggested_units AS "suggestedUnits", suggested_deadline::text AS "suggestedDeadline", long_term AS "longTerm",
              task_id AS "taskId"
         FROM report_items WHERE report_id = $1 ORDER BY seq`,
      [reportId],
    );
  }

  /** The organization's reports, newest first, with how many items they have and how many became tasks. */
  list(organizationId: string) {
    return this.dataSource.query(
      `SELECT r.id, r.file_name AS "fileName", r.title, r.organization_name AS "organization", r.report_year AS "reportYear",
              r.plan_year AS "planYear", r.size_bytes AS "sizeBytes", r.created_at AS "createdAt",
              (SELECT count(*)::int FROM report_items i WHERE i.report_id = r.id) AS "itemCount",
              (SELECT count(*)::int FROM report_items i WHERE i.report_id = r.id AND i.task_id IS NOT NULL) AS "taskCount"
         FROM reports r WHERE r.organization_id = $1 ORDER BY r.created_at DESC`,
      [organizationId],
    );
  }

  async findConfirmableItem(
    manager: EntityManager,
    reportId: string,
    itemId: string,
  ): Promise<ConfirmableItem | null> {
    const [item]: ConfirmableItem[] = await manager.query(
      `SELECT i.id, i.report_id AS "reportId", i.kind, i.title, i.text, i.heading_path AS "headingPath", i.suggested_units AS "suggestedUnits",
              i.suggested_deadline::text AS "suggestedDeadline", i.long_term AS "longTerm", r.plan_year AS "planYear"
         FROM report_items i JOIN reports r ON r.id = i.report_id WHERE i.id = $1 AND i.report_id = $2`,
      [itemId, reportId],
    );
    return item ?? null;
  }

  /** Records the task an item became, in the transaction that created the task. */
  async linkItemToTask(manager: EntityManager, itemId: string, taskId: string): Promise<void> {
    await manager.update(ReportItem, { id: itemId }, { taskId });
  }

  /** Problems and measures of the reports that planned `year` (the reports on year − 1), in report order. */
  async findProblemsAndMeasuresPlanning(
    organizationId: string,
    year: number,
  ): Promise<{ problems: TextItem[]; measures: TextItem[] }> {
    const rows: (TextItem & { kind: string })[] = await this.dataSource.query(
      `SELECT i.id, i.kind, i.title, i.text
         FROM report_items i JOIN reports r ON r.id = i.report_id
        WHERE r.organization_id = $1 AND r.plan_year = $2 AND i.kind IN ('problem', 'measure')
        ORDER BY r.created_at, r.id, i.seq`,
      [organizationId, year],
    );
    const pick = (kind: string) =>
      rows.filter((row) => row.kind === kind).map(({ id, title, text }) => ({ id, title, text }));
    return { problems: pick('problem'), measures: pick('measure') };
  }

  /** Problems of the reports on years before `reportYear`. */
  findProblemsReportedBefore(
    organizationId: string,
    reportYear: number,
  ): Promise<Array<{ itemId: string; reportYear: number; title: string; text: string }>> {
    return this.dataSource.query(
      `SELECT i.id AS "itemId", r.report_year AS "reportYear", i.title, i.text
         FROM report_items i JOIN reports r ON r.id = i.report_id
        WHERE r.organization_id = $1 AND r.report_year < $2 AND i.kind = 'problem'
        ORDER BY r.report_year, i.seq`,
      [organizationId, reportYear],
    );
  }

  /** The name the organization signs its reports with, preferring the report that planned `year`. */
  async findSignature(organizationId: string, year: number): Promise<string | null> {
    const rows: { name: string }[] = await this.dataSource.query(
      `SELECT organization_name AS name FROM reports
        WHERE organization_id = $1 AND organization_name IS NOT NULL
        ORDER BY (plan_year = $2) DESC NULLS LAST, created_at DESC LIMIT 1`,
      [organizationId, year],
    );
    return rows[0]?.name ?? null;
  }

  async findTextAndParse(
    organizationId: string,
    id: string,
  ): Promise<{ text: string; parse: ReportParseSummary } | null> {
    const report = await this.dataSource.manager.findOne(Report, {
      select: { text: true, parse: true },
      where: { id, organizationId },
    });
    return report && { text: report.text, parse: report.parse as ReportParseSummary };
  }
}
