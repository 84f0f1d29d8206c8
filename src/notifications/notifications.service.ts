import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { JobProducer } from '../queue/job-producer';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { deliveryJobs, NewNotification } from './delivery-jobs';
import { ListNotificationsQuery } from './dto/list-notifications.dto';
import { Notification } from './notification.entity';

export interface NotificationDraft {
  organizationId: string;
  userId: string;
  taskId: string | null;
  kind: string;
  title: string;
  body: string;
  dedupeKey: string;
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async list(user: AuthUser, query: ListNotificationsQuery) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where = { userId: user.id, ...(query.unread ? { readAt: IsNull() } : {}) };
    const [items, total] = await this.notifications.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const unread = await this.notifications.count({ where: { userId: user.id, readAt: IsNull() } });
    return { items, total, unread, page, pageSize };
  }

  async markRead(user: AuthUser, id: string): Promise<Notification> {
    const notification = await this.notifications.findOne({ where: { id, userId: user.id } });
    if (!notification) throw new NotFoundError('通知', 'NOTIFICATION_NOT_FOUND');
    if (!notification.readAt) {
      notification.readAt = new Date();
      await this.notifications.update({ id }, { readAt: notification.readAt });
    }
    return notification;
  }

  async markAllRead(user: AuthUser): Promise<{ updated: number }> {
    const result = await this.notifications.update(
      { userId: user.id, readAt: IsNull() },
      { readAt: new Date() },
    );
    return { updated: result.affected ?? 0 };
  }

  /** Stores the drafts once (by dedupe key) and enqueues their external deliveries; returns how many were new. */
  async store(drafts: NotificationDraft[]): Promise<number> {
    if (!drafts.length) return 0;
    const created: NewNotification[] = await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO notifications (organization_id, user_id, task_id, kind, title, body, dedupe_key)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::text[], $6::text[], $7::text[])
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, user_id)
       SELECT i.id, u.email IS NOT NULL AS has_email FROM inserted i JOIN users u ON u.id = i.user_id`,
      [
        drafts.map((d) => d.organizationId),
        drafts.map((d) => d.userId),
        drafts.map((d) => d.taskId),
        drafts.map((d) => d.kind),
        drafts.map((d) => d.title),
        drafts.map((d) => d.body),
        drafts.map((d) => d.dedupeKey),
      ],
    );
    await this.producer.enqueueBulk(deliveryJobs(this.runtime.config, created));
    return created.length;
  }
}
