import type { AddressInfo } from 'node:net';
import { Controller, Get, Inject, Module, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import { BenchResult } from './bench-result';
import { withBenchApp } from './bench-env';
import { load } from './http-load';
import { isoDate, seedOrganization, seedTasks } from './seed';

const TASKS = 100_000;
const SECONDS = 8;
const STATUSES = ['new', 'assigned', 'in_progress', 'pending_review', 'completed'];
const BARE_POOL = Symbol('BARE_POOL');

@Controller()
class BareTasksController {
  constructor(@Inject(BARE_POOL) private readonly pool: Pool) {}

  @Get('tasks')
  async list(@Query('org') organizationId: string) {
    const { rows } = await this.pool.query(
      `SELECT id, title, status, deadline, unit_id, assignee_id, progress FROM tasks
        WHERE organization_id = $1 AND status = $2 ORDER BY deadline LIMIT 50`,
      [organizationId, 'in_progress'],
    );
    return { items: rows };
  }
}

/** The floor: the same platform with one controller and one comparable query, nothing else. */
async function startBareApp(pool: Pool): Promise<NestFastifyApplication> {
  @Module({ controllers: [BareTasksController], providers: [{ provide: BARE_POOL, useValue: pool }] })
  class BareModule {}
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), { logger: false });
  await app.listen(0, '127.0.0.1');
  return app;
}

/** GET /api/v1/tasks over 100,000 tasks under 50 connections, against the bare-query floor; then the process RSS. */
export function benchList(): Promise<BenchResult[]> {
  return withBenchApp('list', async (env) => {
    const org = await seedOrganization(env.pool);
    // Deadlines spread over ±1 year around today so `overdue=false` keeps about half of the in-progress tasks.
    const today = new Date().toISOString().slice(0, 10);
    await seedTasks(env.pool, org, TASKS, { status: (i) => STATUSES[i % STATUSES.length], deadline: (i) => isoDate(today, (i % 730) - 365), planYear: 2026 });
    const token = await env.accessToken(org.adminId);
    const url = `${env.baseUrl}/api/v1/tasks?status=in_progress&overdue=false&page=1&pageSize=50`;
    const headers = { authorization: `Bearer ${token}` };
    await load(url, headers, 1);
    const app = await load(url, headers, SECONDS);
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    const bare = await startBareApp(env.pool);
    try {
      const address = bare.getHttpServer().address() as AddressInfo;
      const bareUrl = `http://127.0.0.1:${address.port}/tasks?org=${org.organizationId}`;
      await load(bareUrl, {}, 1);
      const floor = await load(bareUrl, {}, SECONDS);
      return [
        { name: 'list', value: app.requestsPerSecond, unit: 'req/s', floor: floor.requestsPerSecond },
        { name: 'list_p99', value: app.p99Ms, unit: 'ms' },
        { name: 'memory_api_rss', value: rssMb, unit: 'MB' },
      ];
    } finally {
      await bare.close();
    }
  });
}
