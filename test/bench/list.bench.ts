import { todayIn } from '../../src/common/calendar';
import { BenchResult } from './bench-result';
import { withBenchDatabase } from './bench-env';
import { nodeFlagsOfScript, startChildServer } from './child-server';
import { load, LoadResult } from './http-load';
import { LIST_QUERY } from './list-query';
import { isoDate, seedOrganization, seedTasks } from './seed';

const TASKS = 100_000;
// Each run opens 50 new connections whose first requests arrive as one burst; over 20 s they are well under 1% of
// the requests, so p99 measures the steady state rather than the start.
const SECONDS = 20;
// Long enough for both servers' hot paths to be compiled by V8 before anything is measured.
const WARM_UP_SECONDS = 3;
const STATUSES = ['new', 'assigned', 'in_progress', 'pending_review', 'completed'];

/**
 * GET /api/v1/tasks over 100,000 tasks under 50 connections, the API in its own process (as deployed), against
 * the floor server in its own process; then the API process's RSS. The API runs twice: as configured by default,
 * where a page is served as remembered while no task changes, and with that page cache off, so every request
 * runs the page query as the floor does.
 */
export function benchList(): Promise<BenchResult[]> {
  return withBenchDatabase('list', async (env) => {
    const org = await seedOrganization(env.pool);
    const today = todayIn(env.runtime.config.TIME_ZONE);
    // Deadlines spread over ±1 year around today so `overdue=false` keeps about half of the in-progress tasks.
    await seedTasks(env.pool, org, TASKS, {
      status: (i) => STATUSES[i % STATUSES.length],
      deadline: (i) => isoDate(today, (i % 730) - 365),
      planYear: 2026,
    });
    const token = await env.accessToken(org.adminId);
    const search = new URLSearchParams(
      Object.entries(LIST_QUERY).map(([key, value]): [string, string] => [key, String(value)]),
    );
    const loadApi = async (extraEnv: Record<string, string>): Promise<LoadResult & { rssMb: number }> => {
      // Started as `npm run start:api` starts it, node flags included.
      const api = await startChildServer(
        'src/main.js',
        ['--mode', 'api'],
        { ...env.processEnv, ...extraEnv },
        '/health',
        nodeFlagsOfScript('start:api'),
      );
      try {
        const url = `${api.baseUrl}/api/v1/tasks?${search}`;
        const headers = { authorization: `Bearer ${token}` };
        await load(url, headers, WARM_UP_SECONDS);
        return { ...(await load(url, headers, SECONDS)), rssMb: api.rssMb() };
      } finally {
        await api.stop();
      }
    };
    const app = await loadApi({});
    const uncached = await loadApi({ TASK_LIST_CACHE_PAGES: '0' });
    const bare = await startChildServer('test/bench/floor-server.js', [], env.processEnv, '/ready');
    try {
      const bareUrl = `${bare.baseUrl}/tasks?org=${org.organizationId}&today=${today}`;
      await load(bareUrl, {}, WARM_UP_SECONDS);
      const floor = await load(bareUrl, {}, SECONDS);
      return [
        { name: 'list', value: app.requestsPerSecond, unit: 'req/s', floor: floor.requestsPerSecond },
        { name: 'list_p99', value: app.p99Ms, unit: 'ms', floor: floor.p99Ms, lowerIsBetter: true },
        { name: 'memory_api_rss', value: app.rssMb, unit: 'MB' },
        {
          name: 'list_uncached',
          value: uncached.requestsPerSecond,
          unit: 'req/s',
          floor: floor.requestsPerSecond,
        },
        {
          name: 'list_uncached_p99',
          value: uncached.p99Ms,
          unit: 'ms',
          floor: floor.p99Ms,
          lowerIsBetter: true,
        },
        { name: 'memory_api_rss_uncached', value: uncached.rssMb, unit: 'MB' },
      ];
    } finally {
      await bare.stop();
    }
  });
}
