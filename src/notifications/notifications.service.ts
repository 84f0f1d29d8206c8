import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { JobProducer } from '../queue/job-producer';
import { robotAudienceOf } from '../robots/robot-reminder';
import { RobotsService } from '../robots/robots.service';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { deliveryJobs } from './delivery-jobs';
import { ListNotificationsQuery } from './dto/list-notifications.dto';
import { Notification } from './notification.entity';
import { NewNotification, NotificationRepository } from './notification.repository';

/** A notification to store, with whether its recipient can be mailed (decides its e-mail delivery). */
export interface NotificationDraft extends NewNotification {
  hasEmail: boolean;
}

@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly producer: JobProducer,
    private readonly robots: RobotsService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async list(user: AuthUser, query: ListNotificationsQuery) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [[items, total], unread] = await Promise.all([
      this.notifications.findPageOf(user.id, query.unread ?? false, (page - 1) * pageSize, pageSize),
      this.notifications.countUnread(user.id),
    ]);
    return { items, total, unread, page, pageSize };
  }

  async markRead(user: AuthUser, id: string): Promise<Notification> {
    const notification = await this.notifications.findOfUser(user.id, id);
    if (!notification) throw new NotFoundError('通知', 'NOTIFICATION_NOT_FOUND');
    if (!notification.readAt) {
      notification.readAt = new Date();
      await this.notifications.markRead(id, notification.readAt);
    }
    return notification;
  }

  async markAllRead(user: AuthUser): Promise<{ updated: number }> {
    return { updated: await this.notifications.markAllRead(user.id, new Date()) };
  }

  /**
   * Stores the drafts once (by dedupe key), then queues the external deliveries of every draft that is stored,
   * new or not: a producer retried after a crash between the two steps queues what it missed, and the job ids
   * keep a delivery from being queued twice. Returns how many notifications were new.
   */
  async store(drafts: NotificationDraft[]): Promise<number> {
    const stored = await this.notifications.storeOnce(drafts);
    const draftOf = new Map(drafts.map((draft) => [draft.dedupeKey, draft]));
    const forRobots = await this.robotCandidates(drafts);
    await this.producer.enqueueBulk(
      deliveryJobs(
        this.runtime.config,
        stored.map((notification) => {
          const draft = draftOf.get(notification.dedupeKey)!;
          return { id: notification.id, hasEmail: draft.hasEmail, robots: forRobots(draft) };
        }),
      ),
    );
    return stored.filter((notification) => notification.created).length;
  }

  /**
   * Which drafts may go to group robots: a task's reminder or 催办 (by kind) in an organization that configured a
   * robot. Whether its unit has one is decided when the robot job runs, with the configuration of that moment.
   */
  private async robotCandidates(drafts: NotificationDraft[]): Promise<(draft: NotificationDraft) => boolean> {
    const eligible = (draft: NotificationDraft) =>
      draft.taskId !== null && robotAudienceOf(draft.kind) !== null;
    const organizations = await this.robots.organizationsWithRobots(
      drafts.filter(eligible).map((draft) => draft.organizationId),
    );
    return (draft) => eligible(draft) && organizations.has(draft.organizationId);
  }
}
