import { Injectable } from '@nestjs/common';
import { UnitRepository } from '../identity/unit.repository';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { RobotDispatcher } from '../robots/robot-dispatcher';
import { RobotAudience, robotAudienceOf, RobotReminder, urgeDetailsOf } from '../robots/robot-reminder';
import { RobotsService } from '../robots/robots.service';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { TaskNoticeContext, TaskRepository } from '../tasks/task.repository';
import { Notification } from './notification.entity';
import { NotificationRepository } from './notification.repository';

/**
 * A notice as the robots read it. `data` is the notice's structured detail where notifications keep one (the
 * task.urged notice: `{actorId, message, supervise}`); without it the kind and title decide.
 */
type RobotNotice = Pick<Notification, 'kind' | 'title' | 'taskId'> & {
  data?: Record<string, unknown> | null;
};

/** Where a notice goes among the group robots: none means the organization-wide WEBHOOK_URL carries it. */
interface RobotRoute {
  audience: RobotAudience;
  task: TaskNoticeContext & { id: string };
  robotIds: string[];
}

export type RobotDeliveryOutcome = 'queued' | 'no_robot' | 'already_delivered';

/**
 * Reminders and 催办 for a unit's tasks go to the unit's group robots (escalations and 督办 also to the leaders'
 * group), batched and rate-limited by RobotDispatcher; the person notified is @mentioned by their mobile, or named.
 * A notice whose unit has no robot is left to WEBHOOK_URL, the organization-wide fallback: the webhook job asks
 * `routeOf` and stands down when robots carry the notice. The `robot` delivery row is settled from the robots'
 * outcomes: delivered once any robot has it, failed when every attempt was refused.
 */
@Injectable()
export class RobotDeliveries {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly tasks: TaskRepository,
    private readonly units: UnitRepository,
    private readonly directory: UserDirectoryRepository,
    private readonly robots: RobotsService,
    private readonly dispatcher: RobotDispatcher,
    private readonly calendar: OrganizationCalendar,
  ) {
    dispatcher.onOutcome((manager, outcomes) =>
      this.notifications.recordRobotOutcomes(
        manager,
        outcomes.map((outcome) => ({
          notificationId: outcome.deliveryKey,
          status: outcome.status,
          error: outcome.error,
        })),
      ),
    );
  }

  /** The `deliveries.robot` job: queues the notice for its robots, once. */
  async deliver(notificationId: string): Promise<RobotDeliveryOutcome> {
    const notification = await this.notifications.findWithDedupeKey(notificationId);
    if (!notification) throw new Error(`通知 ${notificationId} 不存在`);
    const route = await this.routeOf(notification);
    if (!route) return 'no_robot';
    if (!(await this.notifications.claimDelivery(notificationId, 'robot'))) return 'already_delivered';
    const reminder = await this.reminderOf(notification, route);
    await this.dispatcher.enqueue(
      route.robotIds.map((robotId) => ({ robotId, deliveryKey: notificationId, reminder })),
    );
    return 'queued';
  }

  /** The robots that carry this notice now, or null (not a robot kind, no task, or no robot configured for it). */
  async routeOf(notification: RobotNotice): Promise<RobotRoute | null> {
    const audience = robotAudienceOf(notification.kind, notification.title, notification.data);
    if (!audience || !notification.taskId) return null;
    const task = await this.tasks.findNoticeContext(notification.taskId);
    if (!task) return null;
    const robotIds = await this.robots.robotIdsFor(task.organizationId, task.unitId, audience);
    return robotIds.length ? { audience, task: { ...task, id: notification.taskId }, robotIds } : null;
  }

  private async reminderOf(
    notification: Notification,
    { audience, task }: RobotRoute,
  ): Promise<RobotReminder> {
    const pressed = audience.kind === 'urge' || audience.kind === 'supervise';
    const urge = pressed ? urgeDetailsOf((notification as RobotNotice).data) : null;
    const [person, unit, presser] = await Promise.all([
      this.directory.findRecipient(notification.userId),
      task.unitId ? this.units.findInOrganization(task.organizationId, task.unitId) : null,
      urge?.actorId ? this.directory.findRecipient(urge.actorId) : null,
    ]);
    return {
      kind: audience.kind,
      taskId: task.id,
      taskTitle: task.title,
      unitName: unit?.name ?? null,
      deadline: task.deadline,
      asOf: this.asOfOf(notification),
      pressedBy: presser?.displayName ?? null,
      // What the presser wrote; a notice without data has only its text, which then stands in for it.
      note: pressed ? (urge ? urge.message : notification.body) : null,
      people: person ? [{ name: person.displayName, mobile: person.phone }] : [],
    };
  }

  /** The day a reminder speaks of (its sweep's date, in the dedupe key), else the day the notice was made. */
  private asOfOf(notification: Notification): string {
    const fromKey = /^reminder:[^:]+:[^:]+:(\d{4}-\d{2}-\d{2}):/.exec(notification.dedupeKey ?? '');
    return fromKey?.[1] ?? this.calendar.dateOf(notification.createdAt);
  }
}
