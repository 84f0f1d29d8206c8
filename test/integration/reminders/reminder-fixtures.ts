import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { testDatabaseUrl } from '../../support/test-env';

/** Direct SQL access to the test database, for seeding organizations, users and tasks. */
export async function connectDb(): Promise<Client> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  return client;
}

export async function createOrganization(
  db: Client,
  name: string,
  parentId: string | null = null,
): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO organizations (name, parent_id) VALUES ($1, $2) RETURNING id`,
    [`${name}-${randomUUID()}`, parentId],
  );
  return rows[0].id;
}

export async function createUnit(db: Client, organizationId: string): Promise<string> {
  const { rows } = await db.query(`INSERT INTO units (organization_id, name) VALUES ($1, $2) RETURNING id`, [
    organizationId,
    `单位-${randomUUID()}`,
  ]);
  return rows[0].id;
}

export async function createUser(
  db: Client,
  organizationId: string,
  role: 'admin' | 'leader' | 'staff' | 'viewer',
  options: { unitId?: string | null; email?: string | null; active?: boolean } = {},
): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO users (organization_id, unit_id, username, password_hash, display_name, role, email, active)
     VALUES ($1, $2, $3, 'x', $4, $5, $6, $7) RETURNING id`,
    [
      organizationId,
      options.unitId ?? null,
      `u-${randomUUID()}`,
      `${role}用户`,
      role,
      options.email ?? null,
      options.active ?? true,
    ],
  );
  return rows[0].id;
}

export interface TaskSeed {
  organizationId: string;
  deadline: string | null;
  status?: string;
  assigneeId?: string | null;
  unitId?: string | null;
  leaderId?: string | null;
  lastActivityAt?: string;
  title?: string;
}

export async function createTask(db: Client, seed: TaskSeed): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO tasks (organization_id, kind, item_kind, title, source_text, deadline, status, assignee_id, unit_id, leader_id, last_activity_at)
     VALUES ($1, 'rectification', 'measure', $2, '原文', $3, $4, $5, $6, $7, coalesce($8::timestamptz, now())) RETURNING id`,
    [
      seed.organizationId,
      seed.title ?? '整改任务',
      seed.deadline,
      seed.status ?? 'in_progress',
      seed.assigneeId ?? null,
      seed.unitId ?? null,
      seed.leaderId ?? null,
      seed.lastActivityAt ?? null,
    ],
  );
  return rows[0].id;
}

export { addDays } from '../../../src/common/calendar';

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 15000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('等待超时');
    await new Promise((r) => setTimeout(r, 100));
  }
}
