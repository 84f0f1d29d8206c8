import IORedis from 'ioredis';
import { Client } from 'pg';
import { BASE_DATABASE_URL, TEST_REDIS_URL } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const url = process.env.RECTIFY_TEST_DATABASE_URL;
  if (url && process.env.KEEP_TEST_DATABASE !== '1') {
    const admin = new Client({ connectionString: BASE_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  }
  const prefix = process.env.RECTIFY_TEST_QUEUE_PREFIX;
  if (prefix) {
    const redis = new IORedis(TEST_REDIS_URL);
    const stream = redis.scanStream({ match: `${prefix}-*`, count: 1000 });
    for await (const keys of stream) if ((keys as string[]).length) await redis.unlink(...(keys as string[]));
    redis.disconnect();
  }
}
