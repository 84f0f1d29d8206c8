import { Injectable } from '@nestjs/common';
import { ReportRepository } from '../reports/report.repository';
import { TaskExtensionRepository } from '../tasks/task-extension.repository';
import { CarryOverCandidate, TaskRepository } from '../tasks/task.repository';
import { DraftTask, EarlierProblem, ExtensionRecord } from './draft-types';
import { TextItem } from '../parsing/link-measures';

export interface PreviousReportItems {
  problems: TextItem[];
  measures: TextItem[];
}

/**
 * The reads a draft is built from: tasks planned for the year and the problems of the yearly reports. The SQL
 * lives with the tables' owners (TaskRepository, ReportRepository); this is the rollup's view of them.
 */
@Injectable()
export class DraftSourcesRepository {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly reports: ReportRepository,
    private readonly extensions: TaskExtensionRepository,
  ) {}

  /** Approved extensions of the tasks, with the day each was approved. */
  findApprovedExtensions(taskIds: string[], timeZone: string): Promise<ExtensionRecord[]> {
    return this.extensions.findApprovedOf(taskIds, timeZone);
  }

  /** Unfinished tasks of the year with their carry-over, for the year-end screen. */
  findCarryOverCandidates(organizationId: string, year: number): Promise<CarryOverCandidate[]> {
    return this.tasks.findCarryOverCandidates(organizationId, year);
  }

  findTasksPlannedFor(organizationId: string, year: number): Promise<DraftTask[]> {
    return this.tasks.findPlannedFor(organizationId, year);
  }

  /** Problems and measures of the report that planned `year` (the report on year - 1). */
  findPreviousReportItems(organizationId: string, year: number): Promise<PreviousReportItems> {
    return this.reports.findProblemsAndMeasuresPlanning(organizationId, year);
  }

  /** Problems of the reports on years before `reportYear`, for spotting recurring ones. */
  findProblemsReportedBefore(organizationId: string, reportYear: number): Promise<EarlierProblem[]> {
    return this.reports.findProblemsReportedBefore(organizationId, reportYear);
  }

  /** The name the organization signs its reports with, preferring the report that planned `year`. */
  findOrganizationName(organizationId: string, year: number): Promise<string | null> {
    return this.reports.findSignature(organizationId, year);
  }

  findReportForCompleteness(
    organizationId: string,
    reportId: string,
  ): Promise<{ text: string; parse: { sections?: unknown } } | null> {
    return this.reports.findTextAndParse(organizationId, reportId);
  }

  /** The plan year of the task an event is about, so the event rebuilds the right draft. */
  findTaskPlanYear(organizationId: string, taskId: string): Promise<number | null> {
    return this.tasks.findPlanYear(organizationId, taskId);
  }
}
