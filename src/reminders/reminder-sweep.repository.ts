import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, Repository } from 'typeorm';
import { ReminderSweep } from './reminder-sweep.entity';

export type SweepPart = Pick<ReminderSweep, 'id' | 'asOf' | 'organizationId'>;

/** reminder_sweeps: what sweeps were asked for, per organization, and whether their jobs are queued. */
@Injectable()
export class ReminderSweepRepository {
  constructor(@InjectRepository(ReminderSweep) private readonly sweeps: Repository<ReminderSweep>) {}

  /** One row per organization, in one statement (its own transaction, committed on return). */
  async record(asOf: string, organizationIds: string[], requestedBy: string | null): Promise<SweepPart[]> {
    if (!organizationIds.length) return [];
    const result = await this.sweeps.insert(
      organizationIds.map((organizationId) => ({ asOf, organizationId, requestedBy })),
    );
    return result.identifiers.map((identifier, index) => ({
      id: String(identifier.id),
      asOf,
      organizationId: organizationIds[index],
    }));
  }

  async markEnqueued(ids: string[]): Promise<void> {
    if (ids.length)
      await this.sweeps.update({ id: In(ids), enqueuedAt: IsNull() }, { enqueuedAt: () => 'now()' });
  }

  /** Parts whose jobs were not queued, oldest first, left alone for `graceMs` so their own request can queue them. */
  findUnqueued(limit: number, graceMs: number): Promise<SweepPart[]> {
    return this.sweeps.find({
      select: { id: true, asOf: true, organizationId: true },
      where: { enqueuedAt: IsNull(), createdAt: LessThan(new Date(Date.now() - graceMs)) },
      order: { id: 'ASC' },
      take: limit,
    });
  }
}
