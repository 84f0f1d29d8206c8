import 'reflect-metadata';
import { Controller, Get, Inject, Module, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import { listPageSql } from './list-query';

const POOL = Symbol('POOL');

/**
 * The list workload's floor: NestJS on Fastify with one route that runs the ledger page's own SQL (same columns,
 * join, filter, order and limit) through a pg Pool of the app's size, and returns the rows. No auth, validation,
 * count, presentation, logging or security headers: what is left is the least any implementation must do.
 */
@Controller()
class FloorController {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  @Get('ready')
  ready() {
    return { ok: true };
  }

  @Get('tasks')
  async list(@Query('org') organizationId: string, @Query('today') today: string) {
    const { rows } = await this.pool.query(listPageSql, [organizationId, 'in_progress', today]);
    return { items: rows };
  }
}

async function main(): Promise<void> {
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DB_POOL_SIZE ?? 20),
  });
  @Module({ controllers: [FloorController], providers: [{ provide: POOL, useValue: pool }] })
  class FloorModule {}
  const app = await NestFactory.create<NestFastifyApplication>(FloorModule, new FastifyAdapter(), {
    logger: false,
  });
  process.once(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => pool.end())
        .then(() => process.exit(0)),
  );
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
