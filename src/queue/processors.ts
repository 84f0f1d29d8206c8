import { Processor } from '@nestjs/bullmq';
import { Type } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DispatchingProcessor } from './dispatching-processor';
import { JobRegistry } from './job-registry';
import { QueueName } from './jobs';

function concurrencyOf(queue: QueueName, config: AppConfig): number {
  const concurrency: Record<QueueName, number> = {
    [QueueName.System]: 5,
    [QueueName.Events]: 10,
    /** Each organization's sweep is a few statements; two at a time keep both database cores busy. */
    [QueueName.Reminders]: 2,
    [QueueName.EmailDeliveries]: config.DELIVERY_CONCURRENCY_EMAIL,
    [QueueName.WebhookDeliveries]: config.DELIVERY_CONCURRENCY_WEBHOOK,
    /** Flush jobs are deduplicated per robot, so this is how many robots send at once. */
    [QueueName.Robots]: config.DELIVERY_CONCURRENCY_WEBHOOK,
    /** One rebuild at a time: rebuilds are short, and serial ones cannot overwrite a newer draft with an older one. */
    [QueueName.Rollup]: 1,
  };
  return concurrency[queue];
}

/**
 * A consumer for one queue; every queue's consumer only dispatches to the handlers features registered.
 * Built per process because @Processor's options are fixed when the class is declared, and the concurrency, lock
 * and stalled-check timings come from the configuration.
 */
export function queueProcessor(queue: QueueName, config: AppConfig): Type<DispatchingProcessor> {
  @Processor(queue, {
    concurrency: concurrencyOf(queue, config),
    lockDuration: config.WORKER_LOCK_DURATION_MS,
    stalledInterval: config.WORKER_STALLED_INTERVAL_MS,
  })
  class QueueProcessor extends DispatchingProcessor {
    constructor(registry: JobRegistry) {
      super(registry);
    }
  }
  // Nest keys providers by class; distinct names keep them apart in logs and errors.
  Object.defineProperty(QueueProcessor, 'name', { value: `QueueProcessor(${queue})` });
  return QueueProcessor;
}

export function queueProcessors(config: AppConfig): Type<DispatchingProcessor>[] {
  return Object.values(QueueName).map((queue) => queueProcessor(queue, config));
}
