import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobRegistry } from '../queue/job-registry';
import { QueueName } from '../queue/jobs';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { ReminderSweepService } from './reminder-sweep.service';

export const DAILY_SWEEP_SCHEDULER = 'reminders.daily';

/** Runs the sweep for the daily scheduler (cron in TIME_ZONE); the job's 'today' resolves when it runs. */
@Injectable()
export class RemindersWorker implements OnApplicationBootstrap {
  constructor(
    registry: JobRegistry,
    sweeps: ReminderSweepService,
    @InjectQueue(QueueName.Reminders) private readonly remindersQueue: Queue,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {
    registry.register('reminders.sweep', (payload) => sweeps.sweep(payload.asOf));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.remindersQueue.upsertJobScheduler(
      DAILY_SWEEP_SCHEDULER,
      { pattern: this.runtime.config.REMINDER_CRON, tz: this.runtime.config.TIME_ZONE },
      { name: 'reminders.sweep', data: { asOf: 'today' } },
    );
  }
}
