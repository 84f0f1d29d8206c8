import { Pool } from 'pg';

export const COUNTIES = 20;
export const TOWNSHIPS_PER_COUNTY = 24;
const UNITS_PER_TOWNSHIP = 5;

export interface ScaleTree {
  cityId: string;
  cityLeaderId: string;
  counties: Array<{ id: string; leaderId: string }>;
  townships: Array<{ id: string; leaderId: string }>;
}

/**
 * A city, its 20 counties and their 24 townships each (501 organizations), five units per township with one staff
 * member each, and a leader per county and township: every row made by set-based SQL.
 */
export async function seedScaleTree(pool: Pool): Promise<ScaleTree> {
  const [{ id: cityId }] = (
    await pool.query(`INSERT INTO organizations (name) VALUES ('基准市人民政府') RETURNING id`)
  ).rows;
  const counties = (
    await pool.query(
      `INSERT INTO organizations (name, parent_id)
       SELECT '基准市第' || c || '县人民政府', $1 FROM generate_series(1, $2::int) c RETURNING id`,
      [cityId, COUNTIES],
    )
  ).rows as { id: string }[];
  const townships = (
    await pool.query(
      `INSERT INTO organizations (name, parent_id)
       SELECT '第' || c.n || '县第' || t || '镇人民政府', c.id
         FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n), generate_series(1, $2::int) t RETURNING id`,
      [counties.map((county) => county.id), TOWNSHIPS_PER_COUNTY],
    )
  ).rows as { id: string }[];
  await pool.query(
    `INSERT INTO units (organization_id, name)
     SELECT o, '单位' || n FROM unnest($1::uuid[]) o, generate_series(1, $2::int) n`,
    [townships.map((township) => township.id), UNITS_PER_TOWNSHIP],
  );
  await pool.query(
    `INSERT INTO users (organization_id, unit_id, username, password_hash, display_name, role)
     SELECT u.organization_id, u.id, 'staff-' || u.id, 'x', '经办人' || u.name, 'staff' FROM units u`,
  );
  const leaders = (
    await pool.query(
      `INSERT INTO users (organization_id, username, password_hash, display_name, role)
       SELECT o, 'leader-' || o, 'x', '领导', 'leader' FROM unnest($1::uuid[]) o
       RETURNING id, organization_id AS "organizationId"`,
      [[{ id: cityId }, ...counties, ...townships].map((organization) => organization.id)],
    )
  ).rows as { id: string; organizationId: string }[];
  const leaderOf = new Map(leaders.map((leader) => [leader.organizationId, leader.id]));
  const withLeader = ({ id }: { id: string }) => ({ id, leaderId: leaderOf.get(id)! });
  return {
    cityId,
    cityLeaderId: leaderOf.get(cityId)!,
    counties: counties.map(withLeader),
    townships: townships.map(withLeader),
  };
}

/**
 * `count` tasks of plan year `year` spread evenly over the townships, in statements of `batch` rows (the tally
 * and revision triggers run once per statement). One in five open tasks is due `today` (what the sweep reminds);
 * the others fall due across the year. 30 % are 已销号, 3 % 已撤销.
 */
export async function seedScaleTasks(
  pool: Pool,
  tree: ScaleTree,
  count: number,
  year: number,
  today: string,
  batch = 100_000,
): Promise<void> {
  await pool.query(`CREATE TEMP TABLE IF NOT EXISTS bench_slots AS
    SELECT (row_number() OVER (ORDER BY o.id) - 1)::int AS slot, o.id AS organization_id, l.id AS leader_id,
           array_agg(u.id ORDER BY u.name) AS unit_ids, array_agg(s.id ORDER BY u.name) AS staff_ids
      FROM organizations o JOIN users l ON l.organization_id = o.id AND l.role = 'leader'
      JOIN units u ON u.organization_id = o.id JOIN users s ON s.unit_id = u.id
     GROUP BY o.id, l.id`);
  const slots = tree.townships.length;
  for (let start = 0; start < count; start += batch) {
    await pool.query(
      `INSERT INTO tasks (organization_id, kind, item_kind, title, source_text, plan_year, leader_id, unit_id, assignee_id,
                          deadline, status, progress, assigned_at, completed_at, completed_on, last_activity_at)
       SELECT s.organization_id, 'rectification', 'measure', '整改任务' || i || '：完善行政执法公示制度',
              '整改任务' || i || '，按要求落实整改。', $4, s.leader_id, s.unit_ids[1 + i % 5], s.staff_ids[1 + i % 5],
              d.deadline, d.status, CASE WHEN d.status = 'completed' THEN 100 ELSE (i * 37) % 101 END,
              now() - ((i % 200) || ' days')::interval,
              CASE WHEN d.status = 'completed' THEN now() END,
              CASE WHEN d.status = 'completed' THEN d.deadline + (i % 20) - 12 END, now()
         FROM generate_series($1::int, $2::int) i
         JOIN bench_slots s ON s.slot = i % $3::int
         CROSS JOIN LATERAL (SELECT CASE WHEN r < 300 THEN 'completed' WHEN r < 330 THEN 'cancelled'
                                         WHEN r < 450 THEN 'assigned' WHEN r < 900 THEN 'in_progress'
                                         ELSE 'pending_review' END AS status
                               FROM (SELECT ((i::bigint * 7919) % 1000)::int AS r) x) st
         CROSS JOIN LATERAL (SELECT st.status,
                                    CASE WHEN st.status NOT IN ('completed', 'cancelled') AND i % 5 = 0 THEN $5::date
                                         ELSE make_date($4, 1, 1) + (i % 365) END AS deadline) d`,
      [start, Math.min(start + batch, count) - 1, slots, year, today],
    );
  }
  await pool.query('VACUUM ANALYZE');
}
