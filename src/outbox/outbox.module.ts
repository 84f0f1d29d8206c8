import { Global, Module } from '@nestjs/common';
import { EventListenerRegistry } from './event-listeners';
import { OutboxWorker } from './outbox.worker';

/** Worker mode only. Global so every feature's worker module can register event listeners. */
@Global()
@Module({
  providers: [EventListenerRegistry, OutboxWorker],
  exports: [EventListenerRegistry],
})
export class OutboxModule {}
