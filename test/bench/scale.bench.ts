import { todayIn } from '../../src/common/calendar';
import { Queue } from 'bullmq';
import { QueueName } from '../../src/queue/jobs';
import { ReminderSweepService } from '../../src/reminders/reminder-sweep.service';
import { RollupService } from '../../src/rollup/rollup.service';
import { BenchResult } from './bench-result';
import { BENCH_REDIS_URL, BenchEnv, median, withBenchApp } from './bench-env';
import { load } from './http-load';
import { seedScaleTasks, seedScaleTree } from './scale-seed';
import { cpuSeconds, spawnWorkers, stopProcess } from './worker-processes';

const TASKS = 1_000_000;
const LOAD_SECONDS = 10;
/** Worker processes (`npm run start:worker`) that share the sweep's per-organization jobs. */
const SWEEP_WORKERS = 2;
const SWEEP_TIMEOUT_MS = 600_000;
/** On a shared host some requests time out; they are reported (`…_timeouts`), not taken for a broken route. */
const TOLERANT = { tolerateTimeouts: true };

const log = (line: string) => process.stderr.write(`# scale: ${line}\n`);

/**
 * `npm run bench -- scale`: 1,000,000 tasks over a city, 20 counties and 480 townships, seeded by set-based SQL
 * through the real triggers; then a county's overview and a township's ledger under 50 connections, the day's
 * reminder sweep of every township (one in five open tasks due, about 200,000 reminders) as the daily run does it
 * (one job per organization) by two worker processes, and the rebuild of a township's draft. Only run when asked for by name: it takes minutes.
 */
export function benchScale(): Promise<BenchResult[]> {
  return withBenchApp('scale', async (env) => {
    const today = todayIn(env.runtime.config.TIME_ZONE);
    const year = Number(today.slice(0, 4));
    let started = performance.now();
    const tree = await seedScaleTree(env.pool);
    await seedScaleTasks(env.pool, tree, TASKS, year, today);
    const seedSeconds = (performance.now() - started) / 1000;
    log(
      `seeded ${TASKS} tasks over ${tree.townships.length + tree.counties.length + 1} organizations in ${seedSeconds.toFixed(1)} s`,
    );

    const [county] = tree.counties;
    const countyToken = await env.accessToken(county.leaderId);
    const overviewUrl = `${env.baseUrl}/api/v1/county/overview?year=${year}`;
    const check = await fetch(overviewUrl, { headers: { authorization: `Bearer ${countyToken}` } });
    const overview = (await check.json()) as { organizations: unknown[]; totals: { planned: number } };
    if (overview.organizations.length !== 24)
      throw new Error(`总览应有 24 个乡镇，实际 ${overview.organizations.length}`);
    const overviewLoad = await load(
      overviewUrl,
      { authorization: `Bearer ${countyToken}` },
      LOAD_SECONDS,
      50,
      TOLERANT,
    );
    log(
      `overview: ${overviewLoad.requestsPerSecond.toFixed(0)} req/s, p99 ${overviewLoad.p99Ms} ms, ${overviewLoad.errors} timeouts`,
    );
    const cityLoad = await load(
      `${env.baseUrl}/api/v1/county/overview?year=${year}`,
      {
        authorization: `Bearer ${await env.accessToken(tree.cityLeaderId)}`,
      },
      LOAD_SECONDS,
      50,
      TOLERANT,
    );
    log(`city overview: ${cityLoad.requestsPerSecond.toFixed(0)} req/s, p99 ${cityLoad.p99Ms} ms`);

    const [township] = tree.townships;
    const ledgerLoad = await load(
      `${env.baseUrl}/api/v1/tasks?pageSize=20&sort=deadline&open=true`,
      { authorization: `Bearer ${await env.accessToken(township.leaderId)}` },
      LOAD_SECONDS,
      50,
      TOLERANT,
    );
    log(`township ledger: ${ledgerLoad.requestsPerSecond.toFixed(0)} req/s, p99 ${ledgerLoad.p99Ms} ms`);
    const drillLoad = await load(
      `${env.baseUrl}/api/v1/tasks?organizationId=${tree.townships[1].id}&light=red&pageSize=20`,
      { authorization: `Bearer ${countyToken}` },
      LOAD_SECONDS,
      50,
      TOLERANT,
    );
    log(`county drill-down: ${drillLoad.requestsPerSecond.toFixed(0)} req/s, p99 ${drillLoad.p99Ms} ms`);

    const sweep = await sweepWithWorkers(env, today);
    log(
      `sweep: ${sweep.stored} reminders stored in ${sweep.seconds.toFixed(1)} s by ${SWEEP_WORKERS} worker processes ` +
        `(${sweep.jobs} organization jobs; CPU ${sweep.cpuSeconds.map((s) => s.toFixed(1)).join(' s / ')} s)`,
    );

    const rollup = env.app.get(RollupService);
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      started = performance.now();
      await rollup.rebuild(township.id, year);
      times.push(performance.now() - started);
    }
    return [
      { name: 'scale_seed', value: seedSeconds, unit: 's' },
      { name: 'county_overview_p99', value: overviewLoad.p99Ms, unit: 'ms' },
      { name: 'county_overview', value: overviewLoad.requestsPerSecond, unit: 'req/s' },
      { name: 'county_overview_timeouts', value: overviewLoad.errors, unit: 'requests' },
      { name: 'city_overview_p99', value: cityLoad.p99Ms, unit: 'ms' },
      { name: 'township_ledger_p99', value: ledgerLoad.p99Ms, unit: 'ms' },
      { name: 'county_drilldown_p99', value: drillLoad.p99Ms, unit: 'ms' },
      { name: 'sweep_200k', value: sweep.seconds, unit: 's' },
      { name: 'scale_rollup', value: median(times), unit: 'ms' },
    ];
  });
}

/**
 * The daily sweep as the scheduler requests it (every organization, one job each) with SWEEP_WORKERS worker
 * processes already started and listening: timed from the request until every job has completed. Each process's
 * CPU seconds over that time show whether both did work.
 */
async function sweepWithWorkers(env: BenchEnv, today: string) {
  const url = new URL(BENCH_REDIS_URL);
  const queue = new Queue(QueueName.Reminders, {
    connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null },
    prefix: env.processEnv.QUEUE_PREFIX,
  });
  const workers = spawnWorkers(SWEEP_WORKERS, env.processEnv);
  try {
    await until(async () => (await queue.getWorkersCount()) >= SWEEP_WORKERS, '工作进程启动');
    const cpuBefore = workers.map(cpuSeconds);
    const started = performance.now();
    const { enqueued } = await env.app.get(ReminderSweepService).requestEverywhere(today);
    await until(async () => {
      const counts = await queue.getJobCounts('completed', 'failed');
      if (counts.failed) throw new Error(`${counts.failed} 个单位的提醒扫描失败`);
      return counts.completed >= enqueued;
    }, '提醒扫描完成');
    const seconds = (performance.now() - started) / 1000;
    const cpu = workers.map((worker, index) => cpuSeconds(worker) - cpuBefore[index]);
    const { rows } = await env.pool.query(`SELECT count(*)::int AS n FROM notifications`);
    return { seconds, stored: rows[0].n as number, jobs: enqueued, cpuSeconds: cpu };
  } finally {
    await Promise.all(workers.map(stopProcess));
    await queue.close();
  }
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + SWEEP_TIMEOUT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}超时`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
