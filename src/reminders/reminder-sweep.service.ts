import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../identity/auth-user';
import { OrganizationScopeService } from '../identity/org-scope';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { NotificationDraft, NotificationsService } from '../notifications/notifications.service';
import { JobProducer } from '../queue/job-producer';
import { QueueUnavailableError } from '../queue/queue-timeout';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { OPEN_STATUSES } from '../tasks/task-status';
import { TaskRepository } from '../tasks/task.repository';
import { reminderDedupeKey, REMINDER_AUDIENCE, reminderNotice } from './reminder-notices';
import { parseAsOf, ReminderKind, reminderKindsOn, reminderPolicy } from './reminder-rules';
import { ReminderSweepRepository, SweepPart } from './reminder-sweep.repository';

/** How long a sweep request waits for Redis before it answers and leaves the queueing to the workers. */
const ENQUEUE_TIMEOUT_MS = 2000;
/** How old an unqueued sweep part must be before a worker queues it, so it does not race its own request. */
const REQUEST_GRACE_MS = 5000;
const RELAY_BATCH = 500;

/** `enqueued`: organizations whose sweep job is queued; `pending`: recorded, queued by a worker once Redis answers. */
export interface SweepRequested {
  asOf: string;
  enqueued: number;
  pending: number;
}

/**
 * Reminder sweeps, one job per organization so that several workers share a large sweep. A request records its
 * parts in reminder_sweeps (committed), then queues their jobs, never waiting on Redis inside a transaction.
 */
@Injectable()
export class ReminderSweepService {
  private readonly logger = new Logger('ReminderSweep');

  constructor(
    private readonly sweeps: ReminderSweepRepository,
    private readonly tasks: TaskRepository,
    private readonly directory: UserDirectoryRepository,
    private readonly scope: OrganizationScopeService,
    private readonly notifications: NotificationsService,
    private readonly producer: JobProducer,
    private readonly calendar: OrganizationCalendar,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /**
   * An administrator's sweep as if today were `asOf`: their own organization and, for a county, its townships,
   * never anyone else's (a sweep on a future date stores that day's reminders, and they are stored only once).
   */
  async requestFor(user: AuthUser, asOf: string | undefined): Promise<SweepRequested> {
    const date = this.dateOf(asOf);
    return this.request(date, await this.scope.visibleOrganizationIds(user), user.id);
  }

  /** The scheduled daily sweep: every organization. */
  async requestEverywhere(asOf: string | undefined): Promise<SweepRequested> {
    const date = this.dateOf(asOf);
    return this.request(date, await this.directory.findAllOrganizationIds(), null);
  }

  /**
   * Today's sweep for every organization whose sweep has not run today (none requested, none scheduled): what a
   * start-up and the demo seeding run, so reminders due while the service was down go out on the day it is back.
   */
  async catchUp(): Promise<SweepRequested> {
    const today = this.calendar.today();
    const parts = await this.sweeps.recordMissing(today, await this.directory.findAllOrganizationIds());
    return this.enqueueRecorded(today, parts);
  }

  /**
   * One organization's reminders for `asOf`, stored in-app and their deliveries queued. Idempotent: a rerun stores
   * nothing new (dedupe keys) and queues again only what a crash may have left unqueued (job ids dedupe the rest).
   */
  async sweepOrganization(asOf: string, organizationId: string): Promise<{ stored: number }> {
    const policy = reminderPolicy(this.runtime.config);
    const candidates = await this.tasks.findReminderCandidates(
      organizationId,
      OPEN_STATUSES,
      asOf,
      policy.inactivityDays,
    );
    const due = candidates.flatMap((task) =>
      reminderKindsOn(task.overDays, task.idleDays, policy).map((kind): [typeof task, ReminderKind] => [
        task,
        kind,
      ]),
    );
    const recipients = await this.directory.resolveRecipients(
      due.map(([task, kind]) => ({ ...task, audience: REMINDER_AUDIENCE[kind] })),
    );
    const drafts = recipients.map((recipient): NotificationDraft => {
      const [task, kind] = due[recipient.query];
      return {
        organizationId: recipient.organizationId,
        userId: recipient.userId,
        taskId: task.id,
        kind,
        ...reminderNotice(kind, task, policy),
        dedupeKey: reminderDedupeKey(task.id, kind, asOf, recipient.userId),
        hasEmail: recipient.email !== null,
      };
    });
    return { stored: await this.notifications.store(drafts) };
  }

  /** Queues sweep parts whose request could not (Redis was down); run by workers on a timer. */
  async enqueueUnqueued(): Promise<number> {
    const parts = await this.sweeps.findUnqueued(RELAY_BATCH, REQUEST_GRACE_MS);
    if (!parts.length) return 0;
    await this.enqueue(parts);
    return parts.length;
  }

  private async request(
    asOf: string,
    organizationIds: string[],
    requestedBy: string | null,
  ): Promise<SweepRequested> {
    return this.enqueueRecorded(asOf, await this.sweeps.record(asOf, organizationIds, requestedBy));
  }

  private async enqueueRecorded(asOf: string, parts: SweepPart[]): Promise<SweepRequested> {
    try {
      await this.enqueue(parts, ENQUEUE_TIMEOUT_MS);
      return { asOf, enqueued: parts.length, pending: 0 };
    } catch (error) {
      if (!(error instanceof QueueUnavailableError)) throw error;
      this.logger.warn(`提醒队列暂不可用，${parts.length} 个单位的扫描已登记，待队列恢复后由工作进程入队`);
      return { asOf, enqueued: 0, pending: parts.length };
    }
  }

  private async enqueue(parts: SweepPart[], timeoutMs?: number): Promise<void> {
    await this.producer.enqueueBulk(
      parts.map((part) => ({
        name: 'reminders.sweep_organization' as const,
        payload: { asOf: part.asOf, organizationId: part.organizationId },
        options: { jobId: `reminder-sweep-${part.id}` },
      })),
      { timeoutMs },
    );
    await this.sweeps.markEnqueued(parts.map((part) => part.id));
  }

  private dateOf(asOf: string | undefined): string {
    return asOf === undefined || asOf === 'today' ? this.calendar.today() : parseAsOf(asOf);
  }
}
