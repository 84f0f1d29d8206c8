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

  /**
   * Records a part for each of `organizationIds` that has none for `asOf` yet (a sweep requested or scheduled that
   * day), and returns them. An advisory lock serializes processes starting at once, so each part is recorded once.
   */
  recordMissing(asOf: string, organizationIds: string[]): Promise<SweepPart[]> {
    if (!organizationIds.length) return Promise.resolve([]);
    return this.sweeps.manager.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('reminder_sweeps:catch_up'))`);
      const rows: Array<{ id: string; organization_id: string }> = await manager.query(
        `INSERT INTO reminder_sweeps (as_of, organization_id)
         SELECT $1::date, o.id FROM unnest($2::uuid[]) AS o(id)
          WHERE NOT EXISTS (SELECT 1 FROM reminder_sweeps s WHERE s.as_of = $1::date AND s.organization_id = o.id)
         RETURNING id, organization_id`,
        [asOf, organizationIds],
      );
      return rows.map((row) => ({ id: String(row.id), asOf, organizationId: row.organization_id }));
    });
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
