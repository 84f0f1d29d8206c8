import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { addDays } from '../common/calendar';
import { OrganizationRepository } from '../identity/organization.repository';
import { JobProducer } from '../queue/job-producer';
import { JobRegistry } from '../queue/job-registry';
import { JOB_QUEUE } from '../queue/jobs';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { CountyBulletinsService } from './county-bulletins.service';

export const MONTHLY_BULLETIN_SCHEDULER = 'county.bulletins.monthly';
/** 08:00 on the 1st, in TIME_ZONE: the 通报 on the month just ended. */
export const MONTHLY_BULLETIN_CRON = '0 8 1 * *';

/**
 * The monthly scheduler queues one job per organization with children; the job id names the organization and the
 * month, so a repeated run queues nothing new, and the table's unique key catches a click made meanwhile.
 */
@Injectable()
export class CountyBulletinsWorker implements OnApplicationBootstrap {
  constructor(
    registry: JobRegistry,
    bulletins: CountyBulletinsService,
    private readonly organizations: OrganizationRepository,
    private readonly producer: JobProducer,
    @InjectQueue(JOB_QUEUE['county.bulletins_monthly']) private readonly queue: Queue,
    private readonly calendar: OrganizationCalendar,
  ) {
    registry.register('county.bulletins_monthly', (payload) => this.queueAll(payload.month));
    registry.register('county.bulletin', (payload) =>
      bulletins.issue(payload.organizationId, payload.month, null).then(({ bulletin }) => bulletin.id),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      MONTHLY_BULLETIN_SCHEDULER,
      { pattern: MONTHLY_BULLETIN_CRON, tz: this.calendar.timeZone },
      { name: 'county.bulletins_monthly', data: { month: 'previous' } },
    );
  }

  /** `previous` is the month before today (in TIME_ZONE) when the job runs. */
  async queueAll(month: string): Promise<number> {
    const resolved =
      month === 'previous' ? addDays(`${this.calendar.today().slice(0, 7)}-01`, -1).slice(0, 7) : month;
    const issuers = await this.organizations.withChildrenIds();
    return this.producer.enqueueBulk(
      issuers.map((organizationId) => ({
        name: 'county.bulletin' as const,
        payload: { organizationId, month: resolved },
        options: { jobId: bulletinJobId(organizationId, resolved) },
      })),
    );
  }
}

export function bulletinJobId(organizationId: string, month: string): string {
  return `county-bulletin-${organizationId}-${month}`;
}
