import { createReadStream, ReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { assertCan } from '../identity/permissions';
import type { UploadedReport } from '../reports/reports.service';
import { FileStorageService } from '../storage/file-storage.service';
import { TaskHistoryRepository } from './task-history.repository';
import { CLOSED_STATUSES, illegalTransition } from './task-status';
import { EvidenceContent, evidenceContent } from './evidence-content';
import { EvidenceFile } from './evidence-file.entity';
import { EvidencePreview, previewEvidence } from './evidence-preview';
import { TaskRepository } from './task.repository';
import { TasksService } from './tasks.service';

export type EvidenceDownload = EvidenceContent & { sizeBytes: number; stream: ReadStream };

/** Evidence files (佐证材料): stored content-addressed on disk, hashed, then attached to a progress update. */
@Injectable()
export class TaskEvidenceService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly history: TaskHistoryRepository,
    private readonly storage: FileStorageService,
    private readonly taskService: TasksService,
  ) {}

  /** The file, to whoever may read the task (404 for anyone else, as if neither existed). */
  async download(user: AuthUser, taskId: string, evidenceId: string): Promise<EvidenceDownload> {
    const file = await this.visibleFile(user, taskId, evidenceId);
    const absolute = this.storage.absolute(file.storagePath);
    return {
      ...evidenceContent(file.fileName),
      sizeBytes: file.sizeBytes,
      stream: createReadStream(absolute),
    };
  }

  /** A .docx as text, an .xlsx as a table, for the task page's preview. */
  async preview(user: AuthUser, taskId: string, evidenceId: string): Promise<EvidencePreview> {
    const file = await this.visibleFile(user, taskId, evidenceId);
    return previewEvidence(file.fileName, await readFile(this.storage.absolute(file.storagePath)));
  }

  private async visibleFile(user: AuthUser, taskId: string, evidenceId: string) {
    await this.taskService.getVisible(user, taskId);
    const file = await this.history.findEvidenceFile(taskId, evidenceId);
    if (!file) throw new NotFoundError('佐证材料', 'EVIDENCE_NOT_FOUND');
    return file;
  }

  async upload(user: AuthUser, id: string, file: UploadedReport) {
    if (!file.buffer.length) throw new InvalidInputError('EMPTY_FILE', '文件内容为空');
    const task = await this.tasks.getInOrganization(user.organizationId, id);
    assertCan(user, 'task.progress', task);
    if (CLOSED_STATUSES.includes(task.status)) throw illegalTransition(task.status, 'in_progress');
    return this.storage.saveThenRecord(EvidenceFile, 'evidence', file.buffer, (stored, manager) =>
      this.history.addEvidence(manager, {
        organizationId: user.organizationId,
        taskId: id,
        fileName: file.fileName.slice(0, 255),
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storagePath: stored.storagePath,
        uploadedBy: user.id,
      }),
    );
  }

  /** Links unattached evidence of this task to an update; unknown or foreign ids are refused. */
  async attach(
    manager: EntityManager,
    taskId: string,
    updateId: string,
    evidenceIds: string[],
  ): Promise<void> {
    if (!evidenceIds.length) return;
    const linked = await this.history.citeEvidence(manager, taskId, updateId, evidenceIds);
    if (linked !== new Set(evidenceIds).size)
      throw new InvalidInputError('EVIDENCE_NOT_FOUND', '佐证材料不存在或已关联到其他进展');
  }
}
