import { addMonths, todayIn } from '../common/calendar';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConflictError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { CancelDto, ReviewDto, TaskUpdateDto } from './dto/task.dto';
import { recordHistory, recordTaskEvent } from './outbox';
import { assertCan } from '../identity/permissions';
import { assertTransition, illegalTransition, TaskStatus } from './task-status';
import { TaskEvidenceService } from './task-evidence.service';
import { EVIDENCE_INTERVAL_MONTHS, TaskRow } from './task-view';
import { TasksService } from './tasks.service';

/** Progress reports, review (销号) and cancellation: every status change goes through the status machine. */
@Injectable()
export class TaskProgressService {
  constructor(
    private readonly tasks: TasksService,
    private readonly evidence: TaskEvidenceService,
  ) {}

  async addUpdate(user: AuthUser, id: string, dto: TaskUpdateDto) {
    await this.tasks.dataSource.transaction(async (manager) => {
      const task = await this.tasks.findRow(manager, user, id, true);
      assertCan(user, 'task.progress', task);
      if (task.status === 'new')
        throw new ConflictError('TASK_NOT_ASSIGNED', '任务尚未交办（待交办），不能报送进展');
      // Reporting on an assigned task starts it; otherwise the status stays unless one is asked for.
      const status: TaskStatus = dto.status ?? (task.status === 'assigned' ? 'in_progress' : task.status);
      if (status !== task.status) assertTransition(task.status, status);
      else if (task.status !== 'in_progress') throw illegalTransition(task.status, 'in_progress');
      const progress = dto.progress ?? task.progress;
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (status !== task.status) changes.status = { from: task.status, to: status };
      if (progress !== task.progress) changes.progress = { from: task.progress, to: progress };
      if (dto.outcome !== undefined && dto.outcome !== task.outcome)
        changes.outcome = { from: task.outcome, to: dto.outcome };
      const [update] = await manager.query(
        `INSERT INTO task_updates (task_id, organization_id, author_id, status_from, status_to, progress, note, outcome)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
        [
          id,
          user.organizationId,
          user.id,
          task.status,
          status,
          dto.progress ?? null,
          dto.note,
          dto.outcome ?? null,
        ],
      );
      await this.evidence.attach(manager, id, update.id, dto.evidenceIds ?? []);
      if (dto.evidenceIds?.length) changes.evidence = { from: null, to: dto.evidenceIds };
      await this.apply(manager, task, user, status, { progress, outcome: dto.outcome ?? task.outcome });
      await recordHistory(manager, task, user.id, 'progress', changes, dto.note);
      await this.announce(manager, user, task, status, 'task.updated');
    });
    return this.tasks.get(user, id);
  }

  async review(user: AuthUser, id: string, dto: ReviewDto) {
    assertCan(user, 'task.review');
    await this.tasks.dataSource.transaction(async (manager) => {
      const task = await this.tasks.findRow(manager, user, id, true);
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
      await this.apply(manager, task, user, status, {
        progress: status === 'completed' ? 100 : task.progress,
        outcome: task.outcome,
      });
      const changes: Record<string, { from: unknown; to: unknown }> = {
        status: { from: task.status, to: status },
      };
      if (status === 'completed' && task.progress !== 100)
        changes.progress = { from: task.progress, to: 100 };
      await recordHistory(
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
    return this.tasks.get(user, id);
  }

  async cancel(user: AuthUser, id: string, dto: CancelDto) {
    assertCan(user, 'task.cancel');
    await this.tasks.dataSource.transaction(async (manager) => {
      const task = await this.tasks.findRow(manager, user, id, true);
      assertTransition(task.status, 'cancelled');
      await this.apply(manager, task, user, 'cancelled', { progress: task.progress, outcome: task.outcome });
      await recordHistory(
        manager,
        task,
        user.id,
        'cancelled',
        { status: { from: task.status, to: 'cancelled' } },
        dto.reason,
      );
      await this.announce(manager, user, task, 'cancelled', null, dto.reason);
    });
    return this.tasks.get(user, id);
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
    const deadline = addMonths(todayIn(this.tasks.timeZone), EVIDENCE_INTERVAL_MONTHS[interval]);
    await this.apply(manager, task, user, 'in_progress', { progress: task.progress, outcome: task.outcome });
    await manager.query(`UPDATE tasks SET deadline = $2 WHERE id = $1`, [task.id, deadline]);
    const changes = {
      status: { from: task.status, to: 'in_progress' },
      deadline: { from: task.deadline, to: deadline },
    };
    await recordHistory(manager, task, user.id, 'evidence_accepted', changes, comment);
    await this.announce(manager, user, task, 'in_progress', null, comment ?? undefined);
    await recordTaskEvent(manager, user.organizationId, 'task.deadline_changed', task.id, {
      actorId: user.id,
      from: task.deadline,
      to: deadline,
      reason: '长期坚持事项佐证已核验',
    });
  }

  private async apply(
    manager: EntityManager,
    task: TaskRow,
    user: AuthUser,
    status: TaskStatus,
    values: { progress: number; outcome: string | null },
  ) {
    await manager.query(
      `UPDATE tasks SET status = $2::varchar, progress = $3, outcome = $4, completed_at = CASE WHEN $2::varchar = 'completed' THEN now() ELSE NULL END,
              version = version + 1, updated_at = now(), last_activity_at = now()
        WHERE id = $1 AND organization_id = $5`,
      [task.id, status, values.progress, values.outcome, user.organizationId],
    );
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
    if (extra) await recordTaskEvent(manager, org, extra, task.id, { actorId: user.id, note: note ?? null });
    if (status === task.status) return;
    await recordTaskEvent(manager, org, 'task.status_changed', task.id, {
      actorId: user.id,
      from: task.status,
      to: status,
    });
    if (status === 'pending_review')
      await recordTaskEvent(manager, org, 'task.review_requested', task.id, {
        actorId: user.id,
        leaderId: task.leaderId,
      });
    if (status === 'completed')
      await recordTaskEvent(manager, org, 'task.completed', task.id, { actorId: user.id });
  }
}
