import { AppConfig, AppMode } from '../config/app-config';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { ensureDatabaseExists } from '../db/ensure-database';
import { runMigrations } from '../db/migrate';
import { resolveRedis } from './redis-resolver';
import { Runtime } from './runtime';

export interface PreparedRuntime {
  runtime: Runtime;
  /** Stops what start-up launched itself (embedded Postgres, a child redis-server). */
  release(): Promise<void>;
}

export interface PrepareOptions {
  config: AppConfig;
  mode?: AppMode;
  demo?: boolean;
  log: (message: string) => void;
}

/** Resolves database and Redis (starting embedded ones where none is configured) and applies migrations. */
export async function prepareRuntime({
  config,
  mode,
  demo = false,
  log,
}: PrepareOptions): Promise<PreparedRuntime> {
  const releases: (() => Promise<void>)[] = [];
  const release = async (): Promise<void> => {
    for (const stop of releases.reverse()) await stop().catch(() => undefined);
  };
  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      const embedded = await startEmbeddedPostgres(config.EMBEDDED_PG_DIR, config.EMBEDDED_PG_PORT, log);
      releases.push(() => embedded.stop());
      databaseUrl = embedded.url;
      log(
        `未设置 DATABASE_URL，使用内置 PostgreSQL（仅供试用，不用于生产）：127.0.0.1:${config.EMBEDDED_PG_PORT}`,
      );
    }
    await ensureDatabaseExists(databaseUrl);
    const redis = await resolveRedis(config.REDIS_URL);
    releases.push(() => redis.stop());
    if (config.DB_MIGRATIONS_RUN) {
      const applied = await runMigrations(databaseUrl);
      if (applied.length) log(`已应用数据库迁移：${applied.join(', ')}`);
    }
    return {
      runtime: { config, mode: mode ?? config.APP_MODE, databaseUrl, redisUrl: redis.url, demo },
      release,
    };
  } catch (error) {
    await release();
    throw error;
  }
}
