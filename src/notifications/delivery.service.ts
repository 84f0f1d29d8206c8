import { Injectable } from '@nestjs/common';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import type { DeliveryChannel } from '../queue/jobs';
import { EmailChannel } from './channels/email.channel';
import { deliveryIdOf, NotificationChannel } from './channels/notification-channel';
import { WebhookChannel } from './channels/webhook.channel';
import { ClaimedNotice, NotificationRepository } from './notification.repository';
import { RobotDeliveries } from './robot-deliveries';

/** `with_robots`: the webhook stands down, the notice's unit robots carry it (WEBHOOK_URL is only the fallback). */
export type DeliveryOutcome = 'delivered' | 'already_delivered' | 'with_robots';

/**
 * Delivers one notification on one channel. The delivery row is claimed first (`sending`, attempt counted, the
 * notice read in the same statement) and the result recorded after, each in its own short statement; the channel
 * is called outside any transaction. A recipient gone since is a failure like a refused send. A
 * delivery recorded as delivered is never sent again. What stays at least once: a worker that dies after the
 * channel accepted the message and before recording it (or a send whose answer is lost) leaves `sending`, and the
 * retry sends again with the same delivery id (webhook header and body) or Message-ID (e-mail) for the receiver
 * to drop. A failure is recorded with its error and rethrown so BullMQ retries with backoff.
 */
@Injectable()
export class DeliveryService {
  private readonly channels: Record<DeliveryChannel, NotificationChannel>;

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly directory: UserDirectoryRepository,
    private readonly robots: RobotDeliveries,
    email: EmailChannel,
    webhook: WebhookChannel,
  ) {
    this.channels = { email, webhook };
  }

  /**
   * `robotsQueued` false: no robot job was queued with this one, so no robot will carry the notice and the webhook
   * sends it without asking (robots configured since then carry later notices).
   */
  async deliver(
    notificationId: string,
    channel: DeliveryChannel,
    robotsQueued = true,
  ): Promise<DeliveryOutcome> {
    if (channel === 'webhook' && robotsQueued) {
      const notification = await this.notifications.findOne(notificationId);
      if (!notification) throw orphan(notificationId);
      if (await this.robots.routeOf(notification)) return 'with_robots';
    }
    const notice = await this.claim(notificationId, channel);
    if (!notice) return 'already_delivered';
    try {
      const recipient = await this.directory.findRecipient(notice.userId);
      if (!recipient) throw new Error(`通知 ${notificationId} 的收件人不存在`);
      await this.channels[channel].deliver(
        {
          id: notice.id,
          title: notice.title,
          body: notice.body,
          deliveryId: deliveryIdOf(notificationId, channel),
        },
        recipient,
      );
    } catch (error) {
      await this.notifications.recordFailure(
        notificationId,
        channel,
        error instanceof Error ? error.message : String(error),
      );
      throw error;
    }
    await this.notifications.recordDelivered(notificationId, channel);
    return 'delivered';
  }

  /** Jobs are queued only after their notification committed: a missing one is an orphan, left failed to inspect. */
  private async claim(notificationId: string, channel: DeliveryChannel): Promise<ClaimedNotice | null> {
    try {
      return await this.notifications.claimDelivery(notificationId, channel);
    } catch (error) {
      if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) throw orphan(notificationId);
      throw error;
    }
  }
}

const FOREIGN_KEY_VIOLATION = '23503';

function orphan(notificationId: string): Error {
  return new Error(`通知 ${notificationId} 不存在`);
}
