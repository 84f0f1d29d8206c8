import { WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';
import { JobRegistry } from './job-registry';
import { deferredUntil } from './retry-later';

/** Thin: looks up the handler registered for the job name and calls it. */
export abstract class DispatchingProcessor extends WorkerHost {
  constructor(private readonly registry: JobRegistry) {
    super();
  }

  async process(job: Job, token?: string): Promise<unknown> {
    try {
      return await this.registry.handlerFor(job.name)(job.data, {
        jobId: job.id,
        attemptsMade: job.attemptsMade,
      });
    } catch (error) {
      const runAt = deferredUntil(error, job.timestamp, Date.now());
      if (runAt === undefined) throw error;
      // moveToDelayed does not count an attempt; DelayedError tells the worker the job has already been moved.
      await job.moveToDelayed(runAt, token);
      throw new DelayedError();
    }
  }
}
