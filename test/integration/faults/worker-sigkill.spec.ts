import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { DELIVERY_HEADER } from '../../../src/notifications/channels/webhook.channel';
import { deliveryJobs } from '../../../src/notifications/delivery-jobs';
import { QueueName } from '../../../src/queue/jobs';
import { createRedisConnection } from '../../../src/runtime/redis-connection';
import { Fixtures } from '../../support/fixtures';
import { useIsolatedDatabase } from '../../support/isolated-database';
import { testRuntime } from '../../support/test-app';
import { TEST_REDIS_URL, testDatabaseUrl, testQueuePrefix } from '../../support/test-env';
import { waitFor } from '../../support/wait-for';
import { ensureBuilt, WorkerProcess } from '../../support/worker-process';

/** Short, so a dead worker's job is back in the queue within about two seconds. */
const LOCK_MS = 1000;
const STALLED_CHECK_MS = 500;
const NOTIFICATIONS = 8;

interface RobotPost {
  deliveryId: string;
  worker: string;
  answered: boolean;
  /** False when the robot had already seen this delivery id and dropped the post, as a receiver should. */
  processed: boolean;
}

/**
 * A group robot that honours delivery ids (a repeated id is answered but not processed again) and holds the first
 * post it gets open, so the worker that sent it is provably mid-delivery. Each worker posts to its own path.
 */
function startRobot(posts: RobotPost[]): Promise<Server & { port: number }> {
  const seen = new Set<string>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const deliveryId = String(req.headers[DELIVERY_HEADER]);
      const post = { deliveryId, worker: req.url!, answered: false, processed: !seen.has(deliveryId) };
      seen.add(deliveryId);
      posts.push(post);
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
  let fx: Fixtures;
  let robot: Server & { port: number };
  let queue: Queue;
  const workers = new Map<string, WorkerProcess>();
  const posts: RobotPost[] = [];

  beforeAll(async () => {
    ensureBuilt();
    fx = await Fixtures.connect();
    robot = await startRobot(posts);
    queue = new Queue(QueueName.WebhookDeliveries, {
      connection: createRedisConnection(TEST_REDIS_URL, 'queue'),
      prefix: testQueuePrefix(),
    });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...workers.values()].map((worker) => worker.stop()));
    await queue?.close();
    robot?.closeAllConnections();
    await new Promise<void>((r) => (robot ? robot.close(() => r()) : r()));
    await fx?.close();
  });

  const env = (path: string) => ({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: testDatabaseUrl(),
    DB_MIGRATIONS_RUN: 'false',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: testQueuePrefix(),
    WEBHOOK_URL: `http://127.0.0.1:${robot.port}${path}`,
    WEBHOOK_SECRET: 'robot-secret',
    WEBHOOK_TIMEOUT_MS: '30000',
    WORKER_LOCK_DURATION_MS: String(LOCK_MS),
    WORKER_STALLED_INTERVAL_MS: String(STALLED_CHECK_MS),
  });

  it('leaves every notification delivered, none processed twice by a receiver that honours the delivery id', async () => {
    const { org } = await fx.organization();
    const staff = await fx.user(org.id, 'staff');
    // A far deadline, so the workers' own reminder sweeps have nothing to add to the robot's inbox.
    const task = await fx.task(org.id, { deadline: '2099-12-31', assigneeId: staff.id });
    const ids: string[] = [];
    for (let i = 0; i < NOTIFICATIONS; i++) {
      const [row] = await fx.query(
        `INSERT INTO notifications (organization_id, user_id, task_id, kind, title, body, dedupe_key)
         VALUES ($1, $2, $3, 'due_in_3', '整改任务3天后到期', '进程被杀测试', $4) RETURNING id`,
        [org.id, staff.id, task, `sigkill:${task}:${i}`],
      );
      ids.push(row.id);
    }
    // Both workers start together (the slow part of this spec); whichever sends first is the one killed.
    const started = await Promise.all(['/a', '/b'].map((path) => WorkerProcess.start(env(path))));
    started.forEach((worker, index) => workers.set(['/a', '/b'][index], worker));
    const config = testRuntime('worker', env('/a')).config;
    await queue.addBulk(
      deliveryJobs(
        config,
        ids.map((id) => ({ id, hasEmail: false })),
      ).map((job) => ({ name: job.name, data: job.payload, opts: job.options })),
    );

    const held = await waitFor(async () => posts[0], 60_000, '第一次投递');
    const doomed = workers.get(held.worker)!;
    expect(await doomed.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });

    const heldId = held.deliveryId.replace(/-webhook$/, '');
    const delivered = async () =>
      (await fx.query(`SELECT notification_id FROM deliveries WHERE status = 'delivered'`)).length;
    await waitFor(async () => (await delivered()) === NOTIFICATIONS, 60_000, '全部投递完成').catch(
      (error: Error) => {
        const survivor = [...workers.values()].find((worker) => worker !== doomed)!;
        throw new Error(`${error.message}\n${survivor.output}`);
      },
    );
    // Until no job is left to run: a job the killed worker held stays active until a stalled check hands it to the
    // survivor, and a late duplicate would come from such a job or one still running, not from a settled one.
    await waitFor(
      async () => {
        const unsettled = await queue.getJobCounts('active', 'wait', 'prioritized', 'delayed');
        return Object.values(unsettled).every((count) => count === 0);
      },
      60_000,
      '全部投递任务结束',
    );

    expect(
      posts
        .filter((post) => post.processed)
        .map((post) => post.deliveryId)
        .sort(),
    ).toEqual(ids.map((id) => `${id}-webhook`).sort());
    // Repeats are the killed worker's deliveries that the survivor sent again, with the same id: the one held open,
    // and any the robot had answered before the kill reached the worker but that it had not recorded yet.
    const survivor = held.worker === '/a' ? '/b' : '/a';
    const repeats = posts.filter((post) => !post.processed);
    expect(repeats.map((post) => post.deliveryId)).toContain(held.deliveryId);
    expect(repeats.every((post) => post.worker === survivor && post.answered)).toBe(true);
    const deliveries = await fx.query(`SELECT notification_id, status, attempts FROM deliveries`);
    expect(deliveries.map((row) => row.notification_id).sort()).toEqual([...ids].sort());
    expect(deliveries.every((row) => row.status === 'delivered')).toBe(true);
    // The killed worker's claim was committed before it called the robot, and the survivor claimed it again. Other
    // jobs the killed worker had just claimed, before it sent anything, were claimed again too: at most twice.
    expect(deliveries.find((row) => row.notification_id === heldId).attempts).toBe(2);
    expect(deliveries.every((row) => row.attempts <= 2)).toBe(true);
    const rescued = (await queue.getJob(`deliver-${heldId}-webhook`))!;
    expect({
      state: await rescued.getState(),
      returnvalue: rescued.returnvalue,
      stalledCounter: rescued.stalledCounter,
      attemptsStarted: rescued.attemptsStarted,
    }).toEqual({ state: 'completed', returnvalue: 'delivered', stalledCounter: 1, attemptsStarted: 2 });
  }, 240_000); // two worker processes boot in it: far slower on a loaded machine
});
