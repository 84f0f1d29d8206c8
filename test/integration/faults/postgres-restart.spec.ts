import { ensureDatabaseExists } from '../../../src/db/ensure-database';
import { runMigrations } from '../../../src/db/migrate';
import { Fixtures } from '../../support/fixtures';
import { PrivatePostgres } from '../../support/private-postgres';
import { TestApp, TestResponse, testRuntime } from '../../support/test-app';

const CHINESE = /[\u4e00-\u9fff]/;

/** Fails with a clear message if the app hangs instead of answering while the database is gone. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} 在 ${ms} ms 内没有应答`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function pollUntil(
  what: string,
  timeoutMs: number,
  probe: () => Promise<TestResponse>,
  done: (r: TestResponse) => boolean,
): Promise<TestResponse> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const response = await within(10_000, what, probe());
    if (done(response)) return response;
    if (Date.now() > until)
      throw new Error(
        `${what} 在 ${timeoutMs} ms 内没有恢复：${response.status} ${JSON.stringify(response.body)}`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('PostgreSQL stopped and restarted while the API runs', () => {
  let postgres: PrivatePostgres | undefined;
  let app: TestApp | undefined;

  beforeAll(async () => {
    postgres = await PrivatePostgres.start();
    await ensureDatabaseExists(postgres.url);
    await runMigrations(postgres.url);
    app = await TestApp.start({ ...testRuntime('api'), databaseUrl: postgres.url });
  }, 30_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await postgres?.destroy();
  }, 20_000);

  it('answers 503 naming the database while it is down and recovers without a restart', async () => {
    const api = app!;
    const { org, users } = await Fixtures.of(api).organization();
    const task = {
      id: await Fixtures.of(api).task(org.id, {
        deadline: '2099-12-31',
        status: 'new',
        title: '重启前的任务',
      }),
    };
    const listTasks = () => api.get('/api/v1/tasks', { token: users.leader.token });
    expect((await api.get('/health')).status).toBe(200);
    expect((await listTasks()).body).toMatchObject({ total: 1, items: [{ id: task.id }] });

    await postgres!.stop();

    const health = await within(10_000, 'GET /health', api.get('/health'));
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: '服务暂时不可用：数据库（PostgreSQL）无法连接',
      details: {
        database: { status: 'down', message: '数据库（PostgreSQL）无法连接' },
        redis: { status: 'up' },
      },
    });

    const tasks = await within(10_000, 'GET /api/v1/tasks', listTasks());
    expect(tasks.status).toBe(503);
    expect(tasks.body).toEqual({
      statusCode: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringMatching(CHINESE),
    });

    // Same port and data dir, same app instance: the pool has to find its way back by itself.
    await postgres!.start();
    const healthy = await pollUntil(
      'GET /health',
      20_000,
      () => api.get('/health'),
      (r) => r.status === 200,
    );
    expect(healthy.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
    const recovered = await pollUntil('GET /api/v1/tasks', 20_000, listTasks, (r) => r.status === 200);
    expect(recovered.body).toMatchObject({ total: 1, items: [{ id: task.id, title: '重启前的任务' }] });
  }, 60_000);
});
