import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { FieldChanges } from '../queue/task-events';
import { EvidenceFile } from './evidence-file.entity';
import { TaskHistoryEntry } from './task-history-entry.entity';
import { TaskUpdate } from './task-update.entity';

/** What happened to a task: its history (append-only), progress reports and the evidence files they cite. */
@Injectable()
export class TaskHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

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

  /** One history entry of the task with the given action, or null, read in the caller's transaction. */
  findEntry(
    manager: EntityManager,
    taskId: string,
    id: string,
    actions: string[],
  ): Promise<TaskHistoryEntry | null> {
    return manager.findOne(TaskHistoryEntry, { where: { taskId, id, action: In(actions) } });
  }

  findHistory(taskId: string): Promise<TaskHistoryEntry[]> {
    return this.dataSource.manager.find(TaskHistoryEntry, {
      select: { id: true, actorId: true, action: true, changes: true, note: true, createdAt: true },
      where: { taskId },
      order: { id: 'ASC' },
    });
  }

  async addUpdate(manager: EntityManager, update: Omit<TaskUpdate, 'id' | 'createdAt'>): Promise<string> {
    return (await manager.insert(TaskUpdate, update)).identifiers[0].id as string;
  }

  findUpdates(taskId: string): Promise<TaskUpdate[]> {
    return this.dataSource.manager.find(TaskUpdate, {
      select: {
        id: true,
        authorId: true,
        statusFrom: true,
        statusTo: true,
        progress: true,
        note: true,
        outcome: true,
        createdAt: true,
      },
      where: { taskId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
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
    return this.dataSource.manager.find(EvidenceFile, {
      select: { id: true, updateId: true, fileName: true, sizeBytes: true, sha256: true, createdAt: true },
      where: { taskId },
      order: { createdAt: 'ASC' },
    });
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
