import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { deliveryJobs } from '../../../src/notifications/delivery-jobs';
import { QueueName } from '../../../src/queue/jobs';
import { createRedisConnection } from '../../../src/runtime/redis-connection';
import { useIsolatedDatabase } from '../../support/isolated-database';
import { testRuntime } from '../../support/test-app';
import { TEST_REDIS_URL, testDatabaseUrl, testQueuePrefix } from '../../support/test-env';
import { ensureBuilt, WorkerProcess } from '../../support/worker-process';
import {
  connectDb,
  createOrganization,
  createTask,
  createUser,
  waitFor,
} from '../reminders/reminder-fixtures';

/** Short, so a dead worker's job is back in the queue within about two seconds. */
const LOCK_MS = 1000;
const STALLED_CHECK_MS = 500;

interface RobotPost {
  body: string;
  answered: boolean;
  aborted: boolean;
}

/** A group robot that holds the first post open (the job is then provably mid-flight) and answers later ones. */
function startRobot(posts: RobotPost[]): Promise<Server & { port: number }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const post: RobotPost = { body, answered: false, aborted: false };
      posts.push(post);
      res.on('close', () => (post.aborted = !post.answered));
      if (posts.length === 1) return;
      post.answered = true;
      res.end('{"errcode":0}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(Object.assign(server, { port: (server.address() as AddressInfo).port })),
    ),
  );
}

useIsolatedDatabase();

describe('a worker process killed with SIGKILL in the middle of a delivery', () => {
  let db: Client;
  let robot: Server & { port: number };
  let queue: Queue;
  let env: Record<string, string>;
  const workers: WorkerProcess[] = [];
  const posts: RobotPost[] = [];

  beforeAll(async () => {
    ensureBuilt();
    db = await connectDb();
    robot = await startRobot(posts);
    env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: testDatabaseUrl(),
      DB_MIGRATIONS_RUN: 'false',
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: testQueuePrefix(),
      WEBHOOK_URL: `http://127.0.0.1:${robot.port}/robot`,
      WEBHOOK_SECRET: 'robot-secret',
      WEBHOOK_TIMEOUT_MS: '20000',
      WORKER_LOCK_DURATION_MS: String(LOCK_MS),
      WORKER_STALLED_INTERVAL_MS: String(STALLED_CHECK_MS),
    };
    queue = new Queue(QueueName.Notifications, {
      connection: createRedisConnection(TEST_REDIS_URL, 'queue'),
      prefix: testQueuePrefix(),
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await queue?.close();
    robot?.closeAllConnections();
    await new Promise<void>((r) => (robot ? robot.close(() => r()) : r()));
    await db?.end();
  }, 20_000);

  it('retries the job on another worker and posts to the robot exactly once', async () => {
    const marker = `进程被杀测试-${randomUUID()}`;
    const org = await createOrganization(db, '进程被杀测试');
    const staff = await createUser(db, org, 'staff');
    // A far deadline, so the worker's own reminder sweep has nothing to add to the robot's inbox.
    const task = await createTask(db, { organizationId: org, deadline: '2099-12-31', assigneeId: staff });
    const { rows } = await db.query(
      `INSERT INTO notifications (organization_id, user_id, task_id, kind, title, body, dedupe_key)
       VALUES ($1, $2, $3, 'due_in_3', '整改任务3天后到期', $4, $5) RETURNING id`,
      [org, staff, task, marker, `sigkill:${task}`],
    );
    const notificationId: string = rows[0].id;

    const doomed = await WorkerProcess.start(env);
    workers.push(doomed);
    const [request] = deliveryJobs(testRuntime('worker', env).config, [
      { id: notificationId, has_email: false },
    ]);
    const job = await queue.add(request.name, request.payload, request.options);

    await waitFor(async () => posts.length > 0, 15_000).catch((error: Error) => {
      throw new Error(`${error.message}：第一个工作进程没有开始投递\n${doomed.output}`);
    });
    expect(await job.getState()).toBe('active');
    expect(await doomed.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    // The dead worker's transaction died with its connection: nothing about the delivery was committed.
    expect(
      (await db.query(`SELECT status FROM deliveries WHERE notification_id = $1`, [notificationId])).rows,
    ).toEqual([]);

    const rescuer = await WorkerProcess.start(env);
    workers.push(rescuer);
    await waitFor(async () => (await job.getState()) === 'completed', 15_000).catch((error: Error) => {
      throw new Error(`${error.message}：任务没有在第二个工作进程上完成\n${rescuer.output}`);
    });

    // Past several more stalled checks: a late duplicate of the job would post again in this window.
    await new Promise((r) => setTimeout(r, 2 * (LOCK_MS + STALLED_CHECK_MS)));
    const mine = posts.filter((post) => post.body.includes(marker));
    expect(mine.map(({ answered, aborted }) => ({ answered, aborted }))).toEqual([
      { answered: false, aborted: true },
      { answered: true, aborted: false },
    ]);
    const finished = (await queue.getJob(job.id!))!;
    expect({
      state: await finished.getState(),
      returnvalue: finished.returnvalue,
      stalledCounter: finished.stalledCounter,
      attemptsStarted: finished.attemptsStarted,
    }).toEqual({
      state: 'completed',
      returnvalue: 'delivered',
      stalledCounter: 1,
      attemptsStarted: 2,
    });
    const deliveries = await db.query(
      `SELECT channel, status, attempts FROM deliveries WHERE notification_id = $1`,
      [notificationId],
    );
    expect(deliveries.rows).toEqual([{ channel: 'webhook', status: 'delivered', attempts: 1 }]);
  }, 40_000);
});
