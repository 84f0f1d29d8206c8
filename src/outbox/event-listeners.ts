import { Injectable } from '@nestjs/common';
import { EventConsumer, EventName, EventsOf, OutboxEvent, TASK_EVENT_CONSUMERS } from '../queue/task-events';

type Listener = (event: OutboxEvent) => Promise<void>;

/**
 * Features register what should happen when an outbox event arrives. The relay enqueues one job per event;
 * its handler calls every listener for the type, so listeners must be idempotent (a retry reruns them all).
 * TASK_EVENT_CONSUMERS says who listens to what: registering anything else throws, and a worker in which a consumer
 * left one of its events without a listener does not boot (assertComplete).
 */
@Injectable()
export class EventListenerRegistry {
  private readonly listeners = new Map<EventName, Array<{ consumer: EventConsumer; listener: Listener }>>();

  on<C extends EventConsumer, E extends EventsOf<C>>(
    consumer: C,
    type: E,
    listener: (event: OutboxEvent<E>) => Promise<void>,
  ): void {
    if (!(TASK_EVENT_CONSUMERS[type] as readonly EventConsumer[]).includes(consumer))
      throw new Error(`${consumer} 未登记为事件 ${type} 的处理方`);
    const registered = this.listeners.get(type) ?? [];
    if (registered.some((entry) => entry.consumer === consumer))
      throw new Error(`${consumer} 对事件 ${type} 的处理器重复注册`);
    this.listeners.set(type, [...registered, { consumer, listener: listener as Listener }]);
  }

  async dispatch(event: OutboxEvent): Promise<number> {
    const listeners = this.listeners.get(event.type) ?? [];
    for (const { listener } of listeners) await listener(event);
    return listeners.length;
  }

  /**
   * Called once the worker is wired: an event a consumer should handle but has no listener for is a programming
   * error, caught at boot like a job without a handler.
   */
  assertComplete(): void {
    const missing = (Object.keys(TASK_EVENT_CONSUMERS) as EventName[]).flatMap((type) =>
      (TASK_EVENT_CONSUMERS[type] as readonly EventConsumer[])
        .filter((consumer) => !this.listeners.get(type)?.some((entry) => entry.consumer === consumer))
        .map((consumer) => `${consumer}: ${type}`),
    );
    if (missing.length) throw new Error(`以下事件没有处理器：${missing.join(', ')}`);
  }
}
