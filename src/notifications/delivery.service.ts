import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobPayloads } from '../queue/jobs';
import { RetryLaterError } from '../queue/retry-later';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { EmailChannel } from './channels/email.channel';
import { NotificationChannel } from './channels/notification-channel';
import { WebhookChannel } from './channels/webhook.channel';

export type DeliveryOutcome = 'delivered' | 'already_delivered';

/** How long after the enqueue a missing notification counts as "not committed yet" rather than as an orphan. */
const COMMIT_GRACE_MS = 60_000;

/**
 * Delivers one notification on one channel at most once. The `deliveries` row is locked for the send, so
 * a second copy of the job (a stalled job picked up again while the first still runs) waits and then sees
 * `delivered`; a failure is recorded with its error and attempt count and rethrown so BullMQ retries.
 */
@Injectable()
export class DeliveryService {
  private readonly channels: Record<string, NotificationChannel>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    email: EmailChannel,
    webhook: WebhookChannel,
  ) {
    this.channels = { email, webhook };
  }

  async deliver({ notificationId, channel }: JobPayloads['notifications.deliver']): Promise<DeliveryOutcome> {
    const failure = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `SELECT n.id, n.title, n.body, u.id AS user_id, u.display_name, u.email
           FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.id = $1`,
        [notificationId],
      );
      // Jobs are enqueued inside the transaction that stores the notification, so a fast worker can get here
      // before the commit: run again later without spending an attempt the channel may need. A rolled-back
      // sweep's orphans fail after the grace period and their attempts, and stay inspectable.
      if (!row) {
        const error = new RetryLaterError(
          `通知 ${notificationId} 尚未提交，稍后重试`,
          this.runtime.config.DELIVERY_BACKOFF_MS,
          COMMIT_GRACE_MS,
        );
        return { outcome: 'failed' as const, error };
      }
      await manager.query(
        `INSERT INTO deliveries (notification_id, channel) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [notificationId, channel],
      );
      const [delivery] = await manager.query(
        `SELECT status FROM deliveries WHERE notification_id = $1 AND channel = $2 FOR UPDATE`,
        [notificationId, channel],
      );
      if (delivery.status === 'delivered') return { outcome: 'already_delivered' as const };
      try {
        await this.channels[channel].deliver(
          { id: row.id, title: row.title, body: row.body },
          { id: row.user_id, displayName: row.display_name, email: row.email },
        );
      } catch (error) {
        await manager.query(
          `UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_error = $3, updated_at = now() WHERE notification_id = $1 AND channel = $2`,
          [notificationId, channel, error instanceof Error ? error.message : String(error)],
        );
        return { outcome: 'failed' as const, error };
      }
      await manager.query(
        `UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, last_error = NULL, delivered_at = now(), updated_at = now()
          WHERE notification_id = $1 AND channel = $2`,
        [notificationId, channel],
      );
      return { outcome: 'delivered' as const };
    });
    // Thrown after the commit so the recorded failure survives; BullMQ then retries with backoff.
    if (failure.outcome === 'failed') throw failure.error;
    return failure.outcome;
  }
}
