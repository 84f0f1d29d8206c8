import { Injectable } from '@nestjs/common';
import { JobPayloads } from '../queue/jobs';

export type OutboxEvent = JobPayloads['events.dispatch'];
export type EventListener = (event: OutboxEvent) => Promise<void>;

/**
 * Features register what should happen when an outbox event arrives. The relay enqueues one job per event;
 * its handler calls every listener for the type, so listeners must be idempotent (a retry reruns them all).
 */
@Injectable()
export class EventListenerRegistry {
  private readonly listeners = new Map<string, EventListener[]>();

  on(type: string, listener: EventListener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  async dispatch(event: OutboxEvent): Promise<number> {
    const listeners = this.listeners.get(event.type) ?? [];
    for (const listener of listeners) await listener(event);
    return listeners.length;
  }
}
