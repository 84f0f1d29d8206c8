import { Processor } from '@nestjs/bullmq';
import { Type } from '@nestjs/common';
import { DispatchingProcessor } from './dispatching-processor';
import { JobRegistry } from './job-registry';
import { QueueName } from './jobs';

/** A consumer for one queue; every queue's consumer only dispatches to the handlers features registered. */
function queueProcessor(queue: QueueName, concurrency: number): Type<DispatchingProcessor> {
  @Processor(queue, { concurrency })
  class QueueProcessor extends DispatchingProcessor {
    constructor(registry: JobRegistry) {
      super(registry);
    }
  }
  // Nest keys providers by class; distinct names keep them apart in logs and errors.
  Object.defineProperty(QueueProcessor, 'name', { value: `QueueProcessor(${queue})` });
  return QueueProcessor;
}

export const SystemQueueProcessor = queueProcessor(QueueName.System, 5);
export const EventsQueueProcessor = queueProcessor(QueueName.Events, 10);
export const RemindersQueueProcessor = queueProcessor(QueueName.Reminders, 1);
export const NotificationsQueueProcessor = queueProcessor(QueueName.Notifications, 10);
/** One rebuild at a time: rebuilds are short, and serial ones cannot overwrite a newer draft with an older one. */
export const RollupQueueProcessor = queueProcessor(QueueName.Rollup, 1);

export const QUEUE_PROCESSORS = [SystemQueueProcessor, EventsQueueProcessor, RemindersQueueProcessor, NotificationsQueueProcessor, RollupQueueProcessor];
