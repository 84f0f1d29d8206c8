import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobRegistry } from '../queue/job-registry';
import { QueueName } from '../queue/jobs';
import { PollingLoop } from '../runtime/polling-loop';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { ReminderSweepService } from './reminder-sweep.service';

export const DAILY_SWEEP_SCHEDULER = 'reminders.daily';

/**
 * The daily scheduler (cron in TIME_ZONE; the job's 'today' resolves when it runs) splits the sweep into one job per
 * organization; those jobs store the reminders. On the outbox poll interval, sweep parts that a request could not
 * queue (Redis was down) are queued from here.
 */
@Injectable()
export class RemindersWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RemindersWorker');
  private readonly polling: PollingLoop;

  constructor(
    registry: JobRegistry,
    sweeps: ReminderSweepService,
    @InjectQueue(QueueName.Reminders) private readonly remindersQueue: Queue,
    private readonly calendar: OrganizationCalendar,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {
    this.polling = new PollingLoop(
      () => sweeps.enqueueUnqueued(),
      runtime.config.OUTBOX_POLL_MS,
      (error) => this.logger.warn({ err: error }, '登记的提醒扫描入队失败，稍后重试'),
    );
    registry.register('reminders.sweep', (payload) => sweeps.requestEverywhere(payload.asOf));
    registry.register('reminders.sweep_organization', (payload) =>
      sweeps.sweepOrganization(payload.asOf, payload.organizationId),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.remindersQueue.upsertJobScheduler(
      DAILY_SWEEP_SCHEDULER,
      { pattern: this.runtime.config.REMINDER_CRON, tz: this.calendar.timeZone },
      { name: 'reminders.sweep', data: { asOf: 'today' } },
    );
    this.polling.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.polling.stop();
  }
}
