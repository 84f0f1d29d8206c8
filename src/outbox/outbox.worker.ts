import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobRegistry } from '../queue/job-registry';
import { QueueName } from '../queue/jobs';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { EventListenerRegistry } from './event-listeners';
import { OutboxRelay } from './outbox-relay';
import { OutboxRepository } from './outbox.repository';

/** In worker mode: polls the outbox into the `events` queue and fans each event out to its listeners. */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxWorker');
  private readonly relay: OutboxRelay;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    registry: JobRegistry,
    private readonly listeners: EventListenerRegistry,
    outbox: OutboxRepository,
    @InjectQueue(QueueName.Events) eventsQueue: Queue,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {
    this.relay = new OutboxRelay(outbox, eventsQueue);
    registry.register('events.dispatch', async (event) => ({ listeners: await listeners.dispatch(event) }));
  }

  onApplicationBootstrap(): void {
    this.listeners.assertComplete();
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.relay
        .drain()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error }, '发布事件失败，稍后重试'))
        .finally(() => this.schedule());
    }, this.runtime.config.OUTBOX_POLL_MS);
  }
}
