import { Client } from 'pg';
import { runMigrations } from '../../src/db/migrate';
import { BASE_DATABASE_URL, databaseUrlNamed, uniqueSuffix } from './test-env';

/** One fresh, migrated database and one Redis key prefix per test run, so parallel runs never meet. */
export default async function globalSetup(): Promise<void> {
  const suffix = uniqueSuffix();
  const name = `rectify_test_${suffix}`;
  const admin = new Client({ connectionString: BASE_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = databaseUrlNamed(name);
  await runMigrations(url);
  process.env.RECTIFY_TEST_DATABASE_URL = url;
  process.env.RECTIFY_TEST_QUEUE_PREFIX = `rectify-test-${suffix}`;
}
