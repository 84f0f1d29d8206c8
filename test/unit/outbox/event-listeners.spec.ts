import { EventListenerRegistry } from '../../../src/outbox/event-listeners';
import { EventName, eventsOf, TASK_EVENT_CONSUMERS, taskEventsOf } from '../../../src/queue/task-events';

const noop = async () => undefined;

function registryWithAllListeners(): EventListenerRegistry {
  const registry = new EventListenerRegistry();
  for (const type of eventsOf('rollup')) registry.on('rollup', type, noop);
  for (const type of eventsOf('notifications')) registry.on('notifications', type, noop);
  return registry;
}

describe('outbox event listeners', () => {
  it('boots when every consumer listens to each of its events', () => {
    expect(() => registryWithAllListeners().assertComplete()).not.toThrow();
  });

  it('refuses to boot while a consumer lacks a listener, naming it and the event', () => {
    const registry = new EventListenerRegistry();
    for (const type of eventsOf('rollup')) registry.on('rollup', type, noop);
    expect(() => registry.assertComplete()).toThrow(
      /notifications: task\.assigned.*notifications: task\.deadline_changed/,
    );
  });

  it('refuses a listener for an event the table does not route to that consumer, and a second one', () => {
    const registry = new EventListenerRegistry();
    expect(() => registry.on('notifications', 'task.created' as never, noop)).toThrow(/未登记/);
    registry.on('rollup', 'task.created', noop);
    expect(() => registry.on('rollup', 'task.created', noop)).toThrow(/重复/);
  });

  it('derives each consumer’s events from the one table', () => {
    const names = Object.keys(TASK_EVENT_CONSUMERS) as EventName[];
    // 催办, its answer and the extension notices change nothing the draft shows: only notifications listen to them.
    const noticeOnly = [
      'task.urged',
      'task.urge_replied',
      'task.extension_requested',
      'task.extension_decided',
    ];
    expect(eventsOf('rollup')).toEqual(names.filter((name) => !noticeOnly.includes(name)));
    expect(eventsOf('notifications').sort()).toEqual(
      [
        'task.assigned',
        'task.completed',
        'task.deadline_changed',
        'task.rejected',
        'task.review_requested',
        ...noticeOnly,
      ].sort(),
    );
    expect(taskEventsOf('rollup')).toEqual(
      names.filter((name) => name !== 'worklog.changed' && !noticeOnly.includes(name)),
    );
  });

  it('dispatches an event to every listener of its type and says how many ran', async () => {
    const registry = new EventListenerRegistry();
    const seen: string[] = [];
    registry.on(
      'rollup',
      'task.assigned',
      async (event) => void seen.push(`rollup:${event.payload.leaderId}`),
    );
    registry.on('notifications', 'task.assigned', async (event) => void seen.push(`notice:${event.taskId}`));
    const ran = await registry.dispatch({
      eventId: '1',
      type: 'task.assigned',
      organizationId: 'o',
      taskId: 't',
      payload: { actorId: 'a', unitId: null, assigneeId: null, leaderId: 'l', deadline: null },
    });
    expect(ran).toBe(2);
    expect(seen).toEqual(['rollup:l', 'notice:t']);
  });
});
