import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { OrganizationScopeService } from '../identity/org-scope';
import { OrganizationSettingsService } from '../identity/organization-settings.service';
import { UnitsService } from '../identity/units.service';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { parseReportText, readReportUpload } from '../parse-worker/upload-parsing';
import { ReportReadError, UnitKeywords } from '../parsing';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { FileStorageService } from '../storage/file-storage.service';
import { Report, ReportParseSummary } from './report.entity';
import { ReportItemView, ReportRepository } from './report.repository';
import { suggestDeadline, suggestProblemLinks } from './review-suggestions';

export interface UploadedReport {
  fileName: string;
  buffer: Buffer;
}

const TYPE_ERRORS = new Set(['UNSUPPORTED_FILE_TYPE', 'FILE_CONTENT_MISMATCH']);

@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly units: UnitsService,
    private readonly directory: UserDirectoryRepository,
    private readonly storage: FileStorageService,
    private readonly settings: OrganizationSettingsService,
    private readonly calendar: OrganizationCalendar,
    private readonly scope: OrganizationScopeService,
  ) {}

  /** Stores file + rows in one go; the same file again for the same organization returns the existing report. */
  async upload(user: AuthUser, upload: UploadedReport) {
    const text = await readReportUpload(upload.buffer, upload.fileName).catch((error: unknown) => {
      if (error instanceof ReportReadError) {
        const status = TYPE_ERRORS.has(error.code)
          ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
          : HttpStatus.BAD_REQUEST;
        throw new DomainError(error.code, error.message, status);
      }
      throw error;
    });
    const sha256 = FileStorageService.sha256(upload.buffer);
    const existing = await this.reports.findIdBySha(user.organizationId, sha256);
    if (existing) return { ...(await this.get(user, existing)), duplicate: true };

    const [unitKeywords, organizationNames] = await Promise.all([
      this.unitKeywords(user.organizationId),
      this.directory.findOrganizationNames([user.organizationId]),
    ]);
    const parsed = await parseReportText(text, {
      unitKeywords,
      // Among the places a report without a title office names, the uploader's own wins.
      knownOrganization: organizationNames.get(user.organizationId),
    });
    let reportId: string;
    try {
      reportId = await this.storage.saveThenRecord(Report, 'reports', upload.buffer, (stored, manager) =>
        this.reports.insertWithItems(
          manager,
          {
            organizationId: user.organizationId,
            fileName: upload.fileName.slice(0, 255),
            sha256: stored.sha256,
            sizeBytes: stored.sizeBytes,
            storagePath: stored.storagePath,
            text: parsed.text,
            organizationName: parsed.organization,
            reportYear: parsed.reportYear,
            planYear: parsed.planYear,
            title: parsed.title,
            parse: { sections: parsed.sections, responsiblePerson: parsed.responsiblePerson },
            createdBy: user.id,
          },
          parsed.items.map((item, index) => ({
            seq: index + 1,
            kind: item.kind,
            title: item.title,
            text: item.text,
            startOffset: item.start,
            endOffset: item.end,
            headingPath: item.headingPath,
            suggestedUnits: item.suggestedUnits,
            suggestedDeadline: item.suggestedDeadline,
            longTerm: item.longTerm,
          })),
        ),
      );
    } catch (error) {
      // A concurrent upload of the same file won the unique constraint: answer with its report.
      const winner = await this.reports.findIdBySha(user.organizationId, sha256);
      if (winner) return { ...(await this.get(user, winner)), duplicate: true };
      throw error;
    }
    return { ...(await this.get(user, reportId)), duplicate: false };
  }

  /** The caller's reports, or a township's for its county (to filter that township's ledger by report); read-only. */
  async list(user: AuthUser, organizationId?: string) {
    return this.reports.list(await this.scope.readableOrganizationId(user, organizationId));
  }

  async get(user: AuthUser, id: string) {
    const report = await this.reports.findInOrganization(user.organizationId, id);
    if (!report) throw new NotFoundError('报告', 'REPORT_NOT_FOUND');
    const { parse, organizationName, ...rest } = report as typeof report & { parse: ReportParseSummary };
    return {
      ...rest,
      organization: organizationName,
      sections: parse.sections ?? [],
      responsiblePerson: parse.responsiblePerson ?? null,
      items: await this.forReview(user.organizationId, report.planYear, await this.reports.findItems(id)),
    };
  }

  /**
   * Items as the review shows them: the report's own deadline kept as `reportedDeadline`, the one to offer never in
   * the past, and for each measure the problem it most likely answers.
   */
  private async forReview(organizationId: string, planYear: number | null, items: ReportItemView[]) {
    const settings = await this.settings.of(organizationId);
    const today = this.calendar.today();
    const links = suggestProblemLinks(items);
    return items.map((item) => ({
      ...item,
      reportedDeadline: item.suggestedDeadline,
      ...suggestDeadline(item.suggestedDeadline, planYear, settings, today),
      suggestedProblemItemId: links.get(item.id) ?? null,
    }));
  }

  async text(user: AuthUser, id: string): Promise<string> {
    const text = await this.reports.findText(user.organizationId, id);
    if (text === null) throw new NotFoundError('报告', 'REPORT_NOT_FOUND');
    return text;
  }

  /** The organization's own units steer unit suggestions when it has any (the parser's defaults otherwise). */
  private async unitKeywords(organizationId: string): Promise<UnitKeywords[] | undefined> {
    const units = await this.units.listKeywords(organizationId);
    return units.length
      ? units.map((unit) => ({
          name: unit.name,
          keywords: unit.keywords.length ? unit.keywords : [unit.name],
        }))
      : undefined;
  }
}
