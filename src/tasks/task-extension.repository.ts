import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ExtensionRequest } from './extension-request.entity';

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

  findOfTask(taskId: string): Promise<ExtensionRequest[]> {
    return this.dataSource.manager.find(ExtensionRequest, {
      select: {
        id: true,
        requestedBy: true,
        currentDeadline: true,
        requestedDeadline: true,
        reason: true,
        status: true,
        decidedBy: true,
        decidedAt: true,
        decisionComment: true,
        createdAt: true,
      },
      where: { taskId },
      order: { createdAt: 'ASC' },
    });
  }
}
