import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { InvalidInputError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import type { UploadedReport } from '../reports/reports.service';
import { FileStorageService } from '../storage/file-storage.service';
import { assertCan } from '../identity/permissions';
import { CLOSED_STATUSES, illegalTransition } from './task-status';
import { TasksService } from './tasks.service';

/** Evidence files (佐证材料): stored content-addressed on disk, hashed, then attached to a progress update. */
@Injectable()
export class TaskEvidenceService {
  constructor(
    private readonly tasks: TasksService,
    private readonly storage: FileStorageService,
  ) {}

  async upload(user: AuthUser, id: string, file: UploadedReport) {
    if (!file.buffer.length) throw new InvalidInputError('EMPTY_FILE', '文件内容为空');
    const task = await this.tasks.findRow(this.tasks.dataSource.manager, user, id);
    assertCan(user, 'task.progress', task);
    if (CLOSED_STATUSES.includes(task.status)) throw illegalTransition(task.status, 'in_progress');
    const stored = await this.storage.save('evidence', file.buffer);
    try {
      const [row] = await this.tasks.dataSource.query(
        `INSERT INTO evidence_files (organization_id, task_id, file_name, size_bytes, sha256, storage_path, uploaded_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id, file_name AS "fileName", size_bytes AS "sizeBytes", sha256, created_at AS "createdAt"`,
        [
          user.organizationId,
          id,
          file.fileName.slice(0, 255),
          stored.sizeBytes,
          stored.sha256,
          stored.storagePath,
          user.id,
        ],
      );
      return row;
    } catch (error) {
      await this.storage.discard(stored);
      throw error;
    }
  }

  /** Links unattached evidence of this task to an update; unknown or foreign ids are refused. */
  async attach(
    manager: EntityManager,
    taskId: string,
    updateId: string,
    evidenceIds: string[],
  ): Promise<void> {
    if (!evidenceIds.length) return;
    const rows = await manager.query(
      `UPDATE evidence_files SET update_id = $3 WHERE task_id = $1 AND id = ANY($2::uuid[]) AND update_id IS NULL RETURNING id`,
      [taskId, evidenceIds, updateId],
    );
    if (rows[0].length !== new Set(evidenceIds).size)
      throw new InvalidInputError('EVIDENCE_NOT_FOUND', '佐证材料不存在或已关联到其他进展');
  }
}
