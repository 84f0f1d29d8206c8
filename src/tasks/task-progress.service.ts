import { Injectable } from '@nestjs/common';
import { addMonths } from '../common/calendar';
import { ConflictError, InvalidInputError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { assertCan } from '../identity/permissions';
import type { FieldChanges } from '../queue/task-events';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { completionDay } from './completion-day';
import { CancelDto, ReviewDto, TaskUpdateDto } from './dto/task.dto';
import { ReviewSubmissionCheck } from './review-submission-check';
import { TaskEvidenceService } from './task-evidence.service';
import { TaskHistoryRepository } from './task-history.repository';
import { assertTransition, illegalTransition, TaskStatus } from './task-status';
import { EVIDENCE_INTERVAL_MONTHS, TaskRow } from './task-view';
import { TaskChange, TaskWriter } from './task-writer';
import { TaskRepository } from './task.repository';

/** Progress reports, review (销号) and cancellation: every status change goes through the status machine. */
@Injectable()
export class TaskProgressService {
  constructor(
    private readonly writer: TaskWriter,
    private readonly tasks: TaskRepository,
    private readonly history: TaskHistoryRepository,
    private readonly evidence: TaskEvidenceService,
    private readonly reviewCheck: ReviewSubmissionCheck,
    private readonly calendar: OrganizationCalendar,
  ) {}

  async addUpdate(user: AuthUser, id: string, dto: TaskUpdateDto) {
    return this.writer.change(user, id, async (change) => {
      const { manager, task } = change;
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
      await change.record('progress', changes, dto.note);
      await this.announce(change, user, status, 'task.updated');
    });
  }

  /** 申请销号 carries the day the work was done; no other update does. */
  private completedOnFor(task: TaskRow, status: TaskStatus, given: string | undefined): string | null {
    if (status === 'pending_review' && task.status !== 'pending_review')
      return completionDay(given, task, this.calendar.timeZone);
    if (given !== undefined)
      throw new InvalidInputError('COMPLETED_ON_WITHOUT_REVIEW', '完成日期只能在申请销号时填写');
    return null;
  }

  async review(user: AuthUser, id: string, dto: ReviewDto) {
    assertCan(user, 'task.review');
    return this.writer.change(user, id, async (change) => {
      const { manager, task } = change;
      if (
        dto.decision === 'approve' &&
        task.longTerm &&
        task.evidenceInterval &&
        task.status === 'pending_review'
      ) {
        return this.acceptLongTermEvidence(change, user, dto.comment ?? null);
      }
      const status: TaskStatus = dto.decision === 'approve' ? 'completed' : 'in_progress';
      // Only a task waiting for review can be approved or sent back.
      if (task.status !== 'pending_review') throw illegalTransition(task.status, status);
      await this.tasks.updateStatus(manager, task, {
        status,
        progress: status === 'completed' ? 100 : task.progress,
        outcome: task.outcome,
        // Approval keeps the day the work was done; sending it back means it was not done yet.
        completedOn: status === 'completed' ? (task.completedOn ?? this.calendar.today()) : null,
      });
      const changes: FieldChanges = { status: { from: task.status, to: status } };
      if (status === 'completed' && task.progress !== 100)
        changes.progress = { from: task.progress, to: 100 };
      await change.record(dto.decision === 'approve' ? 'approved' : 'rejected', changes, dto.comment ?? null);
      await this.announce(
        change,
        user,
        status,
        dto.decision === 'reject' ? 'task.rejected' : null,
        dto.comment,
      );
    });
  }

  async cancel(user: AuthUser, id: string, dto: CancelDto) {
    assertCan(user, 'task.cancel');
    return this.writer.change(user, id, async (change) => {
      const { manager, task } = change;
      assertTransition(task.status, 'cancelled');
      await this.tasks.updateStatus(manager, task, {
        status: 'cancelled',
        progress: task.progress,
        outcome: task.outcome,
      });
      await change.record('cancelled', { status: { from: task.status, to: 'cancelled' } }, dto.reason);
      await this.announce(change, user, 'cancelled', null, dto.reason);
    });
  }

  /**
   * 长期坚持: approving a long-term task accepts its latest evidence instead of closing it; it goes back to
   * in_progress and is due again one interval (month/quarter) from today.
   */
  private async acceptLongTermEvidence(change: TaskChange, user: AuthUser, comment: string | null) {
    const { manager, task } = change;
    const interval = task.evidenceInterval as keyof typeof EVIDENCE_INTERVAL_MONTHS;
    const deadline = addMonths(this.calendar.today(), EVIDENCE_INTERVAL_MONTHS[interval]);
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
    await change.record('evidence_accepted', changes, comment);
    await this.announce(change, user, 'in_progress', null, comment ?? undefined);
    await change.announce('task.deadline_changed', {
      actorId: user.id,
      from: task.deadline,
      to: deadline,
      reason: '长期坚持事项佐证已核验',
    });
  }

  /** Outbox events for what other parts react to, in the caller's transaction. */
  private async announce(
    change: TaskChange,
    user: AuthUser,
    status: TaskStatus,
    extra: 'task.updated' | 'task.rejected' | null,
    note?: string,
  ) {
    const { task } = change;
    if (extra) await change.announce(extra, { actorId: user.id, note: note ?? null });
    if (status === task.status) return;
    await change.announce('task.status_changed', { actorId: user.id, from: task.status, to: status });
    if (status === 'pending_review')
      await change.announce('task.review_requested', { actorId: user.id, leaderId: task.leaderId });
    if (status === 'completed') await change.announce('task.completed', { actorId: user.id });
  }
}
