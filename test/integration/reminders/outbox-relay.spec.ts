import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxEventRow } from '../../../src/outbox/outbox-event.entity';
import { OutboxRelay } from '../../../src/outbox/outbox-relay';
import { OutboxRepository } from '../../../src/outbox/outbox.repository';
import { JobProducer } from '../../../src/queue/job-producer';
import { QueueName } from '../../../src/queue/jobs';
import { createRedisConnection } from '../../../src/runtime/redis-connection';
import { Fixtures } from '../../support/fixtures';
import { useIsolatedDatabase } from '../../support/isolated-database';
import { startWorker, testRuntime } from '../../support/test-app';
import { testQueuePrefix } from '../../support/test-env';
import { waitFor } from '../../support/wait-for';

async function writeEvent(
  fx: Fixtures,
  organizationId: string,
  type: string,
  taskId: string,
): Promise<string> {
  const [row] = await fx.query(
    `INSERT INTO outbox_events (organization_id, type, aggregate_id, payload) VALUES ($1, $2, $3, $4) RETURNING id::text`,
    [organizationId, type, taskId, { taskId, actorId: taskId }],
  );
  return row.id;
}

const unpublished = async (fx: Fixtures, ids: string[]): Promise<number> =>
  (
    await fx.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE id = ANY($1::bigint[]) AND published_at IS NULL`,
      [ids],
    )
  )[0].n;

// No worker runs in this block, so nothing but the relays under test touches the outbox (the suite runs in band).
useIsolatedDatabase();

describe('outbox relay', () => {
  let fx: Fixtures;
  let dataSource: DataSource;
  let outbox: OutboxRepository;
  let live: Queue;

  beforeAll(async () => {
    fx = await Fixtures.connect();
    dataSource = await new DataSource({
      type: 'postgres',
      url: testRuntime().databaseUrl,
      entities: [OutboxEventRow],
    }).initialize();
    outbox = new OutboxRepository(dataSource);
    live = new Queue(QueueName.Events, {
      connection: createRedisConnection(testRuntime().redisUrl, 'queue'),
      prefix: testQueuePrefix(),
    });
  });

  afterAll(async () => {
    await live.close();
    await dataSource.destroy();
    await fx.close();
  });

  it('keeps events unpublished while Redis is unreachable, then publishes each exactly once', async () => {
    const { org } = await fx.organization();
    const task = await fx.task(org.id, { deadline: null });
    const ids = [
      await writeEvent(fx, org.id, 'task.created', task),
      await writeEvent(fx, org.id, 'task.created', task),
    ];
    const dead = new Queue(QueueName.Events, {
      connection: createRedisConnection('redis://127.0.0.1:1', 'queue'),
      prefix: testQueuePrefix(),
    });
    dead.on('error', () => undefined);
    try {
      await expect(new OutboxRelay(outbox, dead, 300).publishBatch()).rejects.toThrow(/Redis/);
    } finally {
      void dead.close().catch(() => undefined);
    }
    expect(await unpublished(fx, ids)).toBe(2);

    expect(await new OutboxRelay(outbox, live).drain()).toBeGreaterThanOrEqual(2);
    expect(await unpublished(fx, ids)).toBe(0);
    const jobs = await Promise.all(ids.map((id) => live.getJob(`event-${id}`)));
    expect(jobs.map((job) => job?.data)).toEqual(
      ids.map((eventId) =>
        expect.objectContaining({ eventId, type: 'task.created', taskId: task, organizationId: org.id }),
      ),
    );

    // Published twice (a crash after the add, before the commit) still means one job per event.
    await fx.query(`UPDATE outbox_events SET published_at = NULL WHERE id = ANY($1::bigint[])`, [ids]);
    const before = await live.getJobCountByTypes('waiting', 'completed', 'failed', 'active', 'delayed');
    await new OutboxRelay(outbox, live).drain();
    expect(await live.getJobCountByTypes('waiting', 'completed', 'failed', 'active', 'delayed')).toBe(before);
  });
});

describe('event notifications', () => {
  let fx: Fixtures;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    fx = await Fixtures.connect();
    worker = await startWorker(testRuntime('worker', { OUTBOX_POLL_MS: '100' }));
  });

  afterAll(async () => {
    await worker.close();
    await fx.close();
  });

  it('fans an event out to the listeners its consumers registered and notifies the new assignee once', async () => {
    const { org } = await fx.organization();
    const staff = await fx.user(org.id, 'staff');
    const task = await fx.task(org.id, {
      deadline: '2025-12-31',
      assigneeId: staff.id,
      title: '完善行政复议制度',
    });
    const eventId = await writeEvent(fx, org.id, 'task.assigned', task);

    const notification = await waitFor(
      async () =>
        (
          await fx.query(`SELECT user_id, title, body, dedupe_key FROM notifications WHERE task_id = $1`, [
            task,
          ])
        )[0],
    );
    expect(notification).toEqual({
      user_id: staff.id,
      title: '您有新的整改任务',
      body: '任务「完善行政复议制度」已分派给您，截止日期：2025-12-31。',
      dedupe_key: `event:${eventId}:${staff.id}`,
    });
    const events = worker.get(JobProducer).queue(QueueName.Events);
    const job = await waitFor(async () => {
      const found = await events.getJob(`event-${eventId}`);
      return found && (await found.getState()) === 'completed' ? found : undefined;
    });
    // task.assigned is consumed by the rollup and by notifications (TASK_EVENT_CONSUMERS).
    expect(job.returnvalue).toEqual({ listeners: 2 });
    const [{ n }] = await fx.query(`SELECT count(*)::int AS n FROM notifications WHERE task_id = $1`, [task]);
    expect(n).toBe(1);
  });
});
