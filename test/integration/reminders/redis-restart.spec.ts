import { ChildProcess, spawn } from 'node:child_process';
import { Client } from 'pg';
import { JobProducer } from '../../../src/queue/job-producer';
import { QueueName } from '../../../src/queue/jobs';
import { ReminderSweepService } from '../../../src/reminders/reminder-sweep.service';
import { TestApp, testRuntime } from '../../support/test-app';
import { addDays, connectDb, createOrganization, createTask, createUser } from './reminder-fixtures';
import { useIsolatedDatabase } from '../../support/isolated-database';
import { freePort } from '../../../src/runtime/free-port';

/** A private Redis, so restarting it disturbs nobody else's tests. */
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

describe('Redis restarted during a sweep', () => {
  let db: Client;
  let redis: ChildProcess;
  let app: TestApp;
  let port: number;

  beforeAll(async () => {
    db = await connectDb();
    port = await freePort();
    redis = startRedis(port);
    const runtime = testRuntime('api', { WEBHOOK_URL: 'http://127.0.0.1:9/robot' });
    app = await TestApp.start({ ...runtime, redisUrl: `redis://127.0.0.1:${port}` });
    await app.app.get(JobProducer).queue(QueueName.Notifications).getJobCounts();
  }, 20000);

  afterAll(async () => {
    await app.close();
    await stop(redis);
    await db.end();
  });

  it('waits for Redis to come back and then has every reminder stored and queued', async () => {
    const org = await createOrganization(db, '重启测试');
    const staff = await createUser(db, org, 'staff');
    // One client runs one query at a time: created in turn, not concurrently.
    const tasks: string[] = [];
    for (let i = 0; i < 5; i++)
      tasks.push(
        await createTask(db, { organizationId: org, deadline: addDays('2025-10-01', 7), assigneeId: staff }),
      );
    await stop(redis);

    let finished = false;
    const sweep = app.app
      .get(ReminderSweepService)
      .sweep('2025-10-01')
      .finally(() => (finished = true));
    await new Promise((r) => setTimeout(r, 800));
    expect(finished).toBe(false);
    const stored = async () =>
      (await db.query(`SELECT id FROM notifications WHERE task_id = ANY($1::uuid[])`, [tasks])).rows.map(
        (r) => r.id as string,
      );
    expect(await stored()).toEqual([]);

    redis = startRedis(port);
    expect(await sweep).toMatchObject({ enqueued: 5 });
    const ids = await stored();
    expect(ids).toHaveLength(5);
    const queue = app.app.get(JobProducer).queue(QueueName.Notifications);
    const jobs = await Promise.all(ids.map((id) => queue.getJob(`deliver-${id}-webhook`)));
    expect(jobs.every((job) => job !== undefined)).toBe(true);
  }, 30000);
});
