import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { connect, createServer, Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../../src/config/project-root';
import { freePort } from '../../../src/runtime/free-port';
import { useIsolatedDatabase } from '../../support/isolated-database';
import { TEST_REDIS_URL, testDatabaseUrl, testQueuePrefix, uniqueSuffix } from '../../support/test-env';
import { ensureBuilt } from '../../support/worker-process';

const MAIN = join(projectRoot(), 'dist', 'src', 'main.js');
const START_TIMEOUT_MS = 60_000;

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The real entry (`npm start` runs the same file) with an environment of the test's own, no DATABASE_URL unless given. */
function start(args: string[], env: Record<string, string>): Run {
  const inherited = { ...process.env };
  for (const key of ['DATABASE_URL', 'HOST', 'PORT', 'EMBEDDED_PG_PORT', 'EMBEDDED_PG_DIR'])
    delete inherited[key];
  const child = spawn(process.execPath, [MAIN, ...args], {
    cwd: projectRoot(),
    env: { ...inherited, NODE_ENV: 'test', LOG_LEVEL: 'warn', REDIS_URL: TEST_REDIS_URL, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function exitWithin(run: Run, ms: number): Promise<number | null> {
  const timer = setTimeout(() => run.child.kill('SIGKILL'), ms);
  const code = await run.exited;
  clearTimeout(timer);
  return code;
}

async function untilOutput(run: Run, text: string): Promise<void> {
  const until = Date.now() + START_TIMEOUT_MS;
  while (!run.output().includes(text)) {
    if (run.child.exitCode !== null || Date.now() > until)
      throw new Error(`没有等到“${text}”：\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('start-up failures name their cause and the fix', () => {
  const scratch = join(projectRoot(), 'test-output', `startup-${uniqueSuffix()}`);

  beforeAll(() => {
    ensureBuilt();
    mkdirSync(scratch, { recursive: true });
  }, 300_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("the embedded database's port taken: exit 2 with one sentence naming the port and the fix", async () => {
    const holder: Server = await new Promise((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => resolve(server));
    });
    const port = (holder.address() as { port: number }).port;
    try {
      const run = start([], {
        EMBEDDED_PG_PORT: String(port),
        EMBEDDED_PG_DIR: join(scratch, 'taken', 'postgres'),
        PORT: String(await freePort()),
      });
      expect({ code: await exitWithin(run, START_TIMEOUT_MS), output: run.output() }).toEqual({
        code: 2,
        output: `[rectify] 内置 PostgreSQL 端口 ${port} 已被占用：请设置 EMBEDDED_PG_PORT 或停止占用该端口的进程（可能是另一份 Rectify），或设置 DATABASE_URL 改用已有的 PostgreSQL\n`,
      });
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  }, 120_000);

  (process.getuid?.() === 0 ? it : it.skip)(
    'as root, a data folder the postgres user cannot enter: exit 2 naming the folder, before any initdb',
    async () => {
      const locked = join(scratch, 'locked');
      mkdirSync(locked, { recursive: true });
      chmodSync(locked, 0o700);
      const run = start([], {
        EMBEDDED_PG_PORT: String(await freePort()),
        EMBEDDED_PG_DIR: join(locked, 'postgres'),
        PORT: String(await freePort()),
      });
      const code = await exitWithin(run, START_TIMEOUT_MS);
      expect({ code, output: run.output() }).toEqual({
        code: 2,
        output: expect.stringContaining(
          `内置 PostgreSQL 以系统用户 postgres 运行，但该用户进不了目录 ${locked}（权限 700）`,
        ),
      });
      expect(run.output()).not.toMatch(/EACCES|undefined/);
    },
    120_000,
  );
});

describe('npm run demo listens on 127.0.0.1 unless HOST says otherwise', () => {
  useIsolatedDatabase();

  beforeAll(() => ensureBuilt(), 300_000);

  it('serves on the loopback address only, and says so', async () => {
    const port = await freePort();
    const run = start(['--demo'], {
      DATABASE_URL: testDatabaseUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
      APP_MODE: 'api',
      PORT: String(port),
    });
    try {
      await untilOutput(run, 'Rectify 已启动');
      expect(run.output()).toContain('演示模式只在本机（127.0.0.1）监听');
      expect(await reachable('127.0.0.1', port)).toBe(true);
      const external = Object.values(networkInterfaces())
        .flat()
        .find((address) => address && address.family === 'IPv4' && !address.internal);
      if (external) expect(await reachable(external.address, port)).toBe(false);
    } finally {
      run.child.kill('SIGTERM');
      await exitWithin(run, 30_000);
    }
  }, 120_000);
});
