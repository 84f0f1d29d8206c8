import { todayIn } from '../common/calendar';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { ConfirmItemsDto, PatchTaskDto } from './dto/task.dto';
import { recordHistory, recordTaskEvent } from './outbox';
import { assertCan } from '../identity/permissions';
import { allowedActions } from './task-actions';
import { CLOSED_STATUSES } from './task-status';
import { presentTask, TASK_FROM, taskColumns, TaskRow } from './task-view';

export interface AssignmentChanges {
  leaderId?: string;
  unitId?: string;
  assigneeId?: string;
  deadline?: string;
  title?: string;
}

interface ItemRow {
  id: string;
  reportId: string;
  kind: 'problem' | 'cause' | 'measure' | 'plan';
  title: string;
  text: string;
  headingPath: string[];
  suggestedUnits: string[];
  suggestedDeadline: string | null;
  longTerm: boolean;
  planYear: number | null;
}

/** Creating and reading tasks; status changes live in TaskProgressService. */
@Injectable()
export class TasksService {
  constructor(
    readonly dataSource: DataSource,
    @Inject(RUNTIME) readonly runtime: Runtime,
  ) {}

  get timeZone(): string {
    return this.runtime.config.TIME_ZONE;
  }

  /** `today` is passed in by callers presenting many rows at once, so the date is worked out once. */
  present(row: TaskRow, today = todayIn(this.timeZone)) {
    return presentTask(row, today, this.runtime.config.TASK_SCHEDULE_MARGIN_PERCENT);
  }

  /** Turns report items into tasks; an item that already has one returns it instead of a duplicate. */
  async createFromReport(user: AuthUser, reportId: string, dto: ConfirmItemsDto) {
    assertCan(user, 'task.assign');
    const ids = await this.dataSource.transaction(async (manager) => {
      const [report] = await manager.query(`SELECT id FROM reports WHERE id = $1 AND organization_id = $2`, [
        reportId,
        user.organizationId,
      ]);
      if (!report) throw new NotFoundError('报告', 'REPORT_NOT_FOUND');
      const taskIds: string[] = [];
      for (const request of dto.items) {
        const [item]: ItemRow[] = await manager.query(
          `SELECT i.id, i.report_id AS "reportId", i.kind, i.title, i.text, i.heading_path AS "headingPath", i.suggested_units AS "suggestedUnits",
                  i.suggested_deadline::text AS "suggestedDeadline", i.long_term AS "longTerm", r.plan_year AS "planYear"
             FROM report_items i JOIN reports r ON r.id = i.report_id WHERE i.id = $1 AND i.report_id = $2`,
          [request.itemId, reportId],
        );
        if (!item) throw new NotFoundError('报告条目', 'REPORT_ITEM_NOT_FOUND');
        // Serialises concurrent confirmations of the same item; the unique report_item_id is the final guard.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [item.id]);
        const [existing] = await manager.query(`SELECT id FROM tasks WHERE report_item_id = $1`, [item.id]);
        if (existing) {
          taskIds.push(existing.id);
          continue;
        }
        await this.assertMembers(manager, user.organizationId, request);
        const unitId =
          request.unitId ?? (await this.unitByName(manager, user.organizationId, item.suggestedUnits[0]));
        const deadline = request.deadline ?? item.suggestedDeadline;
        const leaderId = request.leaderId ?? null;
        const assigned = Boolean((unitId || request.assigneeId) && deadline && leaderId);
        const [task] = await manager.query(
          `INSERT INTO tasks (organization_id, report_id, report_item_id, kind, item_kind, title, source_text, plan_year, heading_path,
                              leader_id, unit_id, assignee_id, deadline, status, long_term, evidence_interval, assigned_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14::varchar,$15,$16, CASE WHEN $14::varchar = 'assigned' THEN now() END) RETURNING id`,
          [
            user.organizationId,
            reportId,
            item.id,
            item.kind === 'plan' ? 'plan' : 'rectification',
            item.kind,
            request.title ?? item.title,
            item.text,
            item.planYear,
            item.headingPath,
            leaderId,
            unitId,
            request.assigneeId ?? null,
            deadline,
            assigned ? 'assigned' : 'new',
            request.longTerm ?? item.longTerm,
            request.evidenceInterval ?? null,
          ],
        );
        const ref = { id: task.id as string, organizationId: user.organizationId };
        await recordHistory(manager, ref, user.id, 'created', {
          status: { from: null, to: assigned ? 'assigned' : 'new' },
          leaderId: { from: null, to: leaderId },
          unitId: { from: null, to: unitId },
          assigneeId: { from: null, to: request.assigneeId ?? null },
          deadline: { from: null, to: deadline },
        });
        await recordTaskEvent(manager, user.organizationId, 'task.created', task.id, { actorId: user.id });
        if (assigned)
          await recordTaskEvent(manager, user.organizationId, 'task.assigned', task.id, {
            actorId: user.id,
            unitId,
            assigneeId: request.assigneeId ?? null,
            leaderId,
            deadline,
          });
        taskIds.push(task.id);
      }
      return taskIds;
    });
    const tasks = await this.dataSource.query(
      `SELECT ${taskColumns(this.timeZone)} FROM ${TASK_FROM} WHERE t.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(tasks.map((task: TaskRow) => [task.id, task]));
    return { tasks: ids.map((id) => this.present(byId.get(id) as TaskRow)) };
  }

  async get(user: AuthUser, id: string) {
    const row = await this.findRow(this.dataSource.manager, user, id);
    const [history, updates, evidence, extensions] = await Promise.all([
      this.dataSource.query(
        `SELECT id::text, actor_id AS "actorId", action, changes, note, created_at AS "createdAt" FROM task_history WHERE task_id = $1 ORDER BY task_history.id`,
        [id],
      ),
      this.dataSource.query(
        `SELECT id, author_id AS "authorId", status_from AS "statusFrom", status_to AS "statusTo", progress, note, outcome, created_at AS "createdAt"
           FROM task_updates WHERE task_id = $1 ORDER BY created_at, id`,
        [id],
      ),
      this.dataSource.query(
        `SELECT id, update_id AS "updateId", file_name AS "fileName", size_bytes AS "sizeBytes", sha256, created_at AS "createdAt" FROM evidence_files WHERE task_id = $1 ORDER BY created_at`,
        [id],
      ),
      this.dataSource.query(
        `SELECT id, requested_by AS "requestedBy", current_deadline::text AS "currentDeadline", requested_deadline::text AS "requestedDeadline", reason, status,
                decided_by AS "decidedBy", decided_at AS "decidedAt", decision_comment AS "decisionComment", created_at AS "createdAt"
           FROM extension_requests WHERE task_id = $1 ORDER BY created_at`,
        [id],
      ),
    ]);
    return {
      ...this.present(row),
      allowedActions: allowedActions(user, row),
      history,
      updates,
      evidence,
      extensionRequests: extensions,
    };
  }

  /** Reassignment and rescheduling, guarded by the optimistic `version`. */
  async patch(user: AuthUser, id: string, dto: PatchTaskDto) {
    assertCan(user, 'task.assign');
    await this.dataSource.transaction(async (manager) => {
      const task = await this.findRow(manager, user, id, true);
      if (task.version !== dto.version) throw versionConflict(task.version);
      if (CLOSED_STATUSES.includes(task.status))
        throw new ConflictError('TASK_CLOSED', '任务已办结（已销号或已撤销），不能再修改');
      await this.applyAssignment(manager, user, task, dto, 'updated');
    });
    return this.get(user, id);
  }

  /**
   * Applies leader/unit/assignee/deadline/title changes to a locked task (history + outbox in the caller's
   * transaction); a `new` task that now has everything becomes `assigned`. Returns whether anything changed.
   */
  async applyAssignment(
    manager: EntityManager,
    user: AuthUser,
    task: TaskRow,
    dto: AssignmentChanges,
    action: string,
  ): Promise<boolean> {
    await this.assertMembers(manager, user.organizationId, dto);
    const fields = {
      leaderId: 'leader_id',
      unitId: 'unit_id',
      assigneeId: 'assignee_id',
      deadline: 'deadline',
      title: 'title',
    } as const;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(fields) as Array<keyof typeof fields>) {
      if (dto[key] !== undefined && dto[key] !== task[key])
        changes[key] = { from: task[key] ?? null, to: dto[key] };
    }
    const next = {
      ...task,
      ...Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.to])),
    } as TaskRow;
    const becomesAssigned =
      task.status === 'new' && Boolean((next.unitId || next.assigneeId) && next.deadline && next.leaderId);
    if (becomesAssigned) changes.status = { from: 'new', to: 'assigned' };
    if (!Object.keys(changes).length) return false;
    await manager.query(
      `UPDATE tasks SET leader_id = $2, unit_id = $3, assignee_id = $4, deadline = $5, title = $6, status = $7,
              assigned_at = CASE WHEN $8::boolean THEN now() ELSE assigned_at END, version = version + 1, updated_at = now(), last_activity_at = now()
        WHERE id = $1`,
      [
        task.id,
        next.leaderId,
        next.unitId,
        next.assigneeId,
        next.deadline,
        next.title,
        becomesAssigned ? 'assigned' : task.status,
        becomesAssigned,
      ],
    );
    await recordHistory(manager, task, user.id, action, changes);
    const event = { actorId: user.id, changes };
    await recordTaskEvent(manager, user.organizationId, 'task.updated', task.id, event);
    if (changes.deadline)
      await recordTaskEvent(manager, user.organizationId, 'task.deadline_changed', task.id, {
        actorId: user.id,
        from: changes.deadline.from,
        to: changes.deadline.to,
      });
    if (becomesAssigned || changes.unitId || changes.assigneeId || changes.leaderId) {
      await recordTaskEvent(manager, user.organizationId, 'task.assigned', task.id, {
        actorId: user.id,
        unitId: next.unitId,
        assigneeId: next.assigneeId,
        leaderId: next.leaderId,
        deadline: next.deadline,
      });
    }
    return true;
  }

  /** The task row, scoped to the caller's organization (404 otherwise); `lock` takes a row lock for writes. */
  async findRow(manager: EntityManager, user: AuthUser, id: string, lock = false): Promise<TaskRow> {
    const [row] = await manager.query(
      `SELECT ${taskColumns(this.timeZone)} FROM ${TASK_FROM} WHERE t.id = $1 AND t.organization_id = $2 ${lock ? 'FOR UPDATE OF t' : ''}`,
      [id, user.organizationId],
    );
    if (!row) throw new NotFoundError('任务', 'TASK_NOT_FOUND');
    return row;
  }

  /** Leaders, units and assignees named in a request must belong to the caller's organization (404 otherwise). */
  async assertMembers(
    manager: EntityManager,
    organizationId: string,
    ids: { leaderId?: string; unitId?: string; assigneeId?: string },
  ) {
    const checks: Array<[string | undefined, string, string, string]> = [
      [ids.unitId, 'units', '责任单位', 'UNIT_NOT_FOUND'],
      [ids.leaderId, 'users', '责任领导', 'USER_NOT_FOUND'],
      [ids.assigneeId, 'users', '责任人', 'USER_NOT_FOUND'],
    ];
    for (const [id, table, what, code] of checks) {
      if (!id) continue;
      const [row] = await manager.query(`SELECT 1 FROM ${table} WHERE id = $1 AND organization_id = $2`, [
        id,
        organizationId,
      ]);
      if (!row) throw new NotFoundError(what, code);
    }
  }

  private async unitByName(
    manager: EntityManager,
    organizationId: string,
    name: string | undefined,
  ): Promise<string | null> {
    if (!name) return null;
    const [row] = await manager.query(
      `SELECT id FROM units WHERE organization_id = $1 AND name = $2 AND active`,
      [organizationId, name],
    );
    return row?.id ?? null;
  }
}

export function versionConflict(current: number): ConflictError {
  return new ConflictError('VERSION_CONFLICT', '任务已被他人修改，请刷新后重试', { currentVersion: current });
}
