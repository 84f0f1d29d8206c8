import type { OutboxEvent } from './task-events';

/**
 * Every queue, job name and payload in one place, so producers and processors cannot disagree.
 * Add a job by adding its payload here and its queue in JOB_QUEUE; boot fails if no handler registers for it.
 */
export const QueueName = {
  System: 'system',
  Events: 'events',
  Reminders: 'reminders',
  /** One queue per delivery channel, so each channel's concurrency is its own (DELIVERY_CONCURRENCY_*). */
  EmailDeliveries: 'deliveries-email',
  WebhookDeliveries: 'deliveries-webhook',
  /** Group robots' batched messages, one flush job per robot at a time. */
  Robots: 'robots',
  Rollup: 'rollup',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const DELIVERY_CHANNELS = ['email', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
/** A delivery row's channel: the direct channels, or `robot` (queued for group robots, settled by their outcome). */
export type DeliveryRowChannel = DeliveryChannel | 'robot';

export interface JobPayloads {
  'system.heartbeat': { requestedAt: string };
  /** One job per outbox row (jobId `event-<id>`); fanned out to the listeners registered for its type. */
  'events.dispatch': OutboxEvent;
  /** The scheduled daily run: `asOf` is 'today' (resolved when it runs, in TIME_ZONE) or a YYYY-MM-DD date. */
  'reminders.sweep': { asOf: string };
  /** One organization's part of a sweep (jobId `reminder-sweep-<id>` of its reminder_sweeps row); idempotent. */
  'reminders.sweep_organization': { asOf: string; organizationId: string };
  /** jobId `deliver-<notificationId>-<channel>`. */
  'deliveries.email': { notificationId: string };
  /**
   * `robotsQueued`: whether a `deliveries.robot` job was queued beside it; only then may the webhook stand down for
   * robots (absent in jobs queued before the flag existed: check, as they did).
   */
  'deliveries.webhook': { notificationId: string; robotsQueued?: boolean };
  /** jobId `deliver-<notificationId>-robot`: a reminder or 催办 handed to the robots of its task's unit. */
  'deliveries.robot': { notificationId: string };
  /** Sends a robot's queued messages; one per robot at a time through deduplication id `robot:<robotId>`. */
  'robots.flush': { robotId: string };
  /** Debounced through deduplication id `rollup:<organizationId>:<year>`. */
  'rollup.rebuild': { organizationId: string; year: number };
  /** The monthly scheduler's run: `month` is 'previous' (resolved when it runs, in TIME_ZONE) or YYYY-MM. */
  'county.bulletins_monthly': { month: string };
  /** One organization's 通报 (jobId `county-bulletin-<organizationId>-<month>`); idempotent. */
  'county.bulletin': { organizationId: string; month: string };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [N in JobName]: QueueName } = {
  'system.heartbeat': QueueName.System,
  'events.dispatch': QueueName.Events,
  'reminders.sweep': QueueName.Reminders,
  'reminders.sweep_organization': QueueName.Reminders,
  'deliveries.email': QueueName.EmailDeliveries,
  'deliveries.webhook': QueueName.WebhookDeliveries,
  'deliveries.robot': QueueName.Robots,
  'robots.flush': QueueName.Robots,
  'rollup.rebuild': QueueName.Rollup,
  // Documents, like the drafts: one at a time.
  'county.bulletins_monthly': QueueName.Rollup,
  'county.bulletin': QueueName.Rollup,
};

export const DELIVERY_JOB: { [C in DeliveryChannel]: `deliveries.${C}` } = {
  email: 'deliveries.email',
  webhook: 'deliveries.webhook',
};

export type JobHandler<N extends JobName> = (
  payload: JobPayloads[N],
  meta: { jobId: string | undefined; attemptsMade: number },
) => Promise<unknown>;
