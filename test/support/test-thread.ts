import { parentPort, threadId } from 'node:worker_threads';

/** A parse thread stand-in for thread-pool.spec: echoes, or misbehaves as asked. */
parentPort!.on('message', (job: { kind: 'echo' | 'spin' | 'hoard' | 'exit'; value?: unknown }) => {
  if (job.kind === 'spin') for (;;);
  if (job.kind === 'hoard') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  }
  if (job.kind === 'exit') process.exit(3);
  parentPort!.postMessage({ value: job.value, threadId });
});
