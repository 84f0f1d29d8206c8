import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { INestApplicationContext } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import { DeliveryService } from '../../../src/notifications/delivery.service';
import { createRedisConnection } from '../../../src/runtime/redis-connection';
import { Fixtures } from '../../support/fixtures';
import { useIsolatedDatabase } from '../../support/isolated-database';
import { startWorker, testRuntime } from '../../support/test-app';
import { testQueuePrefix } from '../../support/test-env';
import { waitFor } from '../../support/wait-for';

/**
 * A worker that dies mid-job stops renewing its lock; another worker's stalled-job check puts the job back and
 * runs it again. Here the first worker is force-closed while its job hangs, standing in for a killed process.
 */
useIsolatedDatabase();

describe('stalled delivery job', () => {
  let fx: Fixtures;
  let context: INestApplicationContext;
  let robot: Server & { port: number };
  const posts: string[] = [];

  beforeAll(async () => {
    fx = await Fixtures.connect();
    robot = await new Promise((resolve) => {
      const server = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          posts.push(body);
          res.end('{}');
        });
      });
      server.listen(0, '127.0.0.1', () =>
        resolve(Object.assign(server, { port: (server.address() as AddressInfo).port })),
      );
    });
    context = await startWorker(
      testRuntime('worker', { WEBHOOK_URL: `http://127.0.0.1:${robot.port}/robot` }),
    );
  });

  afterAll(async () => {
    await context.close();
    await new Promise<void>((r) => robot.close(() => r()));
    await fx.close();
  });

  it('is picked up again after the worker dies and delivers exactly once', async () => {
    const { org } = await fx.organization();
    const staff = await fx.user(org.id, 'staff');
    const task = await fx.task(org.id, { deadline: '2025-09-04', assigneeId: staff.id });
    // Stored directly so no job lands on the real delivery queues; only the test's own queue carries it.
    const rows = await fx.query(
      `INSERT INTO notifications (organization_id, user_id, task_id, kind, title, body, dedupe_key)
       VALUES ($1, $2, $3, 'due_in_3', '整改任务3天后到期', '停滞任务', $4) RETURNING id`,
      [org.id, staff.id, task, `test:${task}`],
    );

    const name = `stall-${Date.now()}`;
    const connection = () => createRedisConnection(testRuntime().redisUrl, 'queue');
    const queue = new Queue(name, { connection: connection(), prefix: testQueuePrefix() });
    await queue.add(
      'deliveries.webhook',
      { notificationId: rows[0].id },
      { jobId: `deliver-${rows[0].id}-webhook`, attempts: 3 },
    );

    let started!: () => void;
    const dying = new Worker(
      name,
      () => {
        started();
        return new Promise(() => undefined);
      },
      { connection: connection(), prefix: testQueuePrefix(), lockDuration: 1000, stalledInterval: 500 },
    );
    await new Promise<void>((resolve) => (started = resolve));
    await dying.close(true);

    const deliveries = context.get(DeliveryService);
    const outcomes: string[] = [];
    const rescuer = new Worker(
      name,
      async (job: Job) => {
        outcomes.push(await deliveries.deliver(job.data.notificationId, 'webhook'));
      },
      { connection: connection(), prefix: testQueuePrefix(), lockDuration: 1000, stalledInterval: 500 },
    );
    try {
      await waitFor(async () => outcomes.length > 0);
      expect(outcomes).toEqual(['delivered']);
      expect(posts.filter((p) => p.includes('停滞任务'))).toHaveLength(1);
      const job = await queue.getJob(`deliver-${rows[0].id}-webhook`);
      expect(await job?.getState()).toBe('completed');
    } finally {
      await rescuer.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});
