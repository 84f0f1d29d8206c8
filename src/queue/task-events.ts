/**
 * Every outbox event, its payload and the features that react to it, in one place (like jobs.ts for jobs). The outbox
 * writer only accepts these names with their payloads, the events queue carries them, and a worker refuses to boot
 * while a consumer named here has not registered its listener for an event (EventListenerRegistry.assertComplete).
 * Most events are about one task and carry its id; organization events are about something else.
 */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

interface ByActor {
  actorId: string;
}

export interface TaskEventPayloads {
  'task.created': ByActor;
  'task.assigned': ByActor & {
    unitId: string | null;
    assigneeId: string | null;
    leaderId: string | null;
    deadline: string | null;
  };
  'task.status_changed': ByActor & { from: string; to: string };
  'task.completed': ByActor;
  'task.deadline_changed': ByActor & { from: unknown; to: unknown; reason?: string };
  'task.review_requested': ByActor & { leaderId: string | null };
  'task.rejected': ByActor & { note: string | null };
  /** 催办 by a leader or admin; `supervise` when from an ancestor organization (县级督办). */
  'task.urged': ByActor & { message: string | null; supervise: boolean };
  /**
   * The 办理情况 answering a 催办 or 督办 (history entry `urgeId`), by `actorId`; `presserId` is who pressed (that
   * entry's actor), `supervise` whether it was a 县级督办.
   */
  'task.urge_replied': ByActor & {
    urgeId: string;
    presserId: string | null;
    text: string;
    supervise: boolean;
  };
  'task.extension_requested': ByActor & {
    currentDeadline: string | null;
    requestedDeadline: string;
    reason: string;
  };
  'task.extension_decided': ByActor & {
    approved: boolean;
    requestedDeadline: string;
    comment: string | null;
  };
  /** Anything else about the task moved: its fields, a progress note, an extension asked for or refused. */
  'task.updated': ByActor & {
    changes?: FieldChanges;
    note?: string | null;
    extensionRequested?: string;
    extensionRefused?: string;
  };
}

export type TaskEventName = keyof TaskEventPayloads;

/** Events about something other than one task: they carry no task id. */
export interface OrganizationEventPayloads {
  /** A 工作纪实 entry in the report was marked, changed or deleted: the drafts of these years change. */
  'worklog.changed': { years: number[] };
}

export type OrganizationEventName = keyof OrganizationEventPayloads;
export type EventPayloads = TaskEventPayloads & OrganizationEventPayloads;
export type EventName = keyof EventPayloads;

/** Features that listen to events (in worker mode). */
export type EventConsumer = 'rollup' | 'notifications';

/**
 * Who reacts to which event: the rollup rebuilds the draft of the task's plan year, notifications tell the right
 * person at once. An event nobody consumes still lands in the outbox (history, replays).
 */
export const TASK_EVENT_CONSUMERS = {
  'task.created': ['rollup'],
  'task.assigned': ['rollup', 'notifications'],
  'task.status_changed': ['rollup'],
  'task.completed': ['rollup', 'notifications'],
  'task.deadline_changed': ['rollup', 'notifications'],
  'task.review_requested': ['rollup', 'notifications'],
  'task.rejected': ['rollup', 'notifications'],
  'task.updated': ['rollup'],
  'task.urged': ['notifications'],
  'task.urge_replied': ['notifications'],
  'task.extension_requested': ['notifications'],
  'task.extension_decided': ['notifications'],
  'worklog.changed': ['rollup'],
} as const satisfies { [E in EventName]: readonly EventConsumer[] };

/** The events one consumer handles, as a type: a table keyed by it must cover exactly these. */
export type EventsOf<C extends EventConsumer> = {
  [E in EventName]: C extends (typeof TASK_EVENT_CONSUMERS)[E][number] ? E : never;
}[EventName];

export function eventsOf<C extends EventConsumer>(consumer: C): EventsOf<C>[] {
  return (Object.keys(TASK_EVENT_CONSUMERS) as EventName[]).filter((name) =>
    (TASK_EVENT_CONSUMERS[name] as readonly EventConsumer[]).includes(consumer),
  ) as EventsOf<C>[];
}

/** The task events one consumer handles (all of them share one listener shape: they carry a task id). */
export function taskEventsOf<C extends EventConsumer>(consumer: C): Extract<EventsOf<C>, TaskEventName>[] {
  return eventsOf(consumer).filter((name) => name.startsWith('task.')) as Extract<
    EventsOf<C>,
    TaskEventName
  >[];
}

/** One outbox row on the events queue; `taskId` is the task a task event is about, null for the others. */
export type OutboxEvent<E extends EventName = EventName> = {
  [K in E]: {
    eventId: string;
    type: K;
    organizationId: string;
    taskId: K extends TaskEventName ? string : null;
    payload: EventPayloads[K];
  };
}[E];

export type TaskEvent<E extends TaskEventName = TaskEventName> = OutboxEvent<E>;
