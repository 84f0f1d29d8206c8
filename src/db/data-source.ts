import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';

const compiled = __filename.endsWith('.js');

export const MIGRATIONS_GLOB = join(__dirname, '..', '..', 'migrations', compiled ? '*.js' : '*.ts');

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: poolSize },
  };
}

/** A bare data source for migrations and scripts; the Nest app builds its own with the entities. */
export function createMigrationDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url, 2));
}
