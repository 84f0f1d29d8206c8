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

@Processor(QueueName.Events, { concurrency: 10 })
export class EventsQueueProcessor extends DispatchingProcessor {
  constructor(registry: JobRegistry) {
    super(registry);
  }
}

@Processor(QueueName.Reminders, { concurrency: 1 })
export class RemindersQueueProcessor extends DispatchingProcessor {
  constructor(registry: JobRegistry) {
    super(registry);
  }
}

@Processor(QueueName.Notifications, { concurrency: 10 })
export class NotificationsQueueProcessor extends DispatchingProcessor {
  constructor(registry: JobRegistry) {
    super(registry);
  }
}

/** One rebuild at a time: rebuilds are short, and serial ones cannot overwrite a newer draft with an older one. */
@Processor(QueueName.Rollup, { concurrency: 1 })
export class RollupQueueProcessor extends DispatchingProcessor {
  constructor(registry: JobRegistry) {
    super(registry);
  }
}

export const QUEUE_PROCESSORS = [SystemQueueProcessor, EventsQueueProcessor, RemindersQueueProcessor, NotificationsQueueProcessor, RollupQueueProcessor];
