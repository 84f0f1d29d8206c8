import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Role } from '../../src/identity/auth-user';
import { hashPassword } from '../../src/identity/passwords';
import { parseReport } from '../../src/parsing';
import { TEST_JWT_SECRET, type TestApp } from './test-app';
import { testDatabaseUrl } from './test-env';

/** Completed seeds were done on the day they were approved, in the service's default time zone. */
const COMPLETION_TIME_ZONE = 'Asia/Shanghai';

/** Password of every fixture user made by organization() (log in with it when a test needs the real flow). */
export const FIXTURE_PASSWORD = 'fixture-password-123';
export const FIXTURE_UNITS = ['司法所', '综合行政执法队', '党政办'] as const;

export interface FixtureUser {
  id: string;
  username: string;
  displayName: string;
  unitId: string | null;
  /** An access token the auth guard accepts (an hour long). */
  token: string;
}

export interface OrgWithUsers {
  org: { id: string; name: string; parentId: string | null };
  units: Record<string, { id: string; name: string }>;
  users: Record<Role, FixtureUser>;
}

export interface OrgOptions {
  name?: string;
  parentId?: string | null;
  units?: readonly string[];
  /** Unit of the staff user (a name from `units`); defaults to the first unit. */
  staffUnit?: string;
}

export interface UserOptions {
  unitId?: string | null;
  /** Default: none. */
  email?: string | null;
  active?: boolean;
  displayName?: string;
}

export interface TaskSeed {
  deadline: string | null;
  /** Default: in_progress. */
  status?: string;
  title?: string;
  assigneeId?: string | null;
  unitId?: string | null;
  leaderId?: string | null;
  /** Default: now. */
  lastActivityAt?: string;
  planYear?: number | null;
  kind?: 'rectification' | 'plan';
  outcome?: string | null;
  /** Set for completed tasks: default today. */
  completedAt?: string;
  /** The report item kind: default measure. */
  itemKind?: 'problem' | 'cause' | 'measure' | 'plan';
  /** The 整改问题 a measure answers. */
  problemTaskId?: string;
}

export interface TaskShape {
  status?: string;
  deadline?: string | null;
  progress?: number;
  assignedAt?: string | null;
  completedOn?: string | null;
  planYear?: number | null;
  longTerm?: boolean;
}

const TASK_SHAPE_COLUMNS: Record<keyof TaskShape, string> = {
  status: 'status',
  deadline: 'deadline',
  progress: 'progress',
  assignedAt: 'assigned_at',
  completedOn: 'completed_on',
  planYear: 'plan_year',
  longTerm: 'long_term',
};

export interface ImportedTask {
  id: string;
  kind: 'plan' | 'rectification';
  itemKind: string;
  title: string;
}

type Run = <T = any>(sql: string, params?: unknown[]) => Promise<T[]>;

let sharedHash: Promise<string> | undefined;
const jwt = new JwtService({ secret: TEST_JWT_SECRET });

/**
 * The one way integration specs seed data: organizations with units, a user per role and tokens, more users and
 * units, tasks in given states, and imported reports with their tasks. Rows go straight into the database, so
 * seeding stays fast and independent of the routes under test. `Fixtures.of(app)` uses the app's connection;
 * specs without an app `connect()` (and `close()` afterwards).
 */
export class Fixtures {
  private constructor(
    readonly query: Run,
    private readonly release: () => Promise<void>,
  ) {}

  static of(app: TestApp): Fixtures {
    // Straight on the app's pool: DataSource#query answers UPDATE … RETURNING with [rows, count], not rows.
    const pool = (app.app.get(DataSource).driver as PostgresDriver).master as Pool;
    return new Fixtures(
      async (sql, params) => (await pool.query(sql, params)).rows,
      async () => undefined,
    );
  }

  static async connect(): Promise<Fixtures> {
    const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
    let ended = false;
    // pool.end() resolves once its clients are told to end, before the server has closed them; a spec that then
    // drops its database (WITH FORCE) kills those connections, and the pool reports that as an error. Expected
    // then; before the end an idle client's error is a failure as it always was.
    pool.on('error', (error) => {
      if (!ended) throw error;
    });
    return new Fixtures(
      async (sql, params) => (await pool.query(sql, params)).rows,
      () => {
        ended = true;
        return pool.end();
      },
    );
  }

  close(): Promise<void> {
    return this.release();
  }

  /** A fresh organization with units and one active user per role (staff in `staffUnit`), names unique per call. */
  async organization(options: OrgOptions = {}): Promise<OrgWithUsers> {
    const suffix = randomUUID().slice(0, 8);
    const [org] = await this.query(
      `INSERT INTO organizations (name, parent_id) VALUES ($1, $2) RETURNING id, name, parent_id`,
      [options.name ?? `测试镇人民政府-${suffix}`, options.parentId ?? null],
    );
    const units: OrgWithUsers['units'] = {};
    for (const name of options.units ?? FIXTURE_UNITS)
      units[name] = { id: await this.unit(org.id, name, [name]), name };
    const staffUnitId = units[options.staffUnit ?? Object.keys(units)[0]]?.id ?? null;
    const users = {} as OrgWithUsers['users'];
    for (const role of ['admin', 'leader', 'staff', 'viewer'] as const) {
      users[role] = await this.user(org.id, role, {
        unitId: role === 'staff' ? staffUnitId : null,
        displayName: `${role}用户${suffix}`,
        email: `${role}-${suffix}@example.test`,
      });
    }
    return { org: { id: org.id, name: org.name, parentId: org.parent_id }, units, users };
  }

  async unit(
    organizationId: string,
    name = `单位-${randomUUID()}`,
    keywords: string[] = [],
  ): Promise<string> {
    const [unit] = await this.query(
      `INSERT INTO units (organization_id, name, keywords) VALUES ($1, $2, $3) RETURNING id`,
      [organizationId, name, keywords],
    );
    return unit.id;
  }

  async user(organizationId: string, role: Role, options: UserOptions = {}): Promise<FixtureUser> {
    sharedHash ??= hashPassword(FIXTURE_PASSWORD);
    const username = `${role}-${randomUUID().slice(0, 13)}`;
    const displayName = options.displayName ?? `${role}用户`;
    const [user] = await this.query(
      `INSERT INTO users (organization_id, unit_id, username, password_hash, display_name, role, email, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        organizationId,
        options.unitId ?? null,
        username,
        await sharedHash,
        displayName,
        role,
        options.email ?? null,
        options.active ?? true,
      ],
    );
    const token = await jwt.signAsync({ sub: user.id, typ: 'access' }, { expiresIn: 3600 });
    return { id: user.id, username, displayName, unitId: options.unitId ?? null, token };
  }

  /** A task straight in the given state (no report, history or outbox event). */
  async task(organizationId: string, seed: TaskSeed): Promise<string> {
    const status = seed.status ?? 'in_progress';
    const [task] = await this.query(
      `INSERT INTO tasks (organization_id, kind, item_kind, title, source_text, deadline, status, assignee_id, unit_id,
                          leader_id, last_activity_at, plan_year, outcome, progress, completed_at, completed_on,
                          problem_task_id)
       VALUES ($1, $2, $13, $3, '原文', $4, $5::varchar, $6, $7, $8, coalesce($9::timestamptz, now()), $10, $11,
               CASE WHEN $5::varchar = 'completed' THEN 100 ELSE 0 END,
               CASE WHEN $5::varchar = 'completed' THEN coalesce($12::timestamptz, now()) END,
               CASE WHEN $5::varchar = 'completed'
                    THEN (coalesce($12::timestamptz, now()) AT TIME ZONE '${COMPLETION_TIME_ZONE}')::date END, $14)
       RETURNING id`,
      [
        organizationId,
        seed.kind ?? 'rectification',
        seed.title ?? '整改任务',
        seed.deadline,
        status,
        seed.assigneeId ?? null,
        seed.unitId ?? null,
        seed.leaderId ?? null,
        seed.lastActivityAt ?? null,
        seed.planYear ?? null,
        seed.outcome ?? null,
        seed.completedAt ?? null,
        seed.itemKind ?? 'measure',
        seed.problemTaskId ?? null,
      ],
    );
    return task.id;
  }

  /**
   * `count` assigned tasks (30 % done, titled 整改任务1…n) of one leader, unit and assignee, in one statement: for
   * ledgers whose size matters more than each task.
   */
  tasks(
    organizationId: string,
    count: number,
    seed: { status: string; deadline: string; leaderId: string; unitId: string; assigneeId: string },
  ): Promise<Array<{ id: string }>> {
    return this.query(
      `INSERT INTO tasks (organization_id, kind, item_kind, title, source_text, leader_id, unit_id, assignee_id, deadline, status, progress, assigned_at)
       SELECT $1, 'rectification', 'measure', '整改任务' || n, '整改任务' || n || '，按要求落实。', $2, $3, $4, $5::date, $6, 30, now()
         FROM generate_series(1, $7::int) n RETURNING id`,
      [organizationId, seed.leaderId, seed.unitId, seed.assigneeId, seed.deadline, seed.status, count],
    );
  }

  /**
   * Sets any of the columns the lights and counts read, straight in the row (as a bulk edit or a repair would):
   * for specs that check what the database keeps in step with `tasks`.
   */
  async reshapeTask(taskId: string, fields: TaskShape): Promise<void> {
    const columns = Object.entries(fields).filter(([, value]) => value !== undefined);
    await this.query(
      `UPDATE tasks SET ${columns.map(([key], i) => `${TASK_SHAPE_COLUMNS[key as keyof TaskShape]} = $${i + 2}`).join(', ')},
         last_activity_at = now() WHERE id = $1`,
      [taskId, ...columns.map(([, value]) => value)],
    );
  }

  async deleteTask(taskId: string): Promise<void> {
    await this.query(`DELETE FROM tasks WHERE id = $1`, [taskId]);
  }

  /** Moves a task to completed with an outcome, as a leader's approval leaves it (the work done that day). */
  async complete(taskId: string, outcome: string, completedAt = '2025-06-30T10:00:00+08:00'): Promise<void> {
    await this.query(
      `UPDATE tasks SET status = 'completed', progress = 100, outcome = $2, completed_at = $3,
              completed_on = ($3::timestamptz AT TIME ZONE '${COMPLETION_TIME_ZONE}')::date
        WHERE id = $1`,
      [taskId, outcome, completedAt],
    );
  }

  /**
   * Moves a task's own timestamps back, as if it was made (and approved) on those days: a spec that plays out a past
   * year through the API creates its tasks today, but 申请销号 refuses a completion day before the task existed.
   */
  async backdate(taskId: string, when: { createdAt?: string; completedAt?: string }): Promise<void> {
    await this.query(
      `UPDATE tasks SET created_at = coalesce($2::timestamptz, created_at),
              assigned_at = least(assigned_at, coalesce($2::timestamptz, assigned_at)),
              completed_at = CASE WHEN completed_at IS NULL THEN NULL ELSE coalesce($3::timestamptz, completed_at) END
        WHERE id = $1`,
      [taskId, when.createdAt ?? null, when.completedAt ?? null],
    );
  }

  /** Dates a task's decided extension requests `decidedAt`, as if the leader approved them then. */
  async backdateExtensions(taskId: string, decidedAt: string): Promise<void> {
    await this.query(`UPDATE extension_requests SET decided_at = $2, created_at = $2 WHERE task_id = $1`, [
      taskId,
      decidedAt,
    ]);
  }

  async progressNote(organizationId: string, taskId: string, note: string): Promise<void> {
    await this.query(
      `INSERT INTO task_updates (task_id, organization_id, progress, note) VALUES ($1, $2, 30, $3)`,
      [taskId, organizationId, note],
    );
  }

  /** A report stored with its parsed items and an `assigned` task per item, as upload and confirmation leave them. */
  async importReport(organizationId: string, text: string, deadline = '2025-12-31'): Promise<ImportedTask[]> {
    const parse = parseReport(text);
    const [report] = await this.query(
      `INSERT INTO reports (organization_id, file_name, sha256, size_bytes, storage_path, text, organization_name, report_year, plan_year, title, parse)
       VALUES ($1, 'report.txt', $2, $3, 'none', $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        organizationId,
        randomUUID().replace(/-/g, '').padEnd(64, '0'),
        text.length,
        parse.text,
        parse.organization,
        parse.reportYear,
        parse.planYear,
        parse.title,
        JSON.stringify({ sections: parse.sections }),
      ],
    );
    const tasks: ImportedTask[] = [];
    for (const [seq, item] of parse.items.entries()) {
      const kind = item.kind === 'plan' ? 'plan' : 'rectification';
      const [reportItem] = await this.query(
        `INSERT INTO report_items (report_id, organization_id, seq, kind, title, text, start_offset, end_offset, heading_path)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          report.id,
          organizationId,
          seq,
          item.kind,
          item.title,
          item.text,
          item.start,
          item.end,
          item.headingPath,
        ],
      );
      const [row] = await this.query(
        `WITH task AS (
           INSERT INTO tasks (organization_id, report_id, report_item_id, kind, item_kind, title, source_text, plan_year, heading_path, deadline, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'assigned') RETURNING id
         )
         UPDATE report_items SET task_id = (SELECT id FROM task) WHERE id = $3 RETURNING task_id AS id`,
        [
          organizationId,
          report.id,
          reportItem.id,
          kind,
          item.kind,
          item.title,
          item.text,
          parse.planYear,
          item.headingPath,
          deadline,
        ],
      );
      tasks.push({ id: row.id, kind, itemKind: item.kind, title: item.title });
    }
    return tasks;
  }
}

/** For specs written before Fixtures: the same organization, made through it. */
export function createOrgWithUsers(app: TestApp, options: OrgOptions = {}): Promise<OrgWithUsers> {
  return Fixtures.of(app).organization(options);
}
