import { Worker } from 'bullmq';

/**
 * The floor of the deliveries workload, one process of it: a bare BullMQ worker whose job is the receiver call
 * the app's webhook channel makes (POST of the same JSON shape, answer read and checked), at the app's webhook
 * concurrency (DELIVERY_CONCURRENCY_WEBHOOK). No database, no claim, no record of the outcome.
 */
const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const worker = new Worker(
  'bench-deliveries',
  async (job) => {
    const body = JSON.stringify({
      msgtype: 'text',
      text: { content: `【提醒】${job.id}` },
      deliveryId: job.id,
    });
    const response = await fetch(process.env.WEBHOOK_URL as string, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-rectify-delivery': String(job.id) },
      body,
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  },
  {
    connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null },
    prefix: process.env.QUEUE_PREFIX,
    concurrency: Number(process.env.DELIVERY_CONCURRENCY_WEBHOOK ?? 10),
  },
);
process.once('SIGTERM', () => void worker.close().then(() => process.exit(0)));
