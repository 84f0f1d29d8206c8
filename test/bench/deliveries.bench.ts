import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { todayIn } from '../../src/common/calendar';
import { ReminderSweepService } from '../../src/reminders/reminder-sweep.service';
import { BenchResult } from './bench-result';
import { BENCH_REDIS_URL, deleteRedisKeys, withBenchApp } from './bench-env';
import { seedOrganization, seedTasks } from './seed';
import { spawnProcesses, spawnWorkers, stopProcess } from './worker-processes';

const NOTICES = 2_000;
const WORKER_PROCESSES = 2;
const RECEIVER_DELAY_MS = 5;
const TIMEOUT_MS = 180_000;

/**
 * Webhook deliveries end to end: a sweep stores 5,000 due-today notices and queues their webhook jobs, then two
 * worker processes (`npm run start:worker`) deliver them to a local receiver that answers after 5 ms. Against
 * the floor: the same number of jobs in a bare BullMQ queue, two processes of delivery-floor-worker.ts making the
 * same receiver call at the same concurrency. Both are timed at the receiver, from the first delivery to the
 * last, so process start-up is left out of both.
 */
export async function benchDeliveries(): Promise<BenchResult[]> {
  const receiver = await startReceiver();
  try {
    return await withBenchApp(
      'deliveries',
      async (env) => {
        const org = await seedOrganization(env.pool);
        const today = todayIn(env.runtime.config.TIME_ZONE);
        await seedTasks(env.pool, org, NOTICES, { status: () => 'in_progress', deadline: () => today });
        const { stored } = await env.app
          .get(ReminderSweepService)
          .sweepOrganization(today, org.organizationId);
        if (stored !== NOTICES) throw new Error(`通知数量不符：预期 ${NOTICES}，实际 ${stored}`);
        const concurrency = String(env.runtime.config.DELIVERY_CONCURRENCY_WEBHOOK);
        const app = await receiver.time(NOTICES, () => spawnWorkers(WORKER_PROCESSES, env.processEnv));
        const { rows } = await env.pool.query(
          `SELECT count(*)::int AS n FROM deliveries WHERE channel = 'webhook' AND status = 'delivered'`,
        );
        if (rows[0].n < NOTICES * 0.99) throw new Error(`记录为已送达的投递只有 ${rows[0].n} 条`);
        const floorPrefix = `rectify-bench-floor-${process.pid}-${randomBytes(3).toString('hex')}`;
        const url = new URL(BENCH_REDIS_URL);
        const queue = new Queue('bench-deliveries', {
          connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null },
          prefix: floorPrefix,
        });
        try {
          await queue.addBulk(
            Array.from({ length: NOTICES }, (_, i) => ({
              name: 'deliver',
              data: { i },
              opts: { jobId: `floor-${i}`, removeOnComplete: true },
            })),
          );
          const floor = await receiver.time(NOTICES, () =>
            spawnProcesses(WORKER_PROCESSES, ['test/bench/delivery-floor-worker.js'], {
              ...env.processEnv,
              QUEUE_PREFIX: floorPrefix,
              DELIVERY_CONCURRENCY_WEBHOOK: concurrency,
            }),
          );
          return [{ name: 'deliveries', value: app, unit: 'deliveries/s', floor }];
        } finally {
          await queue.close();
          await deleteRedisKeys(`${floorPrefix}*`);
        }
      },
      { WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: randomBytes(24).toString('hex') },
    );
  } finally {
    await receiver.close();
  }
}

interface Receiver {
  url: string;
  /** Starts the processes, waits for `count` distinct deliveries, stops them: deliveries per second. */
  time(count: number, start: () => ChildProcess[]): Promise<number>;
  close(): Promise<void>;
}

/** A webhook receiver answering 200 after 5 ms, counting distinct delivery ids (repeats are dropped, as promised). */
async function startReceiver(): Promise<Receiver> {
  let seen = new Set<string>();
  let first = 0;
  let last = 0;
  let onDelivery = () => undefined as void;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () =>
      setTimeout(() => {
        const id = String(request.headers['x-rectify-delivery']);
        if (!seen.has(id)) {
          seen.add(id);
          last = performance.now();
          if (seen.size === 1) first = last;
          onDelivery();
        }
        response.end('{"errcode":0}');
      }, RECEIVER_DELAY_MS),
    );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    async time(count, start) {
      seen = new Set();
      const done = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${TIMEOUT_MS / 1000} 秒内只收到 ${seen.size} / ${count} 条投递`)),
          TIMEOUT_MS,
        );
        onDelivery = () => {
          if (seen.size < count) return;
          clearTimeout(timer);
          resolve();
        };
      });
      const processes = start();
      try {
        await done;
      } finally {
        await Promise.all(processes.map(stopProcess));
      }
      return (count - 1) / ((last - first) / 1000);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
