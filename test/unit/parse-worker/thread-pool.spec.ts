import { join } from 'node:path';
import { ThreadFailure, ThreadPool, ThreadPoolOptions } from '../../../src/parse-worker/thread-pool';

const SCRIPT = join(__dirname, '../../support/test-thread.ts');
type Reply = { value: unknown; threadId: number };

describe('ThreadPool', () => {
  let pool: ThreadPool;
  const start = (options: Partial<ThreadPoolOptions> = {}) =>
    (pool = new ThreadPool({
      script: SCRIPT,
      size: 2,
      maxHeapMb: 64,
      timeoutMs: 20_000,
      maxWaiting: 4,
      ...options,
    }));

  afterEach(() => pool?.close());

  test('runs jobs in at most `size` threads, reusing them, and answers each job with its reply', async () => {
    start();
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) => pool.run<Reply>({ kind: 'echo', value: i })),
    );
    expect(replies.map((reply) => reply.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(replies.map((reply) => reply.threadId)).size).toBeLessThanOrEqual(2);
  }, 60_000);

  test('a job over its time ends its thread with a timeout; the next job gets a fresh thread', async () => {
    start({ size: 1, timeoutMs: 1500 });
    const first = await pool.run<Reply>({ kind: 'echo', value: 'warm' });
    await expect(pool.run({ kind: 'spin' })).rejects.toEqual(new ThreadFailure('timeout'));
    const after = await pool.run<Reply>({ kind: 'echo', value: 'again' });
    expect(after.value).toBe('again');
    expect(after.threadId).not.toBe(first.threadId);
  }, 60_000);

  test('a job that runs out of heap ends its thread, not the process', async () => {
    start({ size: 1, maxHeapMb: 64 });
    await expect(pool.run({ kind: 'hoard' })).rejects.toEqual(new ThreadFailure('memory'));
    expect((await pool.run<Reply>({ kind: 'echo', value: 1 })).value).toBe(1);
  }, 60_000);

  test('a thread that exits fails its job and is replaced', async () => {
    start({ size: 1 });
    await expect(pool.run({ kind: 'exit' })).rejects.toEqual(new ThreadFailure('crashed'));
    expect((await pool.run<Reply>({ kind: 'echo', value: 2 })).value).toBe(2);
  }, 60_000);

  test('beyond the waiting room jobs are refused at once; closing rejects those waiting', async () => {
    start({ size: 1, maxWaiting: 1, timeoutMs: 60_000 });
    const running = pool.run({ kind: 'spin' });
    const waiting = pool.run({ kind: 'echo', value: 'waits' });
    await expect(pool.run({ kind: 'echo', value: 'refused' })).rejects.toEqual(new ThreadFailure('busy'));
    const outcomes = Promise.allSettled([running, waiting]);
    await pool.close();
    expect(await outcomes).toEqual([
      { status: 'rejected', reason: new ThreadFailure('closed') },
      { status: 'rejected', reason: new ThreadFailure('closed') },
    ]);
  }, 60_000);
});
