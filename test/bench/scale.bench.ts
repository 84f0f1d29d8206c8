import { todayIn } from '../../src/common/calendar';
import { ReminderSweepService } from '../../src/reminders/reminder-sweep.service';
import { RollupService } from '../../src/rollup/rollup.service';
import { BenchResult } from './bench-result';
import { median, withBenchApp } from './bench-env';
import { load } from './http-load';
import { seedScaleTasks, seedScaleTree } from './scale-seed';

const TASKS = 1_000_000;
const LOAD_SECONDS = 10;
/** Organizations swept at once: the reminders queue's concurrency (2). */
const SWEEP_WORKERS = 2;
/** On a shared host some requests time out; they are reported (`…_timeouts`), not taken for a broken route. */
const TOLERANT = { tolerateTimeouts: true };

const log = (line: string) => process.stderr.write(`# scale: ${line}\n`);

/**
 * `npm run bench -- scale`: 1,000,000 tasks over a city, 20 counties and 480 townships, seeded by set-based SQL
 * through the real triggers; then a county's overview and a township's ledger under 50 connections, the day's
 * reminder sweep of every township (one in five open tasks due, about 200,000 reminders) two organizations at a
 * time, and the rebuild of a township's draft. Only run when asked for by name: it takes minutes.
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

    const sweeps = env.app.get(ReminderSweepService);
    const queue = tree.townships.map((organization) => organization.id);
    started = performance.now();
    await Promise.all(
      Array.from({ length: SWEEP_WORKERS }, async () => {
        for (let next = queue.shift(); next; next = queue.shift())
          await sweeps.sweepOrganization(today, next);
      }),
    );
    const sweepSeconds = (performance.now() - started) / 1000;
    const { rows } = await env.pool.query(`SELECT count(*)::int AS n FROM notifications`);
    log(`sweep: ${rows[0].n} reminders stored in ${sweepSeconds.toFixed(1)} s`);

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
      { name: 'sweep_200k', value: sweepSeconds, unit: 's' },
      { name: 'scale_rollup', value: median(times), unit: 'ms' },
    ];
  });
}
