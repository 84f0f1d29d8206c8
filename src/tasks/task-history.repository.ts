import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { FieldChanges } from '../queue/task-events';
import { StoredFileReferences } from '../storage/stored-file-references';
import { EvidenceFile } from './evidence-file.entity';
import { TaskHistoryEntry } from './task-history-entry.entity';
import { findRecordsOfTask } from './task-record';
import { TaskUpdate } from './task-update.entity';

/** What happened to a task: its history (append-only), progress reports and the evidence files they cite. */
@Injectable()
export class TaskHistoryRepository {
  constructor(
    private readonly dataSource: DataSource,
    references: StoredFileReferences,
  ) {
    references.register(EvidenceFile, (manager, storagePath) =>
      manager.existsBy(EvidenceFile, { storagePath }),
    );
  }

  async record(
    manager: EntityManager,
    task: { id: string; organizationId: string },
    actorId: string | null,
    action: string,
    changes: FieldChanges,
    note: string | null = null,
  ): Promise<string> {
    const inserted = await manager.insert(TaskHistoryEntry, {
      taskId: task.id,
      organizationId: task.organizationId,
      actorId,
      action,
      changes,
      note,
    });
    return String(inserted.identifiers[0].id);
  }

  /** How many `action` entries the task has on the calendar day `day` (YYYY-MM-DD in `timeZone`). */
  async countActionsOn(
    manager: EntityManager,
    taskId: string,
    action: string,
    day: string,
    timeZone: string,
  ): Promise<number> {
    const [{ count }] = await manager.query(
      `SELECT count(*)::int AS count FROM task_history
        WHERE task_id = $1 AND action = $2 AND (created_at AT TIME ZONE $4)::date = $3::date`,
      [taskId, action, day, timeZone],
    );
    return count;
  }

  /**
   * The presses (`pressActions`) an answer (`answerAction`) to `citedId` settles: the one it cites and every one no
   * earlier answer followed, oldest first. An answer settles all presses before it, as the inbox counts them.
   */
  findPressesAnswered(
    manager: EntityManager,
    taskId: string,
    citedId: string,
    pressActions: string[],
    answerAction: string,
  ): Promise<Array<{ id: string; actorId: string | null; action: string }>> {
    return manager.query(
      `SELECT h.id::text AS id, h.actor_id AS "actorId", h.action
         FROM task_history h
        WHERE h.task_id = $1 AND h.action = ANY($3::text[])
          AND (h.id = $2 OR NOT EXISTS (
                SELECT 1 FROM task_history r WHERE r.task_id = h.task_id AND r.action = $4 AND r.id > h.id))
        ORDER BY h.id`,
      [taskId, citedId, pressActions, answerAction],
    );
  }

  findHistory(taskId: string): Promise<TaskHistoryEntry[]> {
    return findRecordsOfTask(this.dataSource.manager, TaskHistoryEntry, taskId, { id: 'ASC' });
  }

  async addUpdate(manager: EntityManager, update: Omit<TaskUpdate, 'id' | 'createdAt'>): Promise<string> {
    return (await manager.insert(TaskUpdate, update)).identifiers[0].id as string;
  }

  findUpdates(taskId: string): Promise<TaskUpdate[]> {
    return findRecordsOfTask(this.dataSource.manager, TaskUpdate, taskId, { createdAt: 'ASC', id: 'ASC' });
  }

  async addEvidence(manager: EntityManager, file: Omit<EvidenceFile, 'id' | 'updateId' | 'createdAt'>) {
    const saved = await manager.save(manager.create(EvidenceFile, file));
    return {
      id: saved.id,
      fileName: saved.fileName,
      sizeBytes: saved.sizeBytes,
      sha256: saved.sha256,
      createdAt: saved.createdAt,
    };
  }

  findEvidence(taskId: string): Promise<EvidenceFile[]> {
    const order = { createdAt: 'ASC' } as const;
    return findRecordsOfTask(this.dataSource.manager, EvidenceFile, taskId, order, [
      'storagePath',
      'uploadedBy',
    ]);
  }

  /** One evidence file of the task with where it is stored, or null. */
  findEvidenceFile(taskId: string, evidenceId: string): Promise<EvidenceFile | null> {
    return this.dataSource.manager.findOne(EvidenceFile, { where: { id: evidenceId, taskId } });
  }

  countEvidence(manager: EntityManager, taskId: string): Promise<number> {
    return manager.countBy(EvidenceFile, { taskId });
  }

  /** Links this task's not yet cited evidence to an update; returns how many of `evidenceIds` it linked. */
  async citeEvidence(
    manager: EntityManager,
    taskId: string,
    updateId: string,
    evidenceIds: string[],
  ): Promise<number> {
    const result = await manager.update(
      EvidenceFile,
      { taskId, id: In(evidenceIds), updateId: IsNull() },
      { updateId },
    );
    return result.affected ?? 0;
  }
}
