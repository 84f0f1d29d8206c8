import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import type { DeliveryRowChannel } from '../queue/jobs';
import { Delivery } from './delivery.entity';
import { Notification } from './notification.entity';

export interface NewNotification {
  organizationId: string;
  userId: string;
  taskId: string | null;
  kind: string;
  title: string;
  body: string;
  /** See Notification.data; null when the notice carries nothing beyond its text. */
  data?: Record<string, unknown> | null;
  /** Unique: the same notice (task, kind, day, person) is stored once however often it is produced. */
  dedupeKey: string;
}

/** What a channel sends of a notification, read as its delivery is claimed. */
export type ClaimedNotice = Pick<Notification, 'id' | 'userId' | 'title' | 'body'>;

/** `notifications` (the in-app delivery) and `deliveries` (one row per external channel). */
@Injectable()
export class NotificationRepository {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectRepository(Delivery) private readonly deliveries: Repository<Delivery>,
  ) {}

  /**
   * Stores each notification unless its dedupe key exists, in one statement. Returns, for every input that is stored
   * now or already was, its id and whether this call created it: whoever produced it may have crashed before
   * queueing its deliveries, so a producer that runs again queues them again (deterministic job ids dedupe).
   * A row another transaction is inserting at the same moment is left to that transaction.
   */
  async storeOnce(
    notices: NewNotification[],
  ): Promise<Array<{ id: string; dedupeKey: string; created: boolean }>> {
    if (!notices.length) return [];
    // Rows of the other branch are read in the statement's snapshot, so they are only those stored before it.
    return this.notifications.query(
      `WITH inserted AS (
         INSERT INTO notifications (organization_id, user_id, task_id, kind, title, body, dedupe_key, data)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::text[], $6::text[], $7::text[], $8::jsonb[])
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, dedupe_key
       )
       SELECT id, dedupe_key AS "dedupeKey", true AS created FROM inserted
       UNION ALL
       SELECT id, dedupe_key, false FROM notifications WHERE dedupe_key = ANY($7::text[])`,
      [
        notices.map((notice) => notice.organizationId),
        notices.map((notice) => notice.userId),
        notices.map((notice) => notice.taskId),
        notices.map((notice) => notice.kind),
        notices.map((notice) => notice.title),
        notices.map((notice) => notice.body),
        notices.map((notice) => notice.dedupeKey),
        notices.map((notice) => (notice.data ? JSON.stringify(notice.data) : null)),
      ],
    );
  }

  findOne(id: string): Promise<Notification | null> {
    return this.notifications.findOneBy({ id });
  }

  /** With its dedupe key, which names the day a reminder speaks of (`reminder:<task>:<kind>:<asOf>:<user>`). */
  findWithDedupeKey(id: string): Promise<Notification | null> {
    return this.notifications
      .createQueryBuilder('n')
      .addSelect('n.dedupeKey')
      .where('n.id = :id', { id })
      .getOne();
  }

  findPageOf(userId: string, unreadOnly: boolean, skip: number, take: number) {
    return this.notifications.findAndCount({
      where: { userId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip,
      take,
    });
  }

  countUnread(userId: string): Promise<number> {
    return this.notifications.count({ where: { userId, readAt: IsNull() } });
  }

  findOfUser(userId: string, id: string): Promise<Notification | null> {
    return this.notifications.findOne({ where: { id, userId } });
  }

  async markRead(id: string, readAt: Date): Promise<void> {
    await this.notifications.update({ id }, { readAt });
  }

  async markAllRead(userId: string, readAt: Date): Promise<number> {
    return (await this.notifications.update({ userId, readAt: IsNull() }, { readAt })).affected ?? 0;
  }

  /**
   * Claims the delivery for one more attempt: `sending`, attempt counted, committed before the channel is called.
   * Returns what the channel sends, read in the same statement; null when it was delivered already. A notification
   * that does not exist fails the statement (the delivery row's foreign key).
   */
  async claimDelivery(notificationId: string, channel: DeliveryRowChannel): Promise<ClaimedNotice | null> {
    const rows: ClaimedNotice[] = await this.deliveries.query(
      `WITH claimed AS (
         INSERT INTO deliveries (notification_id, channel, status, attempts) VALUES ($1, $2, 'sending', 1)
         ON CONFLICT (notification_id, channel) DO UPDATE
           SET status = 'sending', attempts = deliveries.attempts + 1, updated_at = now()
           WHERE deliveries.status <> 'delivered'
         RETURNING notification_id
       )
       SELECT n.id, n.user_id AS "userId", n.title, n.body
         FROM claimed c JOIN notifications n ON n.id = c.notification_id`,
      [notificationId, channel],
    );
    return rows[0] ?? null;
  }

  async recordDelivered(notificationId: string, channel: DeliveryRowChannel): Promise<void> {
    await this.deliveries.update(
      { notificationId, channel },
      { status: 'delivered', lastError: null, deliveredAt: () => 'now()', updatedAt: () => 'now()' },
    );
  }

  async recordFailure(notificationId: string, channel: DeliveryRowChannel, error: string): Promise<void> {
    await this.deliveries.update(
      { notificationId, channel, status: 'sending' },
      { status: 'failed', lastError: error, updatedAt: () => 'now()' },
    );
  }

  /**
   * Settles robot deliveries from the robots' outcomes, in the transaction that records them. A notification sent
   * to several robots counts as delivered once any of them has it; a failure never overwrites a delivery.
   */
  async recordRobotOutcomes(
    manager: EntityManager,
    outcomes: Array<{ notificationId: string; status: 'delivered' | 'failed'; error: string | null }>,
  ): Promise<void> {
    if (!outcomes.length) return;
    await manager.query(
      `UPDATE deliveries d SET
         status = CASE WHEN o.status = 'delivered' OR d.status = 'delivered' THEN 'delivered' ELSE 'failed' END,
         last_error = CASE WHEN o.status = 'delivered' OR d.status = 'delivered' THEN NULL ELSE o.error END,
         delivered_at = CASE WHEN o.status = 'delivered' AND d.status <> 'delivered' THEN now() ELSE d.delivered_at END,
         updated_at = now()
        FROM unnest($1::text[], $2::text[], $3::text[]) AS o(notification_id, status, error)
       WHERE d.channel = 'robot' AND d.notification_id::text = o.notification_id`,
      [
        outcomes.map((outcome) => outcome.notificationId),
        outcomes.map((outcome) => outcome.status),
        outcomes.map((outcome) => outcome.error),
      ],
    );
  }
}
