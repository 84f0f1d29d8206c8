import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads, QueueName } from './jobs';
import { withQueueTimeout } from './queue-timeout';

export interface EnqueueRequest<N extends JobName> {
  name: N;
  payload: JobPayloads[N];
  options?: JobsOptions;
}

/** Typed access to the queues: `enqueue('system.heartbeat', {...})` picks the right queue from the job name. */
@Injectable()
export class JobProducer {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.System) system: Queue,
    @InjectQueue(QueueName.Events) events: Queue,
    @InjectQueue(QueueName.Reminders) reminders: Queue,
    @InjectQueue(QueueName.EmailDeliveries) emailDeliveries: Queue,
    @InjectQueue(QueueName.WebhookDeliveries) webhookDeliveries: Queue,
    @InjectQueue(QueueName.Robots) robots: Queue,
    @InjectQueue(QueueName.Rollup) rollup: Queue,
  ) {
    this.queues = {
      [QueueName.System]: system,
      [QueueName.Events]: events,
      [QueueName.Reminders]: reminders,
      [QueueName.EmailDeliveries]: emailDeliveries,
      [QueueName.WebhookDeliveries]: webhookDeliveries,
      [QueueName.Robots]: robots,
      [QueueName.Rollup]: rollup,
    };
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options?: JobsOptions,
  ): Promise<string | undefined> {
    const job = await this.queues[JOB_QUEUE[name]].add(name, payload, options);
    return job.id;
  }

  /**
   * Adds many jobs with one round trip per queue; deterministic job ids make repeats no-ops. With `timeoutMs`, a
   * Redis that does not answer in time fails the call with QueueUnavailableError (the adds may still land later).
   */
  async enqueueBulk<N extends JobName>(
    requests: EnqueueRequest<N>[],
    { timeoutMs }: { timeoutMs?: number } = {},
  ): Promise<number> {
    const byQueue = new Map<QueueName, { name: string; data: unknown; opts?: JobsOptions }[]>();
    for (const request of requests) {
      const queueName = JOB_QUEUE[request.name];
      const list = byQueue.get(queueName) ?? [];
      list.push({ name: request.name, data: request.payload, opts: request.options });
      byQueue.set(queueName, list);
    }
    const added = Promise.all([...byQueue].map(([queueName, jobs]) => this.queues[queueName].addBulk(jobs)));
    await (timeoutMs === undefined ? added : withQueueTimeout(added, timeoutMs));
    return requests.length;
  }
}
