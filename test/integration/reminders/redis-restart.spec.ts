import { ChildProcess, spawn } from 'node:child_process';
import { INestApplicationContext } from '@nestjs/common';
import { addDays } from '../../../src/common/calendar';
import { JobProducer } from '../../../src/queue/job-producer';
import { QueueName } from '../../../src/queue/jobs';
import { freePort } from '../../../src/runtime/free-port';
import { Fixtures, OrgWithUsers } from '../../support/fixtures';
import { useIsolatedDatabase } from '../../support/isolated-database';
import { startWorker, TestApp, testRuntime } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';

/** A private Redis, so stopping it disturbs nobody else's tests. */
function startRedis(port: number): ChildProcess {
  return spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGKILL')),
  );

useIsolatedDatabase();

describe('a sweep requested while Redis is down', () => {
  let redis: ChildProcess;
  let redisUrl: string;
  let app: TestApp;
  let fx: Fixtures;
  let worker: INestApplicationContext | undefined;
  let township: OrgWithUsers;

  beforeAll(async () => {
    const port = await freePort();
    redisUrl = `redis://127.0.0.1:${port}`;
    redis = startRedis(port);
    app = await TestApp.start({ ...testRuntime('api'), redisUrl });
    await app.app.get(JobProducer).queue(QueueName.Reminders).getJobCounts();
    fx = Fixtures.of(app);
    township = await fx.organization();
  });

  afterAll(async () => {
    await worker?.close();
    await app.close();
    await stop(redis);
  });

  it('answers at once, 202 with the sweep recorded, and the sweep runs once Redis is back', async () => {
    const task = await fx.task(township.org.id, {
      deadline: addDays('2025-10-01', 7),
      assigneeId: township.users.staff.id,
    });
    await stop(redis);

    const started = Date.now();
    const answered = await Promise.race([
      app.post('/api/v1/admin/reminders/sweep?asOf=2025-10-01', undefined, {
        token: township.users.admin.token,
      }),
      new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 15_000)),
    ]);
    expect(answered).not.toBe('no answer');
    const response = answered as Exclude<typeof answered, 'no answer'>;
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ asOf: '2025-10-01', enqueued: 0, pending: 1 });
    expect(await fx.query(`SELECT organization_id, as_of::text, enqueued_at FROM reminder_sweeps`)).toEqual([
      { organization_id: township.org.id, as_of: '2025-10-01', enqueued_at: null },
    ]);

    redis = startRedis(Number(new URL(redisUrl).port));
    worker = await startWorker({ ...testRuntime('worker', { OUTBOX_POLL_MS: '200' }), redisUrl });
    const reminders = await waitFor(async () => {
      const rows = await fx.query(`SELECT kind FROM notifications WHERE task_id = $1`, [task]);
      return rows.length ? rows : undefined;
    });
    expect(reminders).toEqual([{ kind: 'due_in_7' }]);
    await waitFor(
      async () => (await fx.query(`SELECT 1 FROM reminder_sweeps WHERE enqueued_at IS NULL`)).length === 0,
    );
  });
});
