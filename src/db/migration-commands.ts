import { ConfigError, loadConfig } from '../config/load-config';
import { ensureDatabaseExists } from './ensure-database';
import { revertLastMigration, runMigrations } from './migrate';

function databaseUrl(): string {
  const url = loadConfig().DATABASE_URL;
  if (!url) throw new ConfigError('请设置 DATABASE_URL：迁移命令需要明确的目标数据库。');
  return url;
}

/** `npm run migration:run`: creates the database if missing and applies pending migrations. */
export async function runMigrationCommand(): Promise<number> {
  const url = databaseUrl();
  await ensureDatabaseExists(url);
  const applied = await runMigrations(url);
  process.stderr.write(applied.length ? `已应用迁移：${applied.join(', ')}\n` : '没有待应用的迁移\n');
  return 0;
}

/** `npm run migration:revert`: reverts the most recent migration. */
export async function revertMigrationCommand(): Promise<number> {
  await revertLastMigration(databaseUrl());
  process.stderr.write('已回滚最近一次迁移\n');
  return 0;
}
