import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobRegistry } from '../queue/job-registry';
import { QueueName } from '../queue/jobs';
import { PollingLoop } from '../runtime/polling-loop';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { EventListenerRegistry } from './event-listeners';
import { OutboxRelay } from './outbox-relay';
import { OutboxRepository } from './outbox.repository';

/** In worker mode: polls the outbox into the `events` queue and fans each event out to its listeners. */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxWorker');
  private readonly polling: PollingLoop;

  constructor(
    registry: JobRegistry,
    private readonly listeners: EventListenerRegistry,
    outbox: OutboxRepository,
    @InjectQueue(QueueName.Events) eventsQueue: Queue,
    @Inject(RUNTIME) runtime: Runtime,
  ) {
    const relay = new OutboxRelay(outbox, eventsQueue);
    this.polling = new PollingLoop(
      () => relay.drain(),
      runtime.config.OUTBOX_POLL_MS,
      (error) => this.logger.warn({ err: error }, '发布事件失败，稍后重试'),
    );
    registry.register('events.dispatch', async (event) => ({ listeners: await listeners.dispatch(event) }));
  }

  onApplicationBootstrap(): void {
    this.listeners.assertComplete();
    this.polling.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.polling.stop();
  }
}
