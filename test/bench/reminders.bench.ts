import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { todayIn } from '../../src/common/calendar';
import { ReminderSweepService } from '../../src/reminders/reminder-sweep.service';
import { BenchResult } from './bench-result';
import { BENCH_REDIS_URL, deleteRedisKeys, withBenchApp } from './bench-env';
import { isoDate, seedOrganization, seedTasks } from './seed';

const TASKS = 100_000;
const DUE = 20_000;

/**
 * The floor: what the queue alone does with the same number of jobs — one addBulk and a no-op worker
 * (concurrency 50) until every job has completed.
 */
async function bareQueueJobsPerSecond(jobs: number): Promise<number> {
  const prefix = `rectify-bench-bare-${process.pid}-${randomBytes(3).toString('hex')}`;
  const url = new URL(BENCH_REDIS_URL);
  const connection = { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
  const queue = new Queue('bench', { connection, prefix });
  let done = 0;
  let finish: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (finish = resolve));
  const worker = new Worker('bench', async () => undefined, {
    connection,
    prefix,
    concurrency: 50,
    autorun: false,
  });
  worker.on('completed', () => {
    if (++done === jobs) finish();
  });
  try {
    await worker.waitUntilReady();
    const started = performance.now();
    void worker.run();
    await queue.addBulk(
      Array.from({ length: jobs }, (_, i) => ({
        name: 'noop',
        data: { i },
        opts: { removeOnComplete: true },
      })),
    );
    await allDone;
    return jobs / ((performance.now() - started) / 1000);
  } finally {
    await worker.close();
    await queue.close();
    await deleteRedisKeys(`${prefix}*`);
  }
}

/**
 * The daily sweep of one organization with 100,000 open tasks, 20,000 of them due on the sweep date: in-app
 * notices stored per second (the organization's sweep job, run directly; it returns once they are stored and
 * their deliveries queued), against the bare queue's jobs per second for the same 20,000.
 */
export function benchReminders(): Promise<BenchResult[]> {
  return withBenchApp('reminders', async (env) => {
    const org = await seedOrganization(env.pool);
    const today = todayIn(env.runtime.config.TIME_ZONE);
    await seedTasks(env.pool, org, TASKS, {
      status: () => 'in_progress',
      deadline: (i) => (i < DUE ? today : isoDate(today, 30 + (i % 300))),
    });
    const started = performance.now();
    await env.app.get(ReminderSweepService).sweepOrganization(today, org.organizationId);
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await env.pool.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'due_today'`,
    );
    if (rows[0].n !== DUE) throw new Error(`提醒数量不符：预期 ${DUE}，实际 ${rows[0].n}`);
    const floor = await bareQueueJobsPerSecond(DUE);
    // Notices stored per second against jobs per second for the same count: the same kind of work, counted the
    // same way (all 100,000 open tasks are read to find the 20,000 due, and that reading is part of the time).
    return [{ name: 'reminders', value: DUE / seconds, unit: 'notices/s', floor }];
  });
}
