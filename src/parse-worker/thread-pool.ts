import { Transferable, Worker } from 'node:worker_threads';

export interface ThreadPoolOptions {
  /** The worker's entry module: .js when built; from the sources (jest) a .ts, compiled on load as jest does. */
  script: string;
  /** Worker threads at most; they start on first use and stay until the pool closes. */
  size: number;
  /** V8 old-generation heap of each thread: a job that needs more ends its thread, not the process. */
  maxHeapMb: number;
  /** A job still running after this long ends its thread. */
  timeoutMs: number;
  /** Jobs that may wait for a free thread; more are refused at once. */
  maxWaiting: number;
}

export type ThreadFailureReason = 'timeout' | 'memory' | 'crashed' | 'busy' | 'closed';

/** A job the pool could not finish; the thread that ran it, if any, is gone. */
export class ThreadFailure extends Error {
  constructor(readonly reason: ThreadFailureReason) {
    super(`worker thread job failed: ${reason}`);
    this.name = 'ThreadFailure';
  }
}

interface Job {
  message: unknown;
  transfer: Transferable[];
  resolve: (reply: unknown) => void;
  reject: (error: Error) => void;
}

// From the sources the entry is TypeScript: compile each module with @swc/core on require, as jest's transform does.
const TYPESCRIPT_ENTRY = `
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
const { workerData } = require('node:worker_threads');
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2023' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(workerData.script);
`;

/**
 * A few worker threads that run one job each at a time, for CPU-heavy work the event loop must not wait on. Each job
 * is one message to a thread and one reply; a thread that runs out of time or memory, or dies, is terminated and
 * replaced on demand, and its job rejected with a ThreadFailure.
 */
export class ThreadPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private closed = false;

  constructor(private readonly options: ThreadPoolOptions) {}

  run<T>(message: unknown, transfer: Transferable[] = []): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = { message, transfer, resolve: resolve as (reply: unknown) => void, reject };
      if (this.closed) return reject(new ThreadFailure('closed'));
      const worker = this.idle.pop() ?? (this.threads() < this.options.size ? this.spawn() : null);
      if (worker) this.dispatch(worker, job);
      else if (this.waiting.length < this.options.maxWaiting) this.waiting.push(job);
      else reject(new ThreadFailure('busy'));
    });
  }

  /** Rejects waiting jobs and ends every thread, running or idle. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new ThreadFailure('closed'));
    const workers = [...this.idle.splice(0), ...this.running.keys()];
    for (const [worker, job] of this.running) {
      this.running.delete(worker);
      job.reject(new ThreadFailure('closed'));
    }
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private threads(): number {
    return this.idle.length + this.running.size;
  }

  private spawn(): Worker {
    const typescript = this.options.script.endsWith('.ts');
    const worker = new Worker(typescript ? TYPESCRIPT_ENTRY : this.options.script, {
      eval: typescript,
      workerData: { script: this.options.script },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
    });
    // A thread that ends while idle is no longer there to take a job.
    worker.once('exit', () => {
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
    });
    return worker;
  }

  private dispatch(worker: Worker, job: Job): void {
    this.running.set(worker, job);
    worker.ref();
    const settle = (failure: ThreadFailure | null, reply?: unknown) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (this.running.get(worker) !== job) return;
      this.running.delete(worker);
      if (failure) {
        void worker.terminate();
        job.reject(failure);
      } else {
        job.resolve(reply);
        this.idle.push(worker);
        worker.unref();
      }
      this.next();
    };
    const onMessage = (reply: unknown) => settle(null, reply);
    const onError = (error: Error & { code?: string }) =>
      settle(new ThreadFailure(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed'));
    const onExit = () => settle(new ThreadFailure('crashed'));
    const timer = setTimeout(() => settle(new ThreadFailure('timeout')), this.options.timeoutMs);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job.message, job.transfer);
  }

  private next(): void {
    const job = this.waiting.shift();
    if (!job) return;
    const worker = this.idle.pop() ?? this.spawn();
    this.dispatch(worker, job);
  }
}
