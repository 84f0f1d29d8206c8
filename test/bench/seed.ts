import { Pool } from 'pg';

export interface SeededOrganization {
  organizationId: string;
  adminId: string;
  leaderId: string;
  /** Two more leaders, for ledgers whose tasks are split between leaders. */
  deputyLeaderIds: string[];
  viewerId: string;
  unitIds: string[];
  staffIds: string[];
}

/** One organization with units, an admin, a leader and one staff member per unit, inserted directly. */
export async function seedOrganization(
  pool: Pool,
  units = 10,
  name = '基准测试县人民政府',
): Promise<SeededOrganization> {
  const [{ id: organizationId }] = (
    await pool.query(`INSERT INTO organizations (name) VALUES ($1) RETURNING id`, [name])
  ).rows;
  const unitRows = (
    await pool.query(
      `INSERT INTO units (organization_id, name) SELECT $1, '单位' || n FROM generate_series(1, $2::int) n RETURNING id`,
      [organizationId, units],
    )
  ).rows as { id: string }[];
  const unitIds = unitRows.map((row) => row.id);
  const user = async (username: string, role: string, unitId: string | null): Promise<string> =>
    (
      await pool.query(
        `INSERT INTO users (organization_id, unit_id, username, password_hash, display_name, role, email)
         VALUES ($1, $2, $3::text, 'x', $3::text, $4, $3::text || '@bench.test') RETURNING id`,
        [organizationId, unitId, `${username}-${organizationId.slice(0, 8)}`, role],
      )
    ).rows[0].id as string;
  const adminId = await user('admin', 'admin', null);
  const leaderId = await user('leader', 'leader', null);
  const deputyLeaderIds = [await user('leader2', 'leader', null), await user('leader3', 'leader', null)];
  const viewerId = await user('viewer', 'viewer', null);
  const staffIds: string[] = [];
  for (const [index, unitId] of unitIds.entries())
    staffIds.push(await user(`staff${index}`, 'staff', unitId));
  return { organizationId, adminId, leaderId, deputyLeaderIds, viewerId, unitIds, staffIds };
}

export interface TaskSeed {
  status: (i: number) => string;
  deadline: (i: number) => string;
  planYear?: number;
  /** Per task, where the defaults (one title pattern, the first leader, rectification) are not enough. */
  title?: (i: number) => string;
  leaderId?: (i: number) => string;
  kind?: (i: number) => 'rectification' | 'plan';
  year?: (i: number) => number;
  outcome?: (i: number) => string | null;
  reportItemIds?: string[];
}

/** Inserts `count` tasks in batches of unnest-ed arrays (far faster than row-by-row inserts). */
export async function seedTasks(
  pool: Pool,
  org: SeededOrganization,
  count: number,
  seed: TaskSeed,
  batch = 10_000,
  analyze = true,
): Promise<void> {
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start);
    const cols = {
      title: [] as string[],
      unit: [] as string[],
      assignee: [] as string[],
      deadline: [] as string[],
      status: [] as string[],
      outcome: [] as (string | null)[],
      item: [] as (string | null)[],
      leader: [] as string[],
      kind: [] as string[],
      year: [] as (number | null)[],
    };
    for (let k = 0; k < n; k++) {
      const i = start + k;
      const u = i % org.unitIds.length;
      cols.title.push(seed.title?.(i) ?? `整改任务${i}：完善行政执法公示制度`);
      cols.leader.push(seed.leaderId?.(i) ?? org.leaderId);
      cols.kind.push(seed.kind?.(i) ?? 'rectification');
      cols.year.push(seed.year?.(i) ?? seed.planYear ?? null);
      cols.unit.push(org.unitIds[u]);
      cols.assignee.push(org.staffIds[u]);
      cols.deadline.push(seed.deadline(i));
      cols.status.push(seed.status(i));
      cols.outcome.push(seed.outcome?.(i) ?? null);
      cols.item.push(seed.reportItemIds?.[i] ?? null);
    }
    await pool.query(
      `INSERT INTO tasks (organization_id, kind, item_kind, title, source_text, plan_year, leader_id, unit_id, assignee_id, deadline, status, progress, outcome, report_item_id,
                          completed_at, assigned_at)
       SELECT $1, t.kind, 'measure', t.title, t.title || '，按要求落实整改。', t.year, t.leader, t.unit, t.assignee, t.deadline, t.status,
              CASE WHEN t.status = 'completed' THEN 100 ELSE 30 END, t.outcome, t.item,
              CASE WHEN t.status = 'completed' THEN now() END, now()
         FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::date[], $6::text[], $7::text[], $8::uuid[], $9::uuid[], $10::text[], $11::int[])
              AS t(title, unit, assignee, deadline, status, outcome, item, leader, kind, year)`,
      [
        org.organizationId,
        cols.title,
        cols.unit,
        cols.assignee,
        cols.deadline,
        cols.status,
        cols.outcome,
        cols.item,
        cols.leader,
        cols.kind,
        cols.year,
      ],
    );
  }
  // Autovacuum would get here after a bulk load; without it the visibility map is empty and no scan is index-only.
  if (analyze) await pool.query('VACUUM ANALYZE tasks');
}

export function isoDate(base: string, plusDays: number): string {
  const date = new Date(`${base}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  return date.toISOString().slice(0, 10);
}
