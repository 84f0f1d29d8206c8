import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { OrganizationSettings } from './organization-settings';
import { Organization } from './organization.entity';

/** Every statement identity runs on `organizations`. */
@Injectable()
export class OrganizationRepository {
  constructor(@InjectRepository(Organization) private readonly organizations: Repository<Organization>) {}

  /** The organization and all its descendants (a county, its townships, their villages). */
  async subtreeIds(organizationId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.organizations.query(
      `WITH RECURSIVE tree AS (
         SELECT id FROM organizations WHERE id = $1
         UNION SELECT o.id FROM organizations o JOIN tree t ON o.parent_id = t.id
       ) SELECT id FROM tree`,
      [organizationId],
    );
    return rows.map((row) => row.id);
  }

  /** Organizations that have children (counties and cities): those a monthly 通报 is written for. */
  async withChildrenIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.organizations.query(
      `SELECT DISTINCT parent_id AS id FROM organizations WHERE parent_id IS NOT NULL ORDER BY 1`,
    );
    return rows.map((row) => row.id);
  }

  /** The organization's ancestors, nearest first (a township's county, then its city). */
  async ancestorIds(organizationId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.organizations.query(
      `WITH RECURSIVE up AS (
         SELECT parent_id AS id, 1 AS depth FROM organizations WHERE id = $1 AND parent_id IS NOT NULL
         UNION ALL SELECT o.parent_id, up.depth + 1 FROM organizations o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL
       ) SELECT id FROM up ORDER BY depth`,
      [organizationId],
    );
    return rows.map((row) => row.id);
  }

  findByIds(ids: string[]): Promise<Organization[]> {
    return this.organizations.find({ where: { id: In(ids) }, order: { createdAt: 'ASC' } });
  }

  /** What the organization's administrator set; null for an unknown organization. */
  async findSettings(organizationId: string): Promise<Partial<OrganizationSettings> | null> {
    const row = await this.organizations.findOne({
      select: { id: true, settings: true },
      where: { id: organizationId },
    });
    return row?.settings ?? null;
  }

  /** Merges `changes` into the stored settings in one statement, so concurrent changes of other keys survive. */
  async mergeSettings(organizationId: string, changes: Partial<OrganizationSettings>): Promise<void> {
    await this.organizations.query(
      `UPDATE organizations SET settings = settings || $2::jsonb WHERE id = $1`,
      [organizationId, JSON.stringify(changes)],
    );
  }

  insert(
    fields: Pick<Organization, 'name' | 'parentId'>,
    manager = this.organizations.manager,
  ): Promise<Organization> {
    return manager.save(manager.create(Organization, fields));
  }
}
