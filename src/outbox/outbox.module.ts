import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventListenerRegistry } from './event-listeners';
import { OutboxEventRow } from './outbox-event.entity';
import { OutboxRepository } from './outbox.repository';
import { OutboxWorker } from './outbox.worker';

/** The outbox table and its event writer, for features that announce changes (api and worker modes). */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEventRow])],
  providers: [OutboxRepository],
  exports: [OutboxRepository],
})
export class OutboxDataModule {}

/** Worker mode only. Global so every feature's worker module can register event listeners. */
@Global()
@Module({
  imports: [OutboxDataModule],
  providers: [EventListenerRegistry, OutboxWorker],
  exports: [EventListenerRegistry],
})
export class OutboxModule {}
