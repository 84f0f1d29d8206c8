import { Client } from 'pg';
import { runMigrations } from '../../src/db/migrate';
import { BASE_DATABASE_URL, databaseUrlNamed, uniqueSuffix } from './test-env';

/**
 * Gives the calling spec file its own migrated database (every file already has its own queue prefix). For specs
 * whose assertions are about everything in the database (a global reminder sweep, the outbox relay), so other
 * files' rows cannot leak in. Call at the top level of the spec file, before any hook that connects.
 */
export function useIsolatedDatabase(): void {
  const previousUrl = process.env.RECTIFY_TEST_DATABASE_URL;
  const name = `rectify_test_iso_${uniqueSuffix()}`;

  beforeAll(async () => {
    const admin = new Client({ connectionString: BASE_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    await runMigrations(databaseUrlNamed(name));
    process.env.RECTIFY_TEST_DATABASE_URL = databaseUrlNamed(name);
  });

  afterAll(async () => {
    process.env.RECTIFY_TEST_DATABASE_URL = previousUrl;
    const admin = new Client({ connectionString: BASE_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
}
