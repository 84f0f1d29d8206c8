import { Pool } from 'pg';
import { RollupService } from '../../src/rollup/rollup.service';
import { BenchResult } from './bench-result';
import { median, withBenchApp } from './bench-env';
import { seedOrganization, seedTasks } from './seed';

const YEAR = 2026;
const TASKS = 5_000;
const RUNS = 5;

/** A report on `reportYear` planning `reportYear + 1`, with numbered problems and measures; returns the item ids in order. */
async function seedReport(
  pool: Pool,
  organizationId: string,
  reportYear: number,
  problems: number,
  measures: number,
): Promise<string[]> {
  const { rows } = await pool.query(
    `INSERT INTO reports (organization_id, file_name, sha256, size_bytes, storage_path, text, organization_name, report_year, plan_year, title)
     VALUES ($1, 'bench.txt', $3, 1, 'bench.txt', '', '基准测试县人民政府', $2::int, $2::int + 1, '基准测试县年度法治政府建设情况报告')
     RETURNING id`,
    [organizationId, reportYear, String(reportYear).padStart(64, '0')],
  );
  const items = await pool.query(
    `INSERT INTO report_items (report_id, organization_id, seq, kind, title, text, start_offset, end_offset)
     SELECT $1, $2, n, CASE WHEN n <= $3 THEN 'problem' ELSE 'measure' END,
            CASE WHEN n <= $3 THEN '问题' || n || '：行政执法监督第' || n || '项不到位' ELSE '措施' || n || '：加强行政执法监督第' || (n % $3 + 1) || '项' END,
            '针对行政执法监督第' || (n % $3 + 1) || '项，建立健全工作机制，明确责任单位和完成时限。', 0, 10
       FROM generate_series(1, $3::int + $4::int) n
     RETURNING id`,
    [rows[0].id, organizationId, problems, measures],
  );
  return (items.rows as { id: string }[]).map((row) => row.id);
}

/** Rebuilding the yearly draft of an organization with 5,000 tasks planned for the year (median of 5 rebuilds). */
export function benchRollup(): Promise<BenchResult[]> {
  return withBenchApp('rollup', async (env) => {
    const org = await seedOrganization(env.pool);
    await seedReport(env.pool, org.organizationId, YEAR - 2, 30, 0);
    // The previous report's problems and measures become tasks of the plan year; the rest were added by hand.
    const itemIds = await seedReport(env.pool, org.organizationId, YEAR - 1, 40, 120);
    await seedTasks(env.pool, org, TASKS, {
      planYear: YEAR,
      reportItemIds: itemIds,
      status: (i) => (i % 3 === 0 ? 'completed' : i % 3 === 1 ? 'in_progress' : 'assigned'),
      outcome: (i) => (i % 3 === 0 ? `已完成第${i}项整改，形成长效机制。` : null),
      deadline: (i) => `${YEAR}-${String((i % 12) + 1).padStart(2, '0')}-15`,
    });
    const rollup = env.app.get(RollupService);
    await rollup.rebuild(org.organizationId, YEAR);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      await rollup.rebuild(org.organizationId, YEAR);
      times.push(performance.now() - started);
    }
    return [{ name: 'rollup', value: median(times), unit: 'ms' }];
  });
}
