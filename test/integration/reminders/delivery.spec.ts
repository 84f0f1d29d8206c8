import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { INestApplicationContext } from '@nestjs/common';
import { Job } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import { addDays } from '../../../src/common/calendar';
import { DELIVERY_HEADER, signBody } from '../../../src/notifications/channels/webhook.channel';
import { deliveryJobs } from '../../../src/notifications/delivery-jobs';
import { DeliveryService } from '../../../src/notifications/delivery.service';
import { JobProducer } from '../../../src/queue/job-producer';
import { DeliveryChannel, QueueName } from '../../../src/queue/jobs';
import { ReminderSweepService } from '../../../src/reminders/reminder-sweep.service';
import { Runtime, RUNTIME } from '../../../src/runtime/runtime';
import { Fixtures } from '../../support/fixtures';
import { useIsolatedDatabase } from '../../support/isolated-database';
import { startWorker, testRuntime } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';

const AS_OF = '2025-07-01';
const WEBHOOK_CONCURRENCY = 2;

interface Mail {
  to: string;
  raw: string;
}

interface Post {
  body: string;
  signature: string;
  deliveryId: string;
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

/** A group robot; `answer` decides each post's status, or holds it (null) until `release` is called. */
function startRobot(
  posts: Post[],
  answer: (post: Post) => number | null,
): Promise<Server & { port: number; held: ServerResponse[] }> {
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const post = {
        body,
        signature: String(req.headers['x-rectify-signature']),
        deliveryId: String(req.headers[DELIVERY_HEADER]),
      };
      posts.push(post);
      const status = answer(post);
      if (status === null) return void held.push(res);
      res.statusCode = status;
      res.end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(Object.assign(server, { port: (server.address() as AddressInfo).port, held })),
    ),
  );
}

useIsolatedDatabase();

describe('deliveries over e-mail and the group-robot webhook', () => {
  let fx: Fixtures;
  const mails: Mail[] = [];
  const posts: Post[] = [];
  let answer: (post: Post) => number | null = () => 200;
  let smtp: SMTPServer & { port: number };
  let robot: Server & { port: number; held: ServerResponse[] };
  let workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    fx = await Fixtures.connect();
    smtp = await startSmtp(mails);
    robot = await startRobot(posts, (post) => answer(post));
    const env = {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SMTP_FROM: 'Rectify <rectify@example.gov.cn>',
      WEBHOOK_URL: `http://127.0.0.1:${robot.port}/robot`,
      WEBHOOK_SECRET: 'robot-secret',
      DELIVERY_ATTEMPTS: '3',
      DELIVERY_BACKOFF_MS: '50',
      DELIVERY_CONCURRENCY_WEBHOOK: String(WEBHOOK_CONCURRENCY),
      // Held posts must not time out and be retried while a test looks at them.
      WEBHOOK_TIMEOUT_MS: '30000',
    };
    // Two worker processes' worth of consumers on the same queues.
    workers = [await startWorker(testRuntime('worker', env)), await startWorker(testRuntime('worker', env))];
  });

  afterAll(async () => {
    for (const res of robot.held) res.end('{}');
    for (const worker of workers) await worker.close();
    await new Promise<void>((r) => smtp.close(() => r()));
    robot.closeAllConnections();
    await new Promise<void>((r) => robot.close(() => r()));
    await fx.close();
  });

  const deliveryJobWhen = (
    notificationId: string,
    channel: DeliveryChannel,
    ready: (job: Job, state: string) => boolean,
  ) =>
    waitFor(async () => {
      const queue = channel === 'email' ? QueueName.EmailDeliveries : QueueName.WebhookDeliveries;
      const job = await workers[0]
        .get(JobProducer)
        .queue(queue)
        .getJob(`deliver-${notificationId}-${channel}`);
      return job && ready(job, await job.getState()) ? job : undefined;
    });

  const deliveriesOf = (notificationIds: string[]) =>
    fx.query(
      `SELECT notification_id, channel, status, attempts, last_error FROM deliveries WHERE notification_id = ANY($1::uuid[]) ORDER BY channel`,
      [notificationIds],
    );

  const notificationsOf = async (taskIds: string[]): Promise<string[]> =>
    (
      await fx.query(`SELECT id FROM notifications WHERE task_id = ANY($1::uuid[]) ORDER BY id`, [taskIds])
    ).map((row) => row.id);

  /** An organization whose staff member has an address and tasks due the day after AS_OF. */
  async function dueTomorrow(titles: string[]) {
    const { org } = await fx.organization();
    const email = `${randomUUID().slice(0, 8)}@example.gov.cn`;
    const staff = await fx.user(org.id, 'staff', { email });
    const tasks: string[] = [];
    for (const title of titles)
      tasks.push(await fx.task(org.id, { deadline: addDays(AS_OF, 1), assigneeId: staff.id, title }));
    return { org, email, tasks };
  }

  it('mails and posts each reminder once, signed and with stable delivery ids, even when swept twice by two workers', async () => {
    const { org, email, tasks } = await dueTomorrow(['规范执法文书']);
    const [a, b] = workers.map((w) => w.get(ReminderSweepService));
    await Promise.all([a.sweepOrganization(AS_OF, org.id), b.sweepOrganization(AS_OF, org.id)]);
    const [id] = await notificationsOf(tasks);

    await waitFor(
      async () => (await deliveriesOf([id])).filter((d) => d.status === 'delivered').length === 2,
    );
    const mine = mails.filter((m) => m.to === email);
    expect(mine).toHaveLength(1);
    expect(mine[0].raw).toContain('Subject: =?UTF-8?');
    expect(mine[0].raw).toContain(`Message-ID: <${id}-email@example.gov.cn>`);
    const posted = posts.filter((h) => h.body.includes('「规范执法文书」'));
    expect(posted).toHaveLength(1);
    expect(JSON.parse(posted[0].body)).toEqual({
      msgtype: 'text',
      text: { content: expect.stringContaining('明天到期') },
      deliveryId: `${id}-webhook`,
    });
    expect(posted[0].deliveryId).toBe(`${id}-webhook`);
    expect(posted[0].signature).toBe(signBody(posted[0].body, 'robot-secret'));

    // Sweeping again stores nothing, and a delivery recorded as delivered is not sent again.
    expect(await a.sweepOrganization(AS_OF, org.id)).toEqual({ stored: 0 });
    expect(await workers[0].get(DeliveryService).deliver(id, 'email')).toBe('already_delivered');
    expect(mails.filter((m) => m.to === email)).toHaveLength(1);
  });

  it('claims a delivery (sending, attempt counted) before calling the channel, outside any transaction', async () => {
    const { org, tasks } = await dueTomorrow(['机器人迟迟不答']);
    answer = (post) => (post.body.includes('机器人迟迟不答') ? null : 200);
    try {
      await workers[0].get(ReminderSweepService).sweepOrganization(AS_OF, org.id);
      const [id] = await notificationsOf(tasks);
      await waitFor(async () => posts.some((post) => post.deliveryId === `${id}-webhook`));
      // The robot has not answered: what another connection sees is the claim, committed.
      expect((await deliveriesOf([id])).find((d) => d.channel === 'webhook')).toMatchObject({
        status: 'sending',
        attempts: 1,
      });
    } finally {
      answer = () => 200;
      for (const res of robot.held.splice(0)) res.end('{}');
    }
    const [id] = await notificationsOf(tasks);
    await waitFor(async () => (await deliveriesOf([id])).every((d) => d.status === 'delivered'));
  });

  it('gives each channel its own queue and concurrency: a stuck robot holds neither e-mail nor more than its share', async () => {
    const titles = Array.from({ length: 6 }, (_, i) => `卡住的机器人${i}`);
    const { org, email, tasks } = await dueTomorrow(titles);
    answer = (post) => (post.body.includes('卡住的机器人') ? null : 200);
    try {
      await workers[0].get(ReminderSweepService).sweepOrganization(AS_OF, org.id);
      await waitFor(async () => mails.filter((m) => m.to === email).length === titles.length);
      const stuck = () => posts.filter((post) => post.body.includes('卡住的机器人')).length;
      await waitFor(async () => stuck() === WEBHOOK_CONCURRENCY * workers.length);
      // A worker moves a job to active when it takes it, before the claim and the post: the counts show a worker
      // over its share at once, where a fixed wait for its post to reach the robot ran out first under load.
      const webhook = workers[0].get(JobProducer).queue(QueueName.WebhookDeliveries);
      expect(await webhook.getJobCounts('active', 'wait')).toEqual({
        active: WEBHOOK_CONCURRENCY * workers.length,
        wait: titles.length - WEBHOOK_CONCURRENCY * workers.length,
      });
      expect(stuck()).toBe(WEBHOOK_CONCURRENCY * workers.length);
    } finally {
      answer = () => 200;
      for (const res of robot.held.splice(0)) res.end('{}');
    }
    const ids = await notificationsOf(tasks);
    await waitFor(
      async () => (await deliveriesOf(ids)).filter((d) => d.status === 'delivered').length === 12,
    );
  });

  it('lets a job whose notification does not exist fail after its attempts, inspectable', async () => {
    const id = randomUUID();
    const [job] = deliveryJobs(workers[0].get<Runtime>(RUNTIME).config, [{ id, hasEmail: true }]);
    await workers[0].get(JobProducer).enqueueBulk([job]);
    const failed = await deliveryJobWhen(id, 'email', (_, state) => state === 'failed');
    expect(failed.attemptsMade).toBe(3);
    expect(failed.failedReason).toMatch(/不存在/);
    expect(await deliveriesOf([id])).toEqual([]);
  });

  it('retries a failing webhook with backoff, records the failure, keeps the job inspectable and still mails', async () => {
    answer = (post) => (post.body.includes('失败的机器人') ? 500 : 200);
    try {
      const { org, tasks } = await dueTomorrow(['失败的机器人']);
      await workers[0].get(ReminderSweepService).sweepOrganization(AS_OF, org.id);
      const [id] = await notificationsOf(tasks);
      const failedJob = await deliveryJobWhen(id, 'webhook', (_, state) => state === 'failed');
      expect(failedJob.attemptsMade).toBe(3);
      // The e-mail goes out on its own job, independent of the webhook's retries: wait for it too.
      const deliveries = await waitFor(async () => {
        const recorded = await deliveriesOf([id]);
        return recorded.some((d) => d.channel === 'email' && d.status === 'delivered') ? recorded : undefined;
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
      const tries = posts.filter((h) => h.body.includes('失败的机器人'));
      expect(tries).toHaveLength(3);
      expect(new Set(tries.map((post) => post.deliveryId))).toEqual(new Set([`${id}-webhook`]));
    } finally {
      answer = () => 200;
    }
  });
});
