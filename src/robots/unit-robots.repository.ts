import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Repository } from 'typeorm';
import { UnitRobot } from './unit-robot.entity';

/** All SQL on unit_robots. `unitId` null is the organization's leaders' group. */
@Injectable()
export class UnitRobotsRepository {
  constructor(
    @InjectRepository(UnitRobot) private readonly robots: Repository<UnitRobot>,
    private readonly dataSource: DataSource,
  ) {}

  findScope(organizationId: string, unitId: string | null, manager?: EntityManager): Promise<UnitRobot[]> {
    return this.repository(manager).find({
      where: { organizationId, unitId: unitId ?? IsNull() },
      order: { position: 'ASC' },
    });
  }

  findOrganization(organizationId: string): Promise<UnitRobot[]> {
    return this.robots.find({ where: { organizationId }, order: { position: 'ASC' } });
  }

  findOwned(organizationId: string, id: string): Promise<UnitRobot | null> {
    return this.robots.findOneBy({ id, organizationId });
  }

  findById(id: string): Promise<UnitRobot | null> {
    return this.robots.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<UnitRobot[]> {
    return ids.length ? this.robots.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Robot ids for a task's unit and/or the organization's leaders, in configured order. */
  async findIdsFor(organizationId: string, unitId: string | null, leaders: boolean): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM unit_robots
        WHERE organization_id = $1 AND (($2::uuid IS NOT NULL AND unit_id = $2) OR ($3 AND unit_id IS NULL))
        ORDER BY unit_id NULLS LAST, position`,
      [organizationId, unitId, leaders],
    );
    return rows.map((row) => row.id);
  }

  /** Which of these organizations have any robot at all (most have none: their notices skip the robot path). */
  async findOrganizationsWithRobots(organizationIds: string[]): Promise<string[]> {
    if (!organizationIds.length) return [];
    const rows: { organization_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT organization_id FROM unit_robots WHERE organization_id = ANY($1::uuid[])`,
      [organizationIds],
    );
    return rows.map((row) => row.organization_id);
  }

  /** Serializes configuration changes of one unit's robots (two admins saving at once). */
  async lockScope(manager: EntityManager, organizationId: string, unitId: string | null): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `unit-robots:${organizationId}:${unitId ?? 'leaders'}`,
    ]);
  }

  /** Makes the scope's robots exactly `robots`: others are deleted (their ids returned), these inserted or updated. */
  async replaceScope(
    manager: EntityManager,
    organizationId: string,
    unitId: string | null,
    robots: UnitRobot[],
  ): Promise<string[]> {
    const removed: { id: string }[] = await manager.query(
      `WITH removed AS (
         DELETE FROM unit_robots
          WHERE organization_id = $1 AND unit_id IS NOT DISTINCT FROM $2::uuid AND NOT (id = ANY($3::uuid[]))
         RETURNING id)
       SELECT id FROM removed`,
      [organizationId, unitId, robots.map((robot) => robot.id)],
    );
    if (robots.length) await manager.getRepository(UnitRobot).save(robots);
    return removed.map((row) => row.id);
  }

  create(fields: Omit<UnitRobot, 'createdAt' | 'updatedAt'>): UnitRobot {
    return this.robots.create(fields);
  }

  private repository(manager?: EntityManager): Repository<UnitRobot> {
    return manager ? manager.getRepository(UnitRobot) : this.robots;
  }
}
