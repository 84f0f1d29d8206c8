import { Inject, Injectable } from '@nestjs/common';
import { todayIn } from '../common/calendar';
import { UnitRepository } from '../identity/unit.repository';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { RobotDispatcher } from '../robots/robot-dispatcher';
import { RobotAudience, robotAudienceOf, RobotReminder } from '../robots/robot-reminder';
import { RobotsService } from '../robots/robots.service';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { TaskNoticeContext, TaskRepository } from '../tasks/task.repository';
import { Notification } from './notification.entity';
import { NotificationRepository } from './notification.repository';

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
    @Inject(RUNTIME) private readonly runtime: Runtime,
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
  async routeOf(notification: Pick<Notification, 'kind' | 'title' | 'taskId'>): Promise<RobotRoute | null> {
    const audience = robotAudienceOf(notification.kind, notification.title);
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
    const [person, unit] = await Promise.all([
      this.directory.findRecipient(notification.userId),
      task.unitId ? this.units.findInOrganization(task.organizationId, task.unitId) : null,
    ]);
    const pressed = audience.kind === 'urge' || audience.kind === 'supervise';
    return {
      kind: audience.kind,
      taskId: task.id,
      taskTitle: task.title,
      unitName: unit?.name ?? null,
      deadline: task.deadline,
      asOf: this.asOfOf(notification),
      // A 催办's notice text is what the presser wrote, with their name (the urge route composes it).
      note: pressed ? notification.body : null,
      people: person ? [{ name: person.displayName, mobile: person.phone }] : [],
    };
  }

  /** The day a reminder speaks of (its sweep's date, in the dedupe key), else the day the notice was made. */
  private asOfOf(notification: Notification): string {
    const fromKey = /^reminder:[^:]+:[^:]+:(\d{4}-\d{2}-\d{2}):/.exec(notification.dedupeKey ?? '');
    return fromKey?.[1] ?? todayIn(this.runtime.config.TIME_ZONE, notification.createdAt);
  }
}
