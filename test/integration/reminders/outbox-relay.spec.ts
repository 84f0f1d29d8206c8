import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '../../../src/outbox/outbox-relay';
import { EventListenerRegistry } from '../../../src/outbox/event-listeners';
import { QueueName } from '../../../src/queue/jobs';
import { createRedisConnection } from '../../../src/runtime/redis-connection';
import { startWorker, testRuntime } from '../../support/test-app';
import { testQueuePrefix } from '../../support/test-env';
import { connectDb, createOrganization, createTask, createUser, waitFor } from './reminder-fixtures';
import { useIsolatedDatabase } from '../../support/isolated-database';

async function writeEvent(db: Client, organizationId: string, type: string, taskId: string): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO outbox_events (organization_id, type, aggregate_id, payload) VALUES ($1, $2, $3, $4) RETURNING id::text`,
    [organizationId, type, taskId, { taskId, actorId: null }],
  );
  return rows[0].id;
}

const unpublished = async (db: Client, ids: string[]): Promise<number> =>
  (
    await db.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE id = ANY($1::bigint[]) AND published_at IS NULL`,
      [ids],
    )
  ).rows[0].n;

// No worker runs in this block, so nothing but the relays under test touches the outbox (the suite runs in band).
useIsolatedDatabase();

describe('outbox relay', () => {
  let db: Client;
  let dataSource: DataSource;
  let live: Queue;

  beforeAll(async () => {
    db = await connectDb();
    dataSource = await new DataSource({ type: 'postgres', url: testRuntime().databaseUrl }).initialize();
    live = new Queue(QueueName.Events, {
      connection: createRedisConnection(testRuntime().redisUrl, 'queue'),
      prefix: testQueuePrefix(),
    });
  });

  afterAll(async () => {
    await live.close();
    await dataSource.destroy();
    await db.end();
  });

  it('keeps events unpublished while Redis is unreachable, then publishes each exactly once', async () => {
    const org = await createOrganization(db, '中继测试');
    const task = await createTask(db, { organizationId: org, deadline: null });
    const ids = [
      await writeEvent(db, org, 'test.relay', task),
      await writeEvent(db, org, 'test.relay', task),
    ];
    const dead = new Queue(QueueName.Events, {
      connection: createRedisConnection('redis://127.0.0.1:1', 'queue'),
      prefix: testQueuePrefix(),
    });
    dead.on('error', () => undefined);
    try {
      await expect(new OutboxRelay(dataSource, dead, 300).publishBatch()).rejects.toThrow(/Redis/);
    } finally {
      void dead.close().catch(() => undefined);
    }
    expect(await unpublished(db, ids)).toBe(2);

    expect(await new OutboxRelay(dataSource, live).drain()).toBeGreaterThanOrEqual(2);
    expect(await unpublished(db, ids)).toBe(0);
    const jobs = await Promise.all(ids.map((id) => live.getJob(`event-${id}`)));
    expect(jobs.map((job) => job?.data)).toEqual(
      ids.map((eventId) =>
        expect.objectContaining({ eventId, type: 'test.relay', taskId: task, organizationId: org }),
      ),
    );

    // Published twice (a crash after the add, before the commit) still means one job per event.
    await db.query(`UPDATE outbox_events SET published_at = NULL WHERE id = ANY($1::bigint[])`, [ids]);
    const before = await live.getJobCountByTypes('waiting', 'completed', 'failed', 'active', 'delayed');
    await new OutboxRelay(dataSource, live).drain();
    expect(await live.getJobCountByTypes('waiting', 'completed', 'failed', 'active', 'delayed')).toBe(before);
  });
});

describe('event notifications', () => {
  let db: Client;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    db = await connectDb();
    worker = await startWorker(testRuntime('worker', { OUTBOX_POLL_MS: '100' }));
  }, 20000);

  afterAll(async () => {
    await worker.close();
    await db.end();
  });

  it('fans an event out to registered listeners and notifies the new assignee once', async () => {
    const seen: string[] = [];
    worker.get(EventListenerRegistry).on('task.assigned', async (event) => void seen.push(event.eventId));
    const org = await createOrganization(db, '事件测试');
    const staff = await createUser(db, org, 'staff');
    const task = await createTask(db, {
      organizationId: org,
      deadline: '2025-12-31',
      assigneeId: staff,
      title: '完善行政复议制度',
    });
    const eventId = await writeEvent(db, org, 'task.assigned', task);

    const notification = await waitFor(
      async () =>
        (
          await db.query(`SELECT user_id, title, body, dedupe_key FROM notifications WHERE task_id = $1`, [
            task,
          ])
        ).rows[0],
    );
    expect(notification).toEqual({
      user_id: staff,
      title: '您有新的整改任务',
      body: '任务「完善行政复议制度」已分派给您，截止日期：2025-12-31。',
      dedupe_key: `event:${eventId}:${staff}`,
    });
    await waitFor(async () => seen.includes(eventId));
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE task_id = $1`, [
      task,
    ]);
    expect(rows[0].n).toBe(1);
  });
});
