import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { JwtService } from '@nestjs/jwt';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import IORedis from 'ioredis';
import { Client, Pool } from 'pg';
import { loadConfig } from '../../src/config/load-config';
import { ensureDatabaseExists } from '../../src/db/ensure-database';
import { runMigrations } from '../../src/db/migrate';
import { createHttpApp } from '../../src/runtime/create-app';
import { Runtime } from '../../src/runtime/runtime';

export const BENCH_PG_BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const JWT_SECRET = `bench-secret-${randomBytes(16).toString('hex')}`;

export interface BenchDatabase {
  runtime: Runtime;
  databaseUrl: string;
  /** A separate pool for seeding; the app has its own. */
  pool: Pool;
  /** The same configuration as environment variables, for servers started as their own processes. */
  processEnv: Record<string, string>;
  accessToken(userId: string): Promise<string>;
}

export interface BenchEnv extends BenchDatabase {
  app: NestFastifyApplication;
  baseUrl: string;
}

/** A fresh migrated database and Redis prefix; everything is removed afterwards. */
export async function withBenchDatabase<T>(
  name: string,
  work: (env: BenchDatabase) => Promise<T>,
  extraEnv: Record<string, string> = {},
): Promise<T> {
  const suffix = `${name}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = `${BENCH_PG_BASE}/rectify_bench_${suffix}`;
  const queuePrefix = `rectify-bench-${suffix}`;
  const storageDir = `test-output/bench-files-${suffix}`;
  await ensureDatabaseExists(databaseUrl);
  let pool: Pool | undefined;
  try {
    await runMigrations(databaseUrl);
    const processEnv: Record<string, string> = {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      DB_MIGRATIONS_RUN: 'false',
      REDIS_URL: BENCH_REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      JWT_SECRET,
      ADMIN_PASSWORD: randomBytes(12).toString('hex'),
      STORAGE_DIR: storageDir,
      ...extraEnv,
    };
    const config = loadConfig(processEnv);
    const runtime: Runtime = { config, mode: 'api', databaseUrl, redisUrl: BENCH_REDIS_URL, demo: false };
    pool = new Pool({ connectionString: databaseUrl, max: config.DB_POOL_SIZE });
    // Dropping the database at the end terminates connections still closing; that is expected, not a crash.
    pool.on('error', () => undefined);
    const jwt = new JwtService({ secret: JWT_SECRET });
    return await work({
      runtime,
      databaseUrl,
      pool,
      processEnv: { ...processEnv, DB_POOL_SIZE: String(config.DB_POOL_SIZE) },
      accessToken: (userId) => jwt.signAsync({ sub: userId, typ: 'access' }, { expiresIn: 3600 }),
    });
  } finally {
    await pool?.end().catch(() => undefined);
    await dropDatabase(databaseUrl).catch((error: unknown) =>
      process.stderr.write(`# 删除基准数据库失败: ${String(error)}\n`),
    );
    await deleteRedisKeys(`${queuePrefix}*`).catch(() => undefined);
    rmSync(storageDir, { recursive: true, force: true });
  }
}

/** withBenchDatabase plus the real app in this process, listening on a random port. */
export function withBenchApp<T>(
  name: string,
  work: (env: BenchEnv) => Promise<T>,
  extraEnv: Record<string, string> = {},
): Promise<T> {
  return withBenchDatabase(
    name,
    async (database) => {
      const app = await createHttpApp(database.runtime);
      try {
        await app.listen(0, '127.0.0.1');
        const address = app.getHttpServer().address() as AddressInfo;
        return await work({ ...database, app, baseUrl: `http://127.0.0.1:${address.port}` });
      } finally {
        await app.close().catch(() => undefined);
      }
    },
    extraEnv,
  );
}

async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function deleteRedisKeys(pattern: string): Promise<void> {
  const redis = new IORedis(BENCH_REDIS_URL, { maxRetriesPerRequest: null });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}
