import IORedis from 'ioredis';
import { Client } from 'pg';
import { runMigrations } from '../../src/db/migrate';
import { BASE_DATABASE_URL, TEST_REDIS_URL, databaseUrlNamed, uniqueSuffix } from './test-env';

/**
 * Gives the calling spec file its own migrated database and queue prefix. For specs whose assertions are about
 * everything in the database (a global reminder sweep, the outbox relay), so other files' rows cannot leak in.
 * Call at the top level of the spec file, before any hook that connects.
 */
export function useIsolatedDatabase(): void {
  const previous = { url: process.env.RECTIFY_TEST_DATABASE_URL, prefix: process.env.RECTIFY_TEST_QUEUE_PREFIX };
  const suffix = uniqueSuffix();
  const name = `rectify_test_iso_${suffix}`;
  const prefix = `rectify-test-iso-${suffix}`;

  beforeAll(async () => {
    const admin = new Client({ connectionString: BASE_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    await runMigrations(databaseUrlNamed(name));
    process.env.RECTIFY_TEST_DATABASE_URL = databaseUrlNamed(name);
    process.env.RECTIFY_TEST_QUEUE_PREFIX = prefix;
  });

  afterAll(async () => {
    process.env.RECTIFY_TEST_DATABASE_URL = previous.url;
    process.env.RECTIFY_TEST_QUEUE_PREFIX = previous.prefix;
    const admin = new Client({ connectionString: BASE_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    const redis = new IORedis(TEST_REDIS_URL);
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) {
      if ((keys as string[]).length) await redis.unlink(...(keys as string[]));
    }
    redis.disconnect();
  });
}
