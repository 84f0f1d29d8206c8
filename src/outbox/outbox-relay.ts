import { Queue } from 'bullmq';
import { withQueueTimeout } from '../queue/queue-timeout';
import { OutboxRepository } from './outbox.repository';

const BATCH_SIZE = 500;

/**
 * Moves unpublished outbox rows into the `events` queue, at least once: rows are locked (SKIP LOCKED, so
 * several workers share the work), added with the deterministic job id `event-<id>`, and marked published
 * in the same transaction. If Redis is down the add fails or times out, the transaction rolls back and the
 * rows wait for the next pass; a late add that does land is harmless because the job id dedupes it.
 */
export class OutboxRelay {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly eventsQueue: Queue,
    private readonly addTimeoutMs = 5000,
  ) {}

  /** One batch; returns how many rows were published. */
  async publishBatch(): Promise<number> {
    return this.outbox.transaction(async (manager) => {
      const events = await this.outbox.lockUnpublished(manager, BATCH_SIZE);
      if (!events.length) return 0;
      const jobs = events.map((event) => ({
        name: 'events.dispatch',
        data: event,
        opts: { jobId: `event-${event.eventId}` },
      }));
      await withQueueTimeout(this.eventsQueue.addBulk(jobs), this.addTimeoutMs);
      await this.outbox.markPublished(
        manager,
        events.map((event) => event.eventId),
      );
      return events.length;
    });
  }

  /** Publishes until the outbox is empty. */
  async drain(): Promise<number> {
    let total = 0;
    for (let published = await this.publishBatch(); published > 0; published = await this.publishBatch())
      total += published;
    return total;
  }
}
