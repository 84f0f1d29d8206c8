import { Client } from 'pg';
import { ensureDatabaseExists } from '../../../src/db/ensure-database';
import { createMigrationDataSource } from '../../../src/db/data-source';
import { runMigrations } from '../../../src/db/migrate';
import { databaseUrlNamed, uniqueSuffix } from '../../support/test-env';

async function tableNames(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
  );
  await client.end();
  return rows.map((row) => row.table_name);
}

describe('migrations', () => {
  const url = databaseUrlNamed(`rectify_test_migrations_${uniqueSuffix()}`);

  afterAll(async () => {
    const admin = new Client({ connectionString: databaseUrlNamed('postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  });

  it('creates the database named in the URL when it is missing, and does nothing the second time', async () => {
    await ensureDatabaseExists(url);
    await ensureDatabaseExists(url);
    expect(await tableNames(url)).toEqual([]);
  });

  it('applies every migration, reverts them all to an empty schema, and applies them again', async () => {
    const applied = await runMigrations(url);
    expect(applied.length).toBeGreaterThan(0);
    expect(await tableNames(url)).toContain('outbox_events');
    expect(await runMigrations(url)).toEqual([]);

    const dataSource = await createMigrationDataSource(url).initialize();
    for (let i = 0; i < applied.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    await dataSource.destroy();
    expect(await tableNames(url)).toEqual([]);

    expect(await runMigrations(url)).toEqual(applied);
  });
});
