import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from './auth-user';

/** Reads reach the caller's organization and its descendants (a county sees its townships); writes stay in the own one. */
@Injectable()
export class OrganizationScopeService {
  constructor(private readonly dataSource: DataSource) {}

  async visibleOrganizationIds(user: Pick<AuthUser, 'organizationId'>): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH RECURSIVE tree AS (
         SELECT id FROM organizations WHERE id = $1
         UNION SELECT o.id FROM organizations o JOIN tree t ON o.parent_id = t.id
       ) SELECT id FROM tree`,
      [user.organizationId],
    );
    return rows.map((row) => row.id);
  }
}
