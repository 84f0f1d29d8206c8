import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DraftTask, EarlierProblem } from './draft-types';
import { TextItem } from './link-measures';

export interface PreviousReportItems {
  problems: TextItem[];
  measures: TextItem[];
}

/** The reads a draft is built from: tasks planned for the year and the problems of the yearly reports. */
@Injectable()
export class DraftSourcesRepository {
  constructor(private readonly dataSource: DataSource) {}

  findTasksPlannedFor(organizationId: string, year: number, timeZone: string): Promise<DraftTask[]> {
    return this.dataSource.query(
      `SELECT t.id, t.report_item_id AS "reportItemId", t.kind, t.title, t.heading_path AS "headingPath",
              to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.status, t.outcome,
              to_char(t.completed_at AT TIME ZONE $3, 'YYYY-MM-DD') AS "completedOn", t.long_term AS "longTerm",
              (SELECT u.note FROM task_updates u WHERE u.task_id = t.id ORDER BY u.created_at DESC, u.id DESC LIMIT 1) AS "latestNote"
         FROM tasks t
        WHERE t.organization_id = $1 AND t.plan_year = $2
        ORDER BY t.id`,
      [organizationId, year, timeZone],
    );
  }

  /** Problems and measures of the report that planned `year` (the report on year - 1). */
  async findPreviousReportItems(organizationId: string, year: number): Promise<PreviousReportItems> {
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

  /** Problems of the reports on years before `reportYear`, for spotting recurring ones. */
  findProblemsReportedBefore(organizationId: string, reportYear: number): Promise<EarlierProblem[]> {
    return this.dataSource.query(
      `SELECT i.id AS "itemId", r.report_year AS "reportYear", i.title, i.text
         FROM report_items i JOIN reports r ON r.id = i.report_id
        WHERE r.organization_id = $1 AND r.report_year < $2 AND i.kind = 'problem'
        ORDER BY r.report_year, i.seq`,
      [organizationId, reportYear],
    );
  }

  /** The name the organization signs its reports with, preferring the report that planned `year`. */
  async findOrganizationName(organizationId: string, year: number): Promise<string | null> {
    const rows: { name: string }[] = await this.dataSource.query(
      `SELECT organization_name AS name FROM reports
        WHERE organization_id = $1 AND organization_name IS NOT NULL
        ORDER BY (plan_year = $2) DESC NULLS LAST, created_at DESC LIMIT 1`,
      [organizationId, year],
    );
    return rows[0]?.name ?? null;
  }

  async findReportForCompleteness(
    organizationId: string,
    reportId: string,
  ): Promise<{ text: string; parse: { sections?: unknown } } | null> {
    const rows = await this.dataSource.query(
      `SELECT text, parse FROM reports WHERE id = $1 AND organization_id = $2`,
      [reportId, organizationId],
    );
    return rows[0] ?? null;
  }

  /** The plan year of the task an event is about, so the event rebuilds the right draft. */
  async findTaskPlanYear(organizationId: string, taskId: string): Promise<number | null> {
    const rows: { plan_year: number | null }[] = await this.dataSource.query(
      `SELECT plan_year FROM tasks WHERE id = $1 AND organization_id = $2`,
      [taskId, organizationId],
    );
    return rows[0]?.plan_year ?? null;
  }
}
