import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ExtensionRequest } from './extension-request.entity';
import { findRecordsOfTask } from './task-record';

export interface ApprovedExtensionRow {
  taskId: string;
  fromDeadline: string | null;
  deadline: string;
  reason: string;
  approvedOn: string;
}

/** 延期申请 (extension_requests). */
@Injectable()
export class TaskExtensionRepository {
  constructor(private readonly dataSource: DataSource) {}

  hasPending(manager: EntityManager, taskId: string): Promise<boolean> {
    return manager.existsBy(ExtensionRequest, { taskId, status: 'pending' });
  }

  async add(
    manager: EntityManager,
    request: Pick<
      ExtensionRequest,
      'taskId' | 'organizationId' | 'requestedBy' | 'currentDeadline' | 'requestedDeadline' | 'reason'
    >,
  ): Promise<void> {
    await manager.insert(ExtensionRequest, request);
  }

  /** The request of this task, locked until the decision commits. */
  findForDecision(manager: EntityManager, taskId: string, id: string): Promise<ExtensionRequest | null> {
    return manager.findOne(ExtensionRequest, { where: { id, taskId }, lock: { mode: 'pessimistic_write' } });
  }

  async decide(
    manager: EntityManager,
    id: string,
    decision: { status: 'approved' | 'refused'; decidedBy: string; decisionComment: string | null },
  ): Promise<void> {
    await manager.update(ExtensionRequest, { id }, { ...decision, decidedAt: () => 'now()' });
  }

  /** Approved extensions of the tasks, oldest decision first, with the day each was approved in `timeZone`. */
  findApprovedOf(taskIds: string[], timeZone: string): Promise<ApprovedExtensionRow[]> {
    if (!taskIds.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT e.task_id AS "taskId", e.current_deadline::text AS "fromDeadline",
              e.requested_deadline::text AS deadline, e.reason,
              to_char(e.decided_at AT TIME ZONE $2, 'YYYY-MM-DD') AS "approvedOn"
         FROM extension_requests e
        WHERE e.task_id = ANY($1::uuid[]) AND e.status = 'approved'
        ORDER BY e.decided_at, e.id`,
      [taskIds, timeZone],
    );
  }

  findOfTask(taskId: string): Promise<ExtensionRequest[]> {
    return findRecordsOfTask(this.dataSource.manager, ExtensionRequest, taskId, { createdAt: 'ASC' });
  }
}
