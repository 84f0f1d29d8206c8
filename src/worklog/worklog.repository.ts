import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { StoredFileReferences } from '../storage/stored-file-references';
import { CategoryOverride } from './worklog-categories';
import { WorklogCategoryOverride } from './worklog-category.entity';
import { WorklogEntry, WorklogKind } from './worklog-entry.entity';
import { WorklogFile } from './worklog-file.entity';

export interface WorklogFilter {
  /** Inclusive first day and exclusive last day (YYYY-MM-DD). */
  from?: string;
  until?: string;
  category?: string;
  unitId?: string;
  inReport?: boolean;
  kind?: WorklogKind;
}

export interface WorklogRow {
  id: string;
  date: string;
  category: string;
  kind: WorklogKind;
  text: string;
  cause: string | null;
  unitId: string | null;
  authorId: string | null;
  taskId: string | null;
  inReport: boolean;
  files: { id: string; fileName: string; sizeBytes: number }[];
  createdAt: string;
  updatedAt: string;
}

/** An entry the year's report draft is built from. */
export type ReportEntryRow = Pick<
  WorklogRow,
  'id' | 'date' | 'category' | 'kind' | 'text' | 'cause' | 'taskId'
>;

const ROW_COLUMNS = `e.id, to_char(e.entry_date, 'YYYY-MM-DD') AS date, e.category, e.kind, e.text, e.cause,
       e.unit_id AS "unitId", e.author_id AS "authorId", e.task_id AS "taskId", e.in_report AS "inReport",
       (SELECT COALESCE(json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'sizeBytes', f.size_bytes)
                                 ORDER BY f.created_at, f.id), '[]'::json)
          FROM worklog_files f WHERE f.entry_id = e.id) AS files,
       to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
       to_char(e.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"`;

/** All SQL on the 工作纪实 tables. */
@Injectable()
export class WorklogRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(WorklogEntry) private readonly entries: Repository<WorklogEntry>,
    @InjectRepository(WorklogFile) private readonly files: Repository<WorklogFile>,
    @InjectRepository(WorklogCategoryOverride)
    private readonly overrides: Repository<WorklogCategoryOverride>,
    references: StoredFileReferences,
  ) {
    references.register(WorklogFile, (manager, storagePath) =>
      manager.existsBy(WorklogFile, { storagePath }),
    );
  }

  async list(
    organizationId: string,
    filter: WorklogFilter,
    page: { offset: number; limit: number },
  ): Promise<{ rows: WorklogRow[]; total: number }> {
    const params: unknown[] = [organizationId];
    const where = ['e.organization_id = $1'];
    const bind = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (filter.from) bind('e.entry_date >= ?::date', filter.from);
    if (filter.until) bind('e.entry_date < ?::date', filter.until);
    if (filter.category) bind('e.category = ?', filter.category);
    if (filter.unitId) bind('e.unit_id = ?', filter.unitId);
    if (filter.inReport !== undefined) bind('e.in_report = ?', filter.inReport);
    if (filter.kind) bind('e.kind = ?', filter.kind);
    const conditions = where.join(' AND ');
    const [rows, counted] = await Promise.all([
      this.dataSource.query(
        `SELECT ${ROW_COLUMNS} FROM worklog_entries e WHERE ${conditions}
          ORDER BY e.entry_date DESC, e.created_at DESC, e.id
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, page.limit, page.offset],
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM worklog_entries e WHERE ${conditions}`,
        params,
      ),
    ]);
    return { rows, total: counted[0].total };
  }

  async findRow(organizationId: string, id: string): Promise<WorklogRow | null> {
    const rows: WorklogRow[] = await this.dataSource.query(
      `SELECT ${ROW_COLUMNS} FROM worklog_entries e WHERE e.id = $1 AND e.organization_id = $2`,
      [id, organizationId],
    );
    return rows[0] ?? null;
  }

  /** The entry, locked for the rest of the transaction so concurrent edits apply one after the other. */
  findForUpdate(manager: EntityManager, organizationId: string, id: string): Promise<WorklogEntry | null> {
    return manager
      .getRepository(WorklogEntry)
      .findOne({ where: { id, organizationId }, lock: { mode: 'pessimistic_write' } });
  }

  findEntry(organizationId: string, id: string): Promise<WorklogEntry | null> {
    return this.entries.findOneBy({ id, organizationId });
  }

  /** The entry, held against deletion until the transaction ends (as its files' foreign key would); null once gone. */
  holdEntry(manager: EntityManager, organizationId: string, id: string): Promise<WorklogEntry | null> {
    return manager
      .getRepository(WorklogEntry)
      .findOne({ where: { id, organizationId }, lock: { mode: 'for_key_share' } });
  }

  save(manager: EntityManager, entry: Partial<WorklogEntry>): Promise<WorklogEntry> {
    return manager.getRepository(WorklogEntry).save(entry);
  }

  /** Deletes the entry and its evidence rows; answers where the files of those rows are stored. */
  async remove(manager: EntityManager, entry: WorklogEntry): Promise<string[]> {
    const files: { storagePath: string }[] = await manager.query(
      `WITH removed AS (DELETE FROM worklog_files WHERE entry_id = $1 RETURNING storage_path)
       SELECT storage_path AS "storagePath" FROM removed`,
      [entry.id],
    );
    await manager.getRepository(WorklogEntry).delete({ id: entry.id, organizationId: entry.organizationId });
    return files.map((file) => file.storagePath);
  }

  /** The entries a leader put into the report of `year`, oldest first. */
  findReportEntries(organizationId: string, year: number): Promise<ReportEntryRow[]> {
    return this.dataSource.query(
      `SELECT e.id, to_char(e.entry_date, 'YYYY-MM-DD') AS date, e.category, e.kind, e.text, e.cause,
              e.task_id AS "taskId"
         FROM worklog_entries e
        WHERE e.organization_id = $1 AND e.in_report
          AND e.entry_date >= make_date($2, 1, 1) AND e.entry_date < make_date($2 + 1, 1, 1)
        ORDER BY e.entry_date, e.created_at, e.id`,
      [organizationId, year],
    );
  }

  addFile(manager: EntityManager, file: Omit<WorklogFile, 'id' | 'createdAt'>): Promise<WorklogFile> {
    return manager.save(manager.create(WorklogFile, file));
  }

  findFile(organizationId: string, entryId: string, fileId: string): Promise<WorklogFile | null> {
    return this.files.findOneBy({ id: fileId, entryId, organizationId });
  }

  async listOverrides(organizationId: string): Promise<CategoryOverride[]> {
    const rows = await this.overrides.find({
      where: { organizationId },
      order: { createdAt: 'ASC', key: 'ASC' },
    });
    return rows.map(({ key, label, active }) => ({ key, label, active }));
  }

  async saveOverride(organizationId: string, override: CategoryOverride): Promise<void> {
    await this.overrides.upsert({ organizationId, ...override }, ['organizationId', 'key']);
  }
}
