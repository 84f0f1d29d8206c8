import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { Organization } from '../identity/organization.entity';
import { parseReportText, readReportUpload } from '../parse-worker/upload-parsing';
import { parseReport, ReportReadError, UnitKeywords } from '../parsing';
import { FileStorageService, StoredFile } from '../storage/file-storage.service';

export interface UploadedReport {
  fileName: string;
  buffer: Buffer;
}

const TYPE_ERRORS = new Set(['UNSUPPORTED_FILE_TYPE', 'FILE_CONTENT_MISMATCH']);

const ITEM_COLUMNS = `i.id, i.seq, i.kind, i.title, i.text, i.start_offset AS "start", i.end_offset AS "end",
  i.heading_path AS "headingPath", i.suggested_units AS "suggestedUnits", i.suggested_deadline::text AS "suggestedDeadline",
  i.long_term AS "longTerm"`;

@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: FileStorageService,
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
    const existing = await this.findIdBySha(user.organizationId, sha256);
    if (existing) return { ...(await this.get(user, existing)), duplicate: true };

    const parsed = await parseReportText(text, {
      unitKeywords: await this.unitKeywords(user.organizationId),
      // Among the places a report without a title office names, the uploader's own wins.
      knownOrganization: (
        await this.dataSource.getRepository(Organization).findOneBy({ id: user.organizationId })
      )?.name,
    });
    const stored = await this.storage.save('reports', upload.buffer);
    let reportId: string;
    try {
      reportId = await this.dataSource.transaction((manager) =>
        this.insert(manager, user, upload, stored, parsed),
      );
    } catch (error) {
      await this.storage.discard(stored);
      // A concurrent upload of the same file won the unique constraint: answer with its report.
      const winner = await this.findIdBySha(user.organizationId, sha256);
      if (winner) return { ...(await this.get(user, winner)), duplicate: true };
      throw error;
    }
    return { ...(await this.get(user, reportId)), duplicate: false };
  }

  async list(user: AuthUser) {
    return this.dataSource.query(
      `SELECT r.id, r.file_name AS "fileName", r.title, r.organization_name AS "organization", r.report_year AS "reportYear",
              r.plan_year AS "planYear", r.size_bytes AS "sizeBytes", r.created_at AS "createdAt",
              (SELECT count(*)::int FROM report_items i WHERE i.report_id = r.id) AS "itemCount",
              (SELECT count(*)::int FROM tasks t WHERE t.report_id = r.id) AS "taskCount"
         FROM reports r WHERE r.organization_id = $1 ORDER BY r.created_at DESC`,
      [user.organizationId],
    );
  }

  async get(user: AuthUser, id: string) {
    const [report] = await this.dataSource.query(
      `SELECT id, file_name AS "fileName", sha256, size_bytes AS "sizeBytes", organization_name AS "organization",
              report_year AS "reportYear", plan_year AS "planYear", title, parse, created_at AS "createdAt"
         FROM reports WHERE id = $1 AND organization_id = $2`,
      [id, user.organizationId],
    );
    if (!report) throw new NotFoundError('报告', 'REPORT_NOT_FOUND');
    const items = await this.dataSource.query(
      `SELECT ${ITEM_COLUMNS}, t.id AS "taskId" FROM report_items i LEFT JOIN tasks t ON t.report_item_id = i.id
        WHERE i.report_id = $1 ORDER BY i.seq`,
      [id],
    );
    const { parse, ...rest } = report;
    return {
      ...rest,
      sections: parse.sections ?? [],
      responsiblePerson: parse.responsiblePerson ?? null,
      items,
    };
  }

  async text(user: AuthUser, id: string): Promise<string> {
    const [row] = await this.dataSource.query(
      `SELECT text FROM reports WHERE id = $1 AND organization_id = $2`,
      [id, user.organizationId],
    );
    if (!row) throw new NotFoundError('报告', 'REPORT_NOT_FOUND');
    return row.text;
  }

  private async insert(
    manager: EntityManager,
    user: AuthUser,
    upload: UploadedReport,
    stored: StoredFile,
    parsed: ReturnType<typeof parseReport>,
  ) {
    const [report] = await manager.query(
      `INSERT INTO reports (organization_id, file_name, sha256, size_bytes, storage_path, text, organization_name, report_year, plan_year, title, parse, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
      [
        user.organizationId,
        upload.fileName.slice(0, 255),
        stored.sha256,
        stored.sizeBytes,
        stored.storagePath,
        parsed.text,
        parsed.organization,
        parsed.reportYear,
        parsed.planYear,
        parsed.title,
        JSON.stringify({ sections: parsed.sections, responsiblePerson: parsed.responsiblePerson }),
        user.id,
      ],
    );
    for (const [seq, item] of parsed.items.entries()) {
      await manager.query(
        `INSERT INTO report_items (report_id, organization_id, seq, kind, title, text, start_offset, end_offset, heading_path, suggested_units, suggested_deadline, long_term)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
        [
          report.id,
          user.organizationId,
          seq + 1,
          item.kind,
          item.title,
          item.text,
          item.start,
          item.end,
          item.headingPath,
          item.suggestedUnits,
          item.suggestedDeadline,
          item.longTerm,
        ],
      );
    }
    return report.id as string;
  }

  private async findIdBySha(organizationId: string, sha256: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT id FROM reports WHERE organization_id = $1 AND sha256 = $2`,
      [organizationId, sha256],
    );
    return row?.id ?? null;
  }

  /** The organization's own units steer unit suggestions when it has any (the parser's defaults otherwise). */
  private async unitKeywords(organizationId: string): Promise<UnitKeywords[] | undefined> {
    const [{ exists }] = await this.dataSource.query(`SELECT to_regclass('units') IS NOT NULL AS exists`);
    if (!exists) return undefined;
    const rows: Array<{ name: string; keywords: string[] }> = await this.dataSource.query(
      `SELECT name, keywords FROM units WHERE organization_id = $1 AND active ORDER BY name`,
      [organizationId],
    );
    return rows.length
      ? rows.map((row) => ({ name: row.name, keywords: row.keywords.length ? row.keywords : [row.name] }))
      : undefined;
  }
}
