import { WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobRegistry } from './job-registry';

/** Thin: looks up the handler registered for the job name and calls it. */
export abstract class DispatchingProcessor extends WorkerHost {
  constructor(private readonly registry: JobRegistry) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.registry.handlerFor(job.name)(job.data);
  }
}
