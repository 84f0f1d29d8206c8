import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { todayIn } from '../../src/common/calendar';
import { projectRoot } from '../../src/config/project-root';
import { BenchResult } from './bench-result';
import { withBenchDatabase } from './bench-env';
import { nodeFlagsOfScript, startChildServer } from './child-server';
import { load, LoadResult } from './http-load';
import { mixRequests, seedMix } from './list-mix';
import type { MixLoad, MixLoadResult } from './mix-client';

/** Each round: the API, then the floor, each warmed up and then measured. */
const MIX_ROUNDS = 3;
const MIX_WARM_UP_SECONDS = 3;
const MIX_SECONDS = 8;
const HIT_WARM_UP_SECONDS = 2;
const HIT_SECONDS = 6;
const CONNECTIONS = 50;
/** 20 organizations, one write a second each. */
const WRITE_INTERVAL_MS = 50;

/**
 * The ledger as people use it: the mix of list-mix.ts (about 11,000 distinct requests over 20 organizations of
 * 5,000 tasks, from staff, leader, admin and viewer tokens) under 50 connections while every organization gets
 * one write a second, against the node:http + pg floor (mix-floor-server.ts) under the same load and writes.
 * Then, labelled as such, one unit's page asked for again and again (cache hits) against the floor running that
 * page's SQL each time. API and floor each run in their own process, as does the load generator.
 */
export function benchList(): Promise<BenchResult[]> {
  return withBenchDatabase('list', async (env) => {
    const today = todayIn(env.runtime.config.TIME_ZONE);
    const organizations = await seedMix(env.pool, today);
    const mix = mixRequests(organizations);
    const tokens = new Map<string, string>();
    for (const request of mix)
      if (!tokens.has(request.user))
        tokens.set(request.user, `Bearer ${await env.accessToken(request.user)}`);
    const hitQuery = `unitId=${organizations[0].unitIds[0]}&status=in_progress&pageSize=20`;
    const writer = await startWriter(
      env.pool,
      organizations.map((org) => org.organizationId),
    );
    const api = await startChildServer(
      'src/main.js',
      ['--mode', 'api'],
      env.processEnv,
      '/health',
      nodeFlagsOfScript('start:api'),
    );
    const bare = await startChildServer('test/bench/mix-floor-server.js', [], env.processEnv, '/ready');
    try {
      const targets = {
        app: {
          server: api,
          requests: mix.map((request) => ({
            path: `/api/v1/tasks?${request.query}`,
            authorization: tokens.get(request.user)!,
          })),
          hit: `/api/v1/tasks?${hitQuery}`,
          hitHeaders: { authorization: tokens.get(organizations[0].staffIds[0])! } as Record<string, string>,
        },
        floor: {
          server: bare,
          requests: mix.map((request) => ({
            path: `/tasks?org=${organizations[request.organization].organizationId}&${request.query}`,
            authorization: '',
          })),
          hit: `/tasks?org=${organizations[0].organizationId}&${hitQuery}`,
          hitHeaders: {} as Record<string, string>,
        },
      };
      // API and floor take turns, round by round: on a shared machine whose load drifts by the minute, measuring
      // one after the other would compare two different machines.
      const mixed = { app: [] as MixLoadResult[], floor: [] as MixLoadResult[] };
      for (let round = 0; round < MIX_ROUNDS; round++)
        for (const side of ['app', 'floor'] as const)
          mixed[side].push(
            await mixLoad({
              baseUrl: targets[side].server.baseUrl,
              requests: targets[side].requests,
              connections: CONNECTIONS,
              warmUpSeconds: MIX_WARM_UP_SECONDS,
              seconds: MIX_SECONDS,
              seed: 42 + round,
            }),
          );
      const rssMb = api.rssMb();
      const hits: Partial<Record<'app' | 'floor', LoadResult>> = {};
      for (const side of ['app', 'floor'] as const) {
        const url = `${targets[side].server.baseUrl}${targets[side].hit}`;
        await load(url, targets[side].hitHeaders, HIT_WARM_UP_SECONDS, CONNECTIONS);
        hits[side] = await load(url, targets[side].hitHeaders, HIT_SECONDS, CONNECTIONS);
      }
      const app = combine(mixed.app);
      const floor = combine(mixed.floor);
      process.stderr.write(
        `# list_mix: ${mix.length} 个不同请求，${MIX_ROUNDS} 轮交替，写入 ${writer.writes()} 次；` +
          `API p50 ${app.p50Ms.toFixed(1)} ms，地板 p50 ${floor.p50Ms.toFixed(1)} ms；` +
          `每轮 req/s API ${mixed.app.map(perSecond).join(' / ')}，地板 ${mixed.floor.map(perSecond).join(' / ')}\n`,
      );
      return [
        { name: 'list_mix', value: app.requestsPerSecond, unit: 'req/s', floor: floor.requestsPerSecond },
        { name: 'list_mix_p99', value: app.p99Ms, unit: 'ms', floor: floor.p99Ms, lowerIsBetter: true },
        { name: 'memory_api_rss', value: rssMb, unit: 'MB' },
        ...hitResults('list_cache_hit', hits.app!, hits.floor!),
      ];
    } finally {
      await api.stop();
      await bare.stop();
      await writer.stop();
    }
  });
}

function perSecond(round: MixLoadResult): string {
  return (round.latenciesMs.length / round.seconds).toFixed(0);
}

/** Rounds merged: requests over their total time, percentiles over all their latencies. */
function combine(rounds: MixLoadResult[]) {
  const latencies = rounds.flatMap((round) => round.latenciesMs).sort((a, b) => a - b);
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? 0;
  return { requestsPerSecond: latencies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99) };
}

function hitResults(name: string, app: LoadResult, floor: LoadResult): BenchResult[] {
  return [
    { name, value: app.requestsPerSecond, unit: 'req/s', floor: floor.requestsPerSecond },
    { name: `${name}_p99`, value: app.p99Ms, unit: 'ms', floor: floor.p99Ms, lowerIsBetter: true },
  ];
}

async function mixLoad(load: MixLoad): Promise<MixLoadResult> {
  mkdirSync(join(projectRoot(), 'test-output'), { recursive: true });
  const file = join(projectRoot(), 'test-output', `mix-load-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(load));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [
      join(projectRoot(), 'dist', 'test', 'bench', 'mix-client.js'),
      file,
    ]);
    const result = JSON.parse(stdout) as MixLoadResult;
    if (result.failures)
      throw new Error(`${load.baseUrl}: ${result.failures} 个失败的请求，例如 ${result.firstFailure}`);
    return result;
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * One write a second per organization, round robin, as staff report progress: a random task's progress moves,
 * and every third write also moves it between 整改中 and 待审核 (so counts change too). Straight SQL, so the
 * API and the floor see the same writes; the app's triggers still move its revisions and tallies.
 */
async function startWriter(pool: Pool, organizationIds: string[]) {
  const taskIds: string[][] = [];
  for (const organizationId of organizationIds)
    taskIds.push(
      (
        await pool.query(`SELECT id FROM tasks WHERE organization_id = $1 ORDER BY id`, [organizationId])
      ).rows.map((row: { id: string }) => row.id),
    );
  let count = 0;
  let pending = Promise.resolve();
  const timer = setInterval(() => {
    const ids = taskIds[count % taskIds.length];
    const flip = count % 3 === 0;
    const id = ids[(count * 7919) % ids.length];
    count++;
    pending = pool
      .query(
        `UPDATE tasks SET progress = (progress + 7) % 100, version = version + 1, updated_at = now(), last_activity_at = now(),
                status = CASE WHEN $2 AND status = 'in_progress' THEN 'pending_review'
                              WHEN $2 AND status = 'pending_review' THEN 'in_progress' ELSE status END
          WHERE id = $1`,
        [id, flip],
      )
      .then(
        () => undefined,
        (error: unknown) => void process.stderr.write(`# 写入失败: ${String(error)}\n`),
      );
  }, WRITE_INTERVAL_MS);
  return {
    writes: () => count,
    stop: async () => {
      clearInterval(timer);
      await pending;
    },
  };
}
