import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../common/domain-error';
import { JobProducer } from '../queue/job-producer';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { applyEdits } from './apply-edits';
import { buildDraft } from './build-draft';
import { checkReportCompleteness, ParsedSectionLike } from './completeness';
import { defaultAsOf, fromLedgerRows, fullOrganizationName, problemLinks } from './draft-inputs';
import { DraftInputsService } from './draft-inputs.service';
import { DraftParagraphEdit } from './draft-paragraph-edit.entity';
import { DraftSourcesRepository } from './draft-sources.repository';
import { loadDraftTemplates } from './draft-templates';
import { Completeness, Draft, DraftTemplates } from './draft-types';
import { linkMeasuresToProblems } from '../parsing/link-measures';
import { ReportDraftRepository } from './report-draft.repository';

/** A burst of task events within this window ends in one rebuild. */
export const ROLLUP_DEBOUNCE_MS = 2000;
const FALLBACK_ORGANIZATION_NAME = '本单位';

export type DraftView = Draft & { builtAt: Date };

@Injectable()
export class RollupService {
  private readonly templates: DraftTemplates = loadDraftTemplates();

  constructor(
    private readonly sources: DraftSourcesRepository,
    private readonly inputs: DraftInputsService,
    private readonly drafts: ReportDraftRepository,
    @InjectRepository(DraftParagraphEdit) private readonly edits: Repository<DraftParagraphEdit>,
    private readonly producer: JobProducer,
    private readonly calendar: OrganizationCalendar,
  ) {}

  /**
   * Schedules a rebuild after the debounce window. While one is waiting, more requests are no-ops; while one runs,
   * exactly one follow-up is kept, so changes made during a rebuild are never missed and rebuilds never overlap.
   */
  async scheduleRebuild(organizationId: string, year: number): Promise<void> {
    await this.producer.enqueue(
      'rollup.rebuild',
      { organizationId, year },
      {
        delay: ROLLUP_DEBOUNCE_MS,
        deduplication: { id: `rollup:${organizationId}:${year}`, keepLastIfActive: true },
        removeOnComplete: true,
        removeOnFail: 100,
      },
    );
  }

  async scheduleRebuildForTask(organizationId: string, taskId: string): Promise<void> {
    const year = await this.sources.findTaskPlanYear(organizationId, taskId);
    if (year !== null) await this.scheduleRebuild(organizationId, year);
  }

  /** Rebuilds the stored draft (as of the default date) from the current tasks; the same tasks give the same content. */
  async rebuild(organizationId: string, year: number): Promise<Draft> {
    const draft = await this.build(organizationId, year, this.defaultAsOf(year));
    const hash = createHash('sha256').update(JSON.stringify(draft)).digest('hex');
    await this.drafts.store(organizationId, year, draft, hash);
    return draft;
  }

  /** The draft as of `asOf`: work done by then counts, deadlines before then are missed. */
  async build(organizationId: string, year: number, asOf: string): Promise<Draft> {
    const [tasks, previous, earlier, reportName, extras] = await Promise.all([
      this.sources.findTasksPlannedFor(organizationId, year),
      this.sources.findPreviousReportItems(organizationId, year),
      this.sources.findProblemsReportedBefore(organizationId, year - 1),
      this.sources.findOrganizationName(organizationId, year),
      this.inputs.load(organizationId, year, asOf),
    ]);
    const extensions = await this.sources.findApprovedExtensions(
      tasks.map((task) => task.id),
      this.calendar.timeZone,
    );
    const guessed = linkMeasuresToProblems(previous.problems, previous.measures);
    for (const problem of previous.problems) if (!guessed.has(problem.id)) guessed.set(problem.id, []);
    const links = problemLinks(guessed, tasks);
    const previousProblems = previous.problems.map((problem) => ({
      itemId: problem.id,
      title: problem.title,
      text: problem.text,
      measureItemIds: links.get(problem.id) ?? [],
    }));
    return buildDraft({
      organizationName: fullOrganizationName(extras.registeredName, reportName) ?? FALLBACK_ORGANIZATION_NAME,
      year,
      asOf,
      issuedOn: this.calendar.today(),
      addressee: extras.addressee,
      tasks: fromLedgerRows(tasks, previousProblems, extensions, asOf),
      previousProblems,
      earlierYearsProblems: earlier,
      entries: extras.entries,
      newProblems: [],
      leaderPlans: [],
      categories: extras.categories,
      templates: this.templates,
    });
  }

  carryOverCandidates(organizationId: string, year: number) {
    return this.sources.findCarryOverCandidates(organizationId, year);
  }

  defaultAsOf(year: number): string {
    return defaultAsOf(year, this.calendar.today());
  }

  /**
   * The draft with the office's edits laid over it. The stored draft is as of the default date; it is built on the
   * spot the first time, so it always answers, and again on a new day, because what is overdue changes with the
   * date even when no task does. Another `asOf` is built on the spot and not stored.
   */
  async getDraft(organizationId: string, year: number, asOf?: string): Promise<DraftView> {
    const edits = await this.edits.find({
      where: { organizationId, year },
      order: { placedAt: 'ASC', editedAt: 'ASC', paragraphId: 'ASC' },
    });
    if (asOf && asOf !== this.defaultAsOf(year)) {
      const built = await this.build(organizationId, year, asOf);
      return { ...applyEdits(built, edits), builtAt: new Date() };
    }
    let stored = await this.drafts.find(organizationId, year);
    if (!stored || this.calendar.dateOf(stored.builtAt) !== this.calendar.today() || !stored.content.asOf) {
      await this.rebuild(organizationId, year);
      stored = await this.drafts.findStored(organizationId, year);
    }
    return { ...applyEdits(stored.content, edits), builtAt: stored.builtAt };
  }

  async rebuildNow(organizationId: string, year: number): Promise<DraftView> {
    await this.rebuild(organizationId, year);
    return this.getDraft(organizationId, year);
  }

  async reportCompleteness(organizationId: string, reportId: string): Promise<Completeness> {
    const report = await this.sources.findReportForCompleteness(organizationId, reportId);
    if (!report) throw new NotFoundError('报告', 'REPORT_NOT_FOUND');
    const sections = Array.isArray(report.parse.sections)
      ? (report.parse.sections as ParsedSectionLike[])
      : [];
    return checkReportCompleteness(sections, report.text);
  }
}

export type DraftFormat = 'json' | 'docx' | 'md';

/** `2025`, `2025.docx` or `2025.md`: one route parameter, because `/reports/drafts/2025.docx` is one path segment. */
export function parseDraftFile(file: string): { year: number; format: DraftFormat } {
  const match = /^(\d{4})(?:\.(docx|md))?$/.exec(file);
  if (!match)
    throw new InvalidInputError('INVALID_DRAFT_YEAR', '年份格式不正确，应为四位数字，可带 .docx 或 .md 后缀');
  return { year: Number(match[1]), format: (match[2] as DraftFormat | undefined) ?? 'json' };
}

export function parseDraftYear(year: string): number {
  const parsed = parseDraftFile(year);
  if (parsed.format !== 'json')
    throw new InvalidInputError('INVALID_DRAFT_YEAR', '年份格式不正确，应为四位数字');
  return parsed.year;
}
