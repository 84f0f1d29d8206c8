import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { addMonths, todayIn } from '../common/calendar';
import { ConflictError, InvalidInputError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { assertCan } from '../identity/permissions';
import { OutboxRepository } from '../outbox/outbox.repository';
import type { FieldChanges } from '../queue/task-events';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { completionDay } from './completion-day';
import { CancelDto, ReviewDto, TaskUpdateDto } from './dto/task.dto';
import { ReviewSubmissionCheck } from './review-submission-check';
import { TaskEvidenceService } from './task-evidence.service';
import { TaskHistoryRepository } from './task-history.repository';
import { assertTransition, illegalTransition, TaskStatus } from './task-status';
import { EVIDENCE_INTERVAL_MONTHS, TaskRow } from './task-view';
import { TaskRepository } from './task.repository';
import { TasksService } from './tasks.service';

/** Progress reports, review (销号) and cancellation: every status change goes through the status machine. */
@Injectable()
export class TaskProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly history: TaskHistoryRepository,
    private readonly outbox: OutboxRepository,
    private readonly evidence: TaskEvidenceService,
    private readonly taskService: TasksService,
    private readonly reviewCheck: ReviewSubmissionCheck,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async addUpdate(user: AuthUser, id: string, dto: TaskUpdateDto) {
    await this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.lockInOrganization(manager, user.organizationId, id);
      assertCan(user, 'task.progress', task);
      if (task.status === 'new')
        throw new ConflictError('TASK_NOT_ASSIGNED', '任务尚未交办（待交办），不能报送进展');
      // Reporting on an assigned task starts it; otherwise the status stays unless one is asked for.
      const status: TaskStatus = dto.status ?? (task.status === 'assigned' ? 'in_progress' : task.status);
      if (status !== task.status) assertTransition(task.status, status);
      else if (task.status !== 'in_progress') throw illegalTransition(task.status, 'in_progress');
      const completedOn = this.completedOnFor(task, status, dto.completedOn);
      const progress = dto.progress ?? task.progress;
      const changes: FieldChanges = {};
      if (status !== task.status) changes.status = { from: task.status, to: status };
      if (progress !== task.progress) changes.progress = { from: task.progress, to: progress };
      if (dto.outcome !== undefined && dto.outcome !== task.outcome)
        changes.outcome = { from: task.outcome, to: dto.outcome };
      const updateId = await this.history.addUpdate(manager, {
        taskId: id,
        organizationId: user.organizationId,
        authorId: user.id,
        statusFrom: task.status,
        statusTo: status,
        progress: dto.progress ?? null,
        note: dto.note,
        outcome: dto.outcome ?? null,
      });
      await this.evidence.attach(manager, id, updateId, dto.evidenceIds ?? []);
      if (status === 'pending_review') await this.reviewCheck.assertReady(manager, task, dto.outcome);
      if (dto.evidenceIds?.length) changes.evidence = { from: null, to: dto.evidenceIds };
      if (completedOn) changes.completedOn = { from: task.completedOn, to: completedOn };
      await this.tasks.updateStatus(manager, task, {
        status,
        progress,
        outcome: dto.outcome ?? task.outcome,
        ...(completedOn ? { completedOn } : {}),
      });
      await this.history.record(manager, task, user.id, 'progress', changes, dto.note);
      await this.announce(manager, user, task, status, 'task.updated');
    });
    return this.taskService.get(user, id);
  }

  /** 申请销号 carries the day the work was done; no other update does. */
  private completedOnFor(task: TaskRow, status: TaskStatus, given: string | undefined): string | null {
    if (status === 'pending_review' && task.status !== 'pending_review')
      return completionDay(given, task, this.runtime.config.TIME_ZONE);
    if (given !== undefined)
      throw new InvalidInputError('COMPLETED_ON_WITHOUT_REVIEW', '完成日期只能在申请销号时填写');
    return null;
  }

  async review(user: AuthUser, id: string, dto: ReviewDto) {
    assertCan(user, 'task.review');
    await this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.lockInOrganization(manager, user.organizationId, id);
      if (
        dto.decision === 'approve' &&
        task.longTerm &&
        task.evidenceInterval &&
        task.status === 'pending_review'
      ) {
        return this.acceptLongTermEvidence(manager, user, task, dto.comment ?? null);
      }
      const status: TaskStatus = dto.decision === 'approve' ? 'completed' : 'in_progress';
      // Only a task waiting for review can be approved or sent back.
      if (task.status !== 'pending_review') throw illegalTransition(task.status, status);
      await this.tasks.updateStatus(manager, task, {
        status,
        progress: status === 'completed' ? 100 : task.progress,
        outcome: task.outcome,
        // Approval keeps the day the work was done; sending it back means it was not done yet.
        completedOn:
          status === 'completed' ? (task.completedOn ?? todayIn(this.runtime.config.TIME_ZONE)) : null,
      });
      const changes: FieldChanges = { status: { from: task.status, to: status } };
      if (status === 'completed' && task.progress !== 100)
        changes.progress = { from: task.progress, to: 100 };
      await this.history.record(
        manager,
        task,
        user.id,
        dto.decision === 'approve' ? 'approved' : 'rejected',
        changes,
        dto.comment ?? null,
      );
      await this.announce(
        manager,
        user,
        task,
        status,
        dto.decision === 'reject' ? 'task.rejected' : null,
        dto.comment,
      );
    });
    return this.taskService.get(user, id);
  }

  async cancel(user: AuthUser, id: string, dto: CancelDto) {
    assertCan(user, 'task.cancel');
    await this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.lockInOrganization(manager, user.organizationId, id);
      assertTransition(task.status, 'cancelled');
      await this.tasks.updateStatus(manager, task, {
        status: 'cancelled',
        progress: task.progress,
        outcome: task.outcome,
      });
      await this.history.record(
        manager,
        task,
        user.id,
        'cancelled',
        { status: { from: task.status, to: 'cancelled' } },
        dto.reason,
      );
      await this.announce(manager, user, task, 'cancelled', null, dto.reason);
    });
    return this.taskService.get(user, id);
  }

  /**
   * 长期坚持: approving a long-term task accepts its latest evidence instead of closing it; it goes back to
   * in_progress and is due again one interval (month/quarter) from today.
   */
  private async acceptLongTermEvidence(
    manager: EntityManager,
    user: AuthUser,
    task: TaskRow,
    comment: string | null,
  ) {
    const interval = task.evidenceInterval as keyof typeof EVIDENCE_INTERVAL_MONTHS;
    const deadline = addMonths(todayIn(this.runtime.config.TIME_ZONE), EVIDENCE_INTERVAL_MONTHS[interval]);
    await this.tasks.updateStatus(manager, task, {
      status: 'in_progress',
      progress: task.progress,
      outcome: task.outcome,
      deadline,
    });
    const changes = {
      status: { from: task.status, to: 'in_progress' },
      deadline: { from: task.deadline, to: deadline },
    };
    await this.history.record(manager, task, user.id, 'evidence_accepted', changes, comment);
    await this.announce(manager, user, task, 'in_progress', null, comment ?? undefined);
    await this.outbox.recordTaskEvent(manager, user.organizationId, 'task.deadline_changed', task.id, {
      actorId: user.id,
      from: task.deadline,
      to: deadline,
      reason: '长期坚持事项佐证已核验',
    });
  }

  /** Outbox events for what other parts react to, in the caller's transaction. */
  private async announce(
    manager: EntityManager,
    user: AuthUser,
    task: TaskRow,
    status: TaskStatus,
    extra: 'task.updated' | 'task.rejected' | null,
    note?: string,
  ) {
    const org = user.organizationId;
    if (extra)
      await this.outbox.recordTaskEvent(manager, org, extra, task.id, {
        actorId: user.id,
        note: note ?? null,
      });
    if (status === task.status) return;
    await this.outbox.recordTaskEvent(manager, org, 'task.status_changed', task.id, {
      actorId: user.id,
      from: task.status,
      to: status,
    });
    if (status === 'pending_review')
      await this.outbox.recordTaskEvent(manager, org, 'task.review_requested', task.id, {
        actorId: user.id,
        leaderId: task.leaderId,
      });
    if (status === 'completed')
      await this.outbox.recordTaskEvent(manager, org, 'task.completed', task.id, { actorId: user.id });
  }
}
