import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { INestApplicationContext } from '@nestjs/common';
import { Job, JobsOptions } from 'bullmq';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { signBody } from '../../../src/notifications/channels/webhook.channel';
import { deliveryJobs } from '../../../src/notifications/delivery-jobs';
import { DeliveryService } from '../../../src/notifications/delivery.service';
import { JobProducer } from '../../../src/queue/job-producer';
import { QueueName } from '../../../src/queue/jobs';
import { ReminderSweepService } from '../../../src/reminders/reminder-sweep.service';
import { Runtime, RUNTIME } from '../../../src/runtime/runtime';
import { startWorker, testRuntime } from '../../support/test-app';
import { addDays, connectDb, createOrganization, createTask, createUser, waitFor } from './reminder-fixtures';
import { useIsolatedDatabase } from '../../support/isolated-database';

const AS_OF = '2025-07-01';

interface Mail {
  to: string;
  raw: string;
}

function startSmtp(mails: Mail[]): Promise<SMTPServer & { port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        callback();
      });
    },
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(Object.assign(server, { port: (server.server.address() as AddressInfo).port })),
    ),
  );
}

function startWebhook(
  handle: (body: string, req: IncomingMessage) => number,
): Promise<Server & { port: number }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      res.statusCode = handle(body, req);
      res.end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(Object.assign(server, { port: (server.address() as AddressInfo).port })),
    ),
  );
}

useIsolatedDatabase();

describe('deliveries over e-mail and the group-robot webhook', () => {
  let db: Client;
  const mails: Mail[] = [];
  const hooks: { body: string; signature: string }[] = [];
  let webhookStatus = 200;
  let smtp: SMTPServer & { port: number };
  let webhook: Server & { port: number };
  let workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    db = await connectDb();
    smtp = await startSmtp(mails);
    webhook = await startWebhook((body, req) => {
      hooks.push({ body, signature: String(req.headers['x-rectify-signature']) });
      return webhookStatus;
    });
    const env = {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      WEBHOOK_URL: `http://127.0.0.1:${webhook.port}/robot`,
      WEBHOOK_SECRET: 'robot-secret',
      DELIVERY_ATTEMPTS: '3',
      DELIVERY_BACKOFF_MS: '50',
    };
    // Two worker processes' worth of consumers on the same queues.
    workers = [await startWorker(testRuntime('worker', env)), await startWorker(testRuntime('worker', env))];
  }, 20000);

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await new Promise<void>((r) => smtp.close(() => r()));
    await new Promise<void>((r) => webhook.close(() => r()));
    await db.end();
  });

  /** Polls the delivery job of `notificationId` on `channel` until `ready` holds for it and its state. */
  const deliveryJobWhen = (
    notificationId: string,
    channel: 'email' | 'webhook',
    ready: (job: Job, state: string) => boolean,
  ) =>
    waitFor(async () => {
      const job = await workers[0]
        .get(JobProducer)
        .queue(QueueName.Notifications)
        .getJob(`deliver-${notificationId}-${channel}`);
      return job && ready(job, await job.getState()) ? job : undefined;
    });

  const enqueueEmailDelivery = async (notificationId: string, options: JobsOptions = {}) => {
    const [job] = deliveryJobs(workers[0].get<Runtime>(RUNTIME).config, [
      { id: notificationId, has_email: true },
    ]);
    await workers[0].get(JobProducer).enqueueBulk([{ ...job, options: { ...job.options, ...options } }]);
  };

  const deliveriesOf = async (notificationIds: string[]) =>
    (
      await db.query(
        `SELECT notification_id, channel, status, attempts, last_error FROM deliveries WHERE notification_id = ANY($1::uuid[]) ORDER BY channel`,
        [notificationIds],
      )
    ).rows;

  it('mails and posts each reminder exactly once, signed, even when swept twice by two workers', async () => {
    const org = await createOrganization(db, '投递测试');
    const staff = await createUser(db, org, 'staff', { email: 'zhang@example.gov.cn' });
    const task = await createTask(db, {
      organizationId: org,
      deadline: addDays(AS_OF, 1),
      assigneeId: staff,
      title: '规范执法文书',
    });
    const [a, b] = workers.map((w) => w.get(ReminderSweepService));
    await Promise.all([a.sweep(AS_OF), b.sweep(AS_OF)]);
    const { rows } = await db.query(`SELECT id FROM notifications WHERE task_id = $1`, [task]);
    expect(rows).toHaveLength(1);

    await waitFor(
      async () => (await deliveriesOf([rows[0].id])).filter((d) => d.status === 'delivered').length === 2,
    );
    const mine = mails.filter((m) => m.to === 'zhang@example.gov.cn');
    expect(mine).toHaveLength(1);
    expect(mine[0].raw).toContain('Subject: =?UTF-8?');
    const posted = hooks.filter((h) => h.body.includes('「规范执法文书」'));
    expect(posted).toHaveLength(1);
    expect(JSON.parse(posted[0].body)).toMatchObject({
      msgtype: 'text',
      text: { content: expect.stringContaining('明天到期') },
    });
    expect(posted[0].signature).toBe(signBody(posted[0].body, 'robot-secret'));

    // A retried copy of the job (e.g. after a stall) finds the delivery recorded and sends nothing.
    expect(await a.sweep(AS_OF)).toMatchObject({ enqueued: 0 });
    expect(
      await workers[0].get(DeliveryService).deliver({ notificationId: rows[0].id, channel: 'email' }),
    ).toBe('already_delivered');
    expect(mails.filter((m) => m.to === 'zhang@example.gov.cn')).toHaveLength(1);
  });

  it('retries, rather than drops, a delivery whose notification is not committed yet', async () => {
    const notYetCommitted = { notificationId: randomUUID(), channel: 'email' as const };
    await expect(workers[0].get(DeliveryService).deliver(notYetCommitted)).rejects.toThrow(/尚未提交/);
  });

  it('puts back, without spending attempts, a delivery job that runs before its notification commits', async () => {
    const org = await createOrganization(db, '未提交测试');
    const staff = await createUser(db, org, 'staff', { email: 'wang@example.gov.cn' });
    const id = randomUUID();
    await enqueueEmailDelivery(id);
    const waited = await deliveryJobWhen(
      id,
      'email',
      (job, state) => job.attemptsStarted >= 3 && state === 'delayed',
    );
    expect(waited.attemptsMade).toBe(0);

    await db.query(
      `INSERT INTO notifications (id, organization_id, user_id, kind, title, body, dedupe_key) VALUES ($1, $2, $3, 'test', '迟到的通知', '正文', $4)`,
      [id, org, staff, `test:${id}`],
    );
    const delivered = await waitFor(async () => {
      const recorded = await deliveriesOf([id]);
      return recorded.some((d: { status: string }) => d.status === 'delivered') ? recorded : undefined;
    });
    expect(delivered).toEqual([
      expect.objectContaining({ channel: 'email', status: 'delivered', attempts: 1 }),
    ]);
    expect(mails.filter((m) => m.to === 'wang@example.gov.cn')).toHaveLength(1);
  });

  it('lets a job whose notification never appeared fail after its attempts once the grace period is over', async () => {
    const id = randomUUID();
    await enqueueEmailDelivery(id, { timestamp: Date.now() - 61_000 });
    const failed = await deliveryJobWhen(id, 'email', (_, state) => state === 'failed');
    expect(failed.attemptsMade).toBe(3);
    expect(failed.failedReason).toMatch(/尚未提交/);
    expect(await deliveriesOf([id])).toEqual([]);
  });

  it('retries a failing webhook with backoff, records the failure, keeps the job inspectable and still mails', async () => {
    webhookStatus = 500;
    try {
      const org = await createOrganization(db, '失败测试');
      const staff = await createUser(db, org, 'staff', { email: 'li@example.gov.cn' });
      const task = await createTask(db, {
        organizationId: org,
        deadline: AS_OF,
        assigneeId: staff,
        title: '失败的机器人',
      });
      await workers[0].get(ReminderSweepService).sweep(AS_OF);
      const { rows } = await db.query(`SELECT id FROM notifications WHERE task_id = $1`, [task]);
      const id = rows[0].id as string;
      const failedJob = await deliveryJobWhen(id, 'webhook', (_, state) => state === 'failed');
      expect(failedJob.attemptsMade).toBe(3);
      // The e-mail goes out on its own job, independent of the webhook's retries: wait for it too.
      const deliveries = await waitFor(async () => {
        const recorded = await deliveriesOf([id]);
        return recorded.some(
          (d: { channel: string; status: string }) => d.channel === 'email' && d.status === 'delivered',
        )
          ? recorded
          : undefined;
      });
      expect(deliveries).toEqual([
        expect.objectContaining({ channel: 'email', status: 'delivered', attempts: 1 }),
        expect.objectContaining({
          channel: 'webhook',
          status: 'failed',
          attempts: 3,
          last_error: '机器人接口返回 HTTP 500',
        }),
      ]);
      expect(hooks.filter((h) => h.body.includes('失败的机器人'))).toHaveLength(3);
    } finally {
      webhookStatus = 200;
    }
  });
});
