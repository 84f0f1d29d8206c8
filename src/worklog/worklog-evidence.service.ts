import { Injectable } from '@nestjs/common';
import { InvalidInputError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { assertCan } from '../identity/permissions';
import type { UploadedReport } from '../reports/reports.service';
import { FileStorageService } from '../storage/file-storage.service';
import { WorklogEntry } from './worklog-entry.entity';
import { WorklogFile } from './worklog-file.entity';
import { WorklogRepository } from './worklog.repository';

/** Evidence files (佐证材料) of 工作纪实 entries, stored content-addressed like a task's evidence. */
@Injectable()
export class WorklogEvidenceService {
  constructor(
    private readonly repository: WorklogRepository,
    private readonly storage: FileStorageService,
  ) {}

  async upload(user: AuthUser, entryId: string, file: UploadedReport) {
    if (!file.buffer.length) throw new InvalidInputError('EMPTY_FILE', '文件内容为空');
    const entry = await this.findEntry(user, entryId);
    assertCan(user, 'worklog.write', entry);
    const saved = await this.storage.saveThenRecord(
      WorklogFile,
      'evidence',
      file.buffer,
      async (stored, manager) => {
        // Deleted since it was read (a deletion commits while this upload waits): a 404, not a foreign-key error.
        if (!(await this.repository.holdEntry(manager, user.organizationId, entryId))) throw entryNotFound();
        return this.repository.addFile(manager, {
          organizationId: user.organizationId,
          entryId,
          fileName: file.fileName.slice(0, 255),
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storagePath: stored.storagePath,
          uploadedBy: user.id,
        });
      },
    );
    return { id: saved.id, fileName: saved.fileName, sizeBytes: saved.sizeBytes, sha256: saved.sha256 };
  }

  /** Where the file lies on disk and the name to offer it under. */
  async locate(user: AuthUser, entryId: string, fileId: string): Promise<{ path: string; fileName: string }> {
    await this.findEntry(user, entryId);
    const file = await this.repository.findFile(user.organizationId, entryId, fileId);
    if (!file) throw new NotFoundError('佐证材料', 'WORKLOG_FILE_NOT_FOUND');
    return { path: this.storage.absolute(file.storagePath), fileName: file.fileName };
  }

  private async findEntry(user: AuthUser, entryId: string): Promise<WorklogEntry> {
    const entry = await this.repository.findEntry(user.organizationId, entryId);
    if (!entry) throw entryNotFound();
    return entry;
  }
}

const entryNotFound = () => new NotFoundError('工作纪实', 'WORKLOG_NOT_FOUND');
