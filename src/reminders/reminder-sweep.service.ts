import { todayIn } from '../common/calendar';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deliveryJobs, NewNotification } from '../notifications/delivery-jobs';
import { JobProducer } from '../queue/job-producer';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { parseAsOf, reminderPolicy } from './reminder-rules';
import { SWEEP_SQL } from './reminder-sweep.sql';

@Injectable()
export class ReminderSweepService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /**
   * Stores the day's reminders (in-app) and enqueues their e-mail/webhook deliveries. Insert and enqueue share
   * one transaction: if Redis fails, nothing is stored and the next sweep retries; if the commit fails after the
   * enqueue, the orphaned jobs find no notification, retry, then stay failed for inspection. Concurrent or repeated sweeps insert nothing new.
   */
  async sweep(asOf?: string): Promise<{ asOf: string; enqueued: number }> {
    const { config } = this.runtime;
    const date = asOf === undefined || asOf === 'today' ? todayIn(config.TIME_ZONE) : parseAsOf(asOf);
    const policy = reminderPolicy(config);
    const enqueued = await this.dataSource.transaction(async (manager) => {
      const created: NewNotification[] = await manager.query(SWEEP_SQL, [
        date,
        config.TIME_ZONE,
        policy.overdueDailyDays,
        policy.overdueCadenceDays,
        policy.escalationLeaderDays,
        policy.escalationParentDays,
        policy.inactivityDays,
      ]);
      await this.producer.enqueueBulk(deliveryJobs(config, created));
      return created.length;
    });
    return { asOf: date, enqueued };
  }
}
