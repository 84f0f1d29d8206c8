/**
 * Every queue, job name and payload in one place, so producers and processors cannot disagree.
 * Add a job by adding its payload here and its queue in JOB_QUEUE; boot fails if no handler registers for it.
 */
export const QueueName = {
  System: 'system',
  Events: 'events',
  Reminders: 'reminders',
  Notifications: 'notifications',
  Rollup: 'rollup',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface JobPayloads {
  'system.heartbeat': { requestedAt: string };
  /** One job per outbox row (jobId `event-<id>`); fanned out to the listeners registered for its type. */
  'events.dispatch': {
    eventId: string;
    type: string;
    organizationId: string;
    taskId: string | null;
    payload: Record<string, unknown>;
  };
  /** `asOf` is a calendar date (YYYY-MM-DD) in TIME_ZONE; 'today' for the scheduled daily run. */
  'reminders.sweep': { asOf: string };
  'notifications.deliver': { notificationId: string; channel: 'email' | 'webhook' };
  /** Sends a robot's queued messages; one per robot at a time through deduplication id `robot:<robotId>`. */
  'robots.flush': { robotId: string };
  /** Debounced through deduplication id `rollup:<organizationId>:<year>`. */
  'rollup.rebuild': { organizationId: string; year: number };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [N in JobName]: QueueName } = {
  'system.heartbeat': QueueName.System,
  'events.dispatch': QueueName.Events,
  'reminders.sweep': QueueName.Reminders,
  'notifications.deliver': QueueName.Notifications,
  'robots.flush': QueueName.Notifications,
  'rollup.rebuild': QueueName.Rollup,
};

export type JobHandler<N extends JobName> = (
  payload: JobPayloads[N],
  meta: { jobId: string | undefined; attemptsMade: number },
) => Promise<unknown>;
