import { Processor } from '@nestjs/bullmq';
import { DispatchingProcessor } from './dispatching-processor';
import { JobRegistry } from './job-registry';
import { QueueName } from './jobs';

@Processor(QueueName.System, { concurrency: 5 })
export class SystemQueueProcessor extends DispatchingProcessor {
  constructor(registry: JobRegistry) {
    super(registry);
  }
}

export const QUEUE_PROCESSORS = [SystemQueueProcessor];
